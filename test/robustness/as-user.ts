/**
 * Permission errors cannot be made for root (it reads a chmod 000 folder anyway). When the
 * tests run as root, the CLI runs as `nobody` through setpriv instead: the folders from `/` to
 * `work` are made traversable, and `work` writable, for that run only; `restore` undoes it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function asUnprivileged(work: string): { prefix: string[]; restore: () => void } {
  if (process.getuid?.() !== 0) return { prefix: [], restore: () => {} };
  if (spawnSync('setpriv', ['--version']).status !== 0) throw new Error('running as root: setpriv (util-linux) is needed to test permission errors');
  const changed: [string, number][] = [];
  const widen = (path: string, bits: number) => {
    const mode = statSync(path).mode & 0o7777;
    if ((mode & bits) !== bits) {
      changed.push([path, mode]);
      chmodSync(path, mode | bits);
    }
  };
  widen(work, 0o777);
  for (let dir = dirname(work); dir !== dirname(dir); dir = dirname(dir)) widen(dir, 0o001);
  return {
    prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
    restore: () => {
      for (const [path, mode] of changed.reverse()) chmodSync(path, mode);
    },
  };
}
