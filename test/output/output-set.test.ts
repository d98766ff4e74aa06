import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSetError, ownFile, sweepOutputDir, writeOutputSet } from '../../src/output/output-set.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'contract-output-set-'));
const files = (tag: string) => [
  { name: 'N-1.docx', data: new TextEncoder().encode(`docx ${tag}`) },
  { name: 'N-1.pdf', data: new TextEncoder().encode(`pdf ${tag}`) },
];
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

describe('writeOutputSet', () => {
  it('writes every file (creating the folder), replaces a whole set, and leaves nothing else', async () => {
    const dir = join(fresh(), 'a', 'b');
    await writeOutputSet(dir, 'N-1', files('one'));
    expect(contents(dir)).toEqual({ 'N-1.docx': 'docx one', 'N-1.pdf': 'pdf one' });
    await writeOutputSet(dir, 'N-1', files('two'));
    expect(contents(dir)).toEqual({ 'N-1.docx': 'docx two', 'N-1.pdf': 'pdf two' });
  });

  it('two writers of one set in one process take turns: the result is one whole set', async () => {
    const dir = fresh();
    for (let i = 0; i < 20; i++) {
      await Promise.all([writeOutputSet(dir, 'N-1', files(`a${i}`)), writeOutputSet(dir, 'N-1', files(`b${i}`))]);
      const c = contents(dir);
      expect(Object.keys(c)).toEqual(['N-1.docx', 'N-1.pdf']);
      expect(c['N-1.docx']!.slice(5)).toBe(c['N-1.pdf']!.slice(4));
    }
  });

  it('a set held by a live process: waits, then throws locked naming it; the old set stays', async () => {
    const dir = fresh();
    await writeOutputSet(dir, 'N-1', files('old'));
    writeFileSync(join(dir, '.N-1.contract-lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }));
    const start = Date.now();
    const error = await writeOutputSet(dir, 'N-1', files('new'), { lockWaitMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - start).toBeGreaterThanOrEqual(300);
    expect(error).toBeInstanceOf(OutputSetError);
    expect(error).toMatchObject({ problem: 'locked', detail: `process ${process.pid} on ${hostname()}` });
    // The old set, and the other run's lock, are left alone.
    expect(contents(dir)).toEqual({ '.N-1.contract-lock': JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }), 'N-1.docx': 'docx old', 'N-1.pdf': 'pdf old' });
  });

  it('stale locks are broken: a dead process, or an unreadable lock older than two seconds', async () => {
    for (const content of [JSON.stringify({ pid: 99_999_999, host: hostname(), token: 'dead' }), '']) {
      const dir = fresh();
      const lock = join(dir, '.N-1.contract-lock');
      writeFileSync(lock, content);
      const old = new Date(Date.now() - 5_000);
      utimesSync(lock, old, old);
      await writeOutputSet(dir, 'N-1', files('new'), { lockWaitMs: 0 });
      expect(contents(dir)).toEqual({ 'N-1.docx': 'docx new', 'N-1.pdf': 'pdf new' });
    }
  });

  it('a lock taken on another machine is respected until it is ten minutes old', async () => {
    const dir = fresh();
    const lock = join(dir, '.N-1.contract-lock');
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-host', token: 'x' }));
    await expect(writeOutputSet(dir, 'N-1', files('new'), { lockWaitMs: 0 })).rejects.toMatchObject({ problem: 'locked', detail: 'process 1 on another-host' });
    const old = new Date(Date.now() - 11 * 60_000);
    utimesSync(lock, old, old);
    await writeOutputSet(dir, 'N-1', files('new'), { lockWaitMs: 0 });
    expect(contents(dir)).toEqual({ 'N-1.docx': 'docx new', 'N-1.pdf': 'pdf new' });
  });

  it('a read-only final file, or a folder in its place: nothing written, the old set untouched', async () => {
    const dir = fresh();
    await writeOutputSet(dir, 'N-1', files('old'));
    chmodSync(join(dir, 'N-1.pdf'), 0o444);
    await expect(writeOutputSet(dir, 'N-1', files('new'))).rejects.toMatchObject({ problem: 'read-only', path: join(dir, 'N-1.pdf') });
    expect(contents(dir)).toEqual({ 'N-1.docx': 'docx old', 'N-1.pdf': 'pdf old' });

    const other = fresh();
    mkdirSync(join(other, 'N-1.pdf'));
    await expect(writeOutputSet(other, 'N-1', files('new'))).rejects.toMatchObject({ problem: 'not-a-file', detail: 'EISDIR' });
    expect(readdirSync(other)).toEqual(['N-1.pdf']);
  });

  it('a folder that cannot be made is cannot-create-folder, with the level that failed', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    await expect(writeOutputSet(join(dir, 'file', 'out'), 'N-1', files('x'))).rejects.toMatchObject({ problem: 'cannot-create-folder', detail: 'ENOTDIR' });
  });
});

describe('sweepOutputDir', () => {
  it('completes a journaled set, removes the rest of dead runs, keeps live runs and other files', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '.A.pdf.99999999-0123abcd.contract-tmp'), 'new pdf');
    writeFileSync(join(dir, 'A.pdf'), 'old pdf');
    writeFileSync(join(dir, '.A.pdf.99999999-89abcdef.contract-old'), 'old pdf');
    writeFileSync(join(dir, '.A.contract-journal'), JSON.stringify({ renames: [{ temp: '.A.pdf.99999999-0123abcd.contract-tmp', final: 'A.pdf', backup: '.A.pdf.99999999-89abcdef.contract-old' }] }));
    writeFileSync(join(dir, '.B.docx.99999999-0123abcd.contract-tmp'), 'partial');
    // A live run (this process) writing C: its files stay.
    writeFileSync(join(dir, '.C.contract-lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'live' }));
    writeFileSync(join(dir, `.C.pdf.${process.pid}-0123abcd.contract-tmp`), 'being written');
    // A journal must not send renames outside the folder.
    writeFileSync(join(dir, '.D.contract-journal'), JSON.stringify({ renames: [{ temp: '../escape', final: '../../x' }] }));
    writeFileSync(join(dir, 'notes.contract-tmp'), 'user file, not hidden');
    await sweepOutputDir(dir);
    expect(contents(dir)).toEqual({
      '.C.contract-lock': JSON.stringify({ pid: process.pid, host: hostname(), token: 'live' }),
      [`.C.pdf.${process.pid}-0123abcd.contract-tmp`]: 'being written',
      'A.pdf': 'new pdf',
      'notes.contract-tmp': 'user file, not hidden',
    });
  });

  it('ownFile recognises only our hidden names', () => {
    expect(ownFile('.X.contract-lock')).toEqual({ set: 'X', kind: 'lock' });
    expect(ownFile('.a.b.pdf.123-0123abcd.contract-tmp')).toEqual({ set: 'a.b', kind: 'temp', pid: 123 });
    expect(ownFile('.X.contract-journal.123-0123abcd.contract-tmp')).toEqual({ set: 'X', kind: 'temp', pid: 123 });
    expect(ownFile('.X.pdf.123.0123abcd.tmp')).toEqual({ set: 'X', kind: 'legacy-temp', pid: 123 });
    for (const name of ['X.pdf', '.keep.tmp', '.X.pdf.tmp', 'X.contract-lock', '.X.txt.123.0123abcd.tmp']) expect(ownFile(name), name).toBeUndefined();
  });
});
