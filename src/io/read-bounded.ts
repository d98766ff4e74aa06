/**
 * The one way the tool reads a file a user named (params, bases, templates, fonts): it must
 * be a regular file, and reading stops one byte past a size cap. Opening with O_NONBLOCK
 * means a FIFO cannot hang the open, and the check runs on the opened descriptor, so a path
 * swapped between a check and the read cannot slip a device or pipe in.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead =
  | { readonly ok: true; readonly data: Buffer }
  | { readonly ok: false; readonly reason: 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'is-directory'; readonly detail?: string };

export function readBounded(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    if (code === 'EISDIR') return { ok: false, reason: 'is-directory' };
    return { ok: false, reason: 'unreadable', ...(code ? { detail: code } : {}) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'is-directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large' };
    // The size may grow between fstat and read (a file being written): read at most cap + 1.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.size + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { ok: false, reason: 'too-large' };
    }
    return { ok: true, data: buffer.subarray(0, total) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'unreadable', ...(code ? { detail: code } : {}) };
  } finally {
    closeSync(fd);
  }
}
