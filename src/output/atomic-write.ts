import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from '../io/ensure-dir.js';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same directory and renames it into place, so a
 * reader (or a killed process) never sees a partial file: either the old file or the new.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  // Not mkdir({ recursive: true }): it spins forever on /proc paths in Node 20.
  await ensureDir(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
