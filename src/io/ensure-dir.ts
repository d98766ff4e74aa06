/**
 * Creating a folder and its missing parents, without `mkdir({ recursive: true })`: Node 20's
 * recursive mkdir spins at 100% CPU forever on a path the kernel refuses with ENOENT although
 * the parent exists (`/proc/x`, `/sys/y`). Here each level is tried once, so every failure
 * ends in an error with the errno of the level that could not be made.
 */
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** An error of ensureDir: the folder that could not be made and why. */
export class EnsureDirError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot create the folder ${path} (${code})`);
    this.name = 'EnsureDirError';
  }
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/** Makes `path` and its missing parents; resolves to nothing or throws an EnsureDirError. */
export async function ensureDir(path: string): Promise<void> {
  const target = resolve(path);
  const missing: string[] = [];
  // Walk up to the first level that exists (each level once), then create downwards.
  for (let dir = target; ; dir = dirname(dir)) {
    try {
      const s = await stat(dir);
      if (!s.isDirectory()) throw new EnsureDirError(dir, 'ENOTDIR');
      break;
    } catch (e) {
      if (e instanceof EnsureDirError) throw e;
      const code = codeOf(e);
      if (code !== 'ENOENT' || dirname(dir) === dir) throw new EnsureDirError(dir, code);
      missing.push(dir);
    }
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (e) {
      const code = codeOf(e);
      // Made by someone else in the meantime: fine if it is a folder.
      if (code === 'EEXIST' && (await stat(dir).catch(() => undefined))?.isDirectory()) continue;
      throw new EnsureDirError(dir, code);
    }
  }
}

/** The same, synchronously (the font cache writes from synchronous code). */
export function ensureDirSync(path: string): void {
  const target = resolve(path);
  const missing: string[] = [];
  for (let dir = target; ; dir = dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) throw new EnsureDirError(dir, 'ENOTDIR');
      break;
    } catch (e) {
      if (e instanceof EnsureDirError) throw e;
      const code = codeOf(e);
      if (code !== 'ENOENT' || dirname(dir) === dir) throw new EnsureDirError(dir, code);
      missing.push(dir);
    }
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      const code = codeOf(e);
      if (code === 'EEXIST' && isDirSync(dir)) continue;
      throw new EnsureDirError(dir, code);
    }
  }
}

function isDirSync(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
