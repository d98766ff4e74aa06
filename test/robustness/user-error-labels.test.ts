/**
 * Issue 11, point 12: wrong labels. Each case is a user error with its own message and exit
 * code, ended within seconds: before, SOURCE_DATE_EPOCH=99999999999999999999 was an
 * "internal error", `-o ''` wrote into the current folder, and `-o /proc/x`,
 * `CONTRACT_CACHE_DIR=/proc/zz` and `templates export /proc/x` spun at 100% CPU forever in
 * Node 20's recursive mkdir. (The templates-folder cases are in template-limits.test.ts.)
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_PATH, STACK, runCliTimed } from './helpers.js';

/** Long enough for a loaded machine, far below "forever". */
const TIMEOUT = 20_000;

describe('user errors, not internal errors or hangs', { timeout: 180_000 }, () => {
  it.each([
    ['SOURCE_DATE_EPOCH=99999999999999999999', ['gen', EXAMPLE_PATH, '-o', 'out'], { SOURCE_DATE_EPOCH: '99999999999999999999' }, 2, 'error: SOURCE_DATE_EPOCH must be at most 253402300799 (9999-12-31), got "99999999999999999999"'],
    ["-o ''", ['gen', EXAMPLE_PATH, '-o', ''], {}, 2, 'error: the output folder is empty (-o ""); name a folder, e.g. -o out'],
    ['-o /proc/x', ['gen', EXAMPLE_PATH, '-o', '/proc/x', '-f', 'md'], {}, 3, 'error: could not write to /proc/x: cannot create the folder /proc/x (ENOENT)'],
    ['-o /proc/x/y/z', ['gen', EXAMPLE_PATH, '-o', '/proc/x/y/z', '-f', 'md'], {}, 3, 'cannot create the folder /proc/x (ENOENT)'],
    ['CONTRACT_CACHE_DIR=/proc/zz', ['gen', EXAMPLE_PATH, '-o', 'out', '-f', 'pdf'], { CONTRACT_CACHE_DIR: '/proc/zz' }, 2, 'error: CONTRACT_CACHE_DIR=/proc/zz: cannot create the folder (ENOENT)'],
    ['templates export /proc/x', ['templates', 'export', '/proc/x'], {}, 3, 'error: could not write to /proc/x (ENOENT)'],
  ] as const)('%s: a user error with its own message and exit code, nothing written here', (_, args, env, status, message) => {
    const cwd = tempDir('contract-labels-');
    const r = runCliTimed(args, { cwd, env, timeout: TIMEOUT });
    expect(r.signal, `still running after ${r.ms} ms`).toBeNull();
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|this is a bug/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('SOURCE_DATE_EPOCH=253402300799 (9999-12-31 23:59:59), the largest accepted, gives valid files', () => {
    const out = join(tempDir('contract-labels-'), 'out');
    const r = runCliTimed(['gen', EXAMPLE_PATH, '-o', out, '-q'], { env: { SOURCE_DATE_EPOCH: '253402300799' } });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']);
  });

  it('CONTRACT_CACHE_DIR naming a regular file: exit 2, the file untouched', () => {
    const dir = tempDir('contract-labels-');
    writeFileSync(join(dir, 'file'), 'x');
    const r = runCliTimed(['gen', EXAMPLE_PATH, '-o', join(dir, 'out'), '-f', 'pdf'], { env: { CONTRACT_CACHE_DIR: join(dir, 'file') } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`CONTRACT_CACHE_DIR=${join(dir, 'file')}: cannot create the folder (ENOTDIR)`);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
