/**
 * The files of one input (its DOCX, PDF, Markdown) are one output set, written as a whole:
 * either every file of the new set replaces the old one, or the old set stays untouched.
 *
 * Writing a set, in one folder:
 *   1. take the set's lock `.<set>.contract-lock` (create-exclusive; a second run waits);
 *   2. finish what a killed run left (its journal) and check the final names are replaceable;
 *   3. write every file to a hidden temporary `.<set>.<ext>.<pid>-<hex>.contract-tmp`;
 *   4. write the journal `.<set>.contract-journal` listing the renames (this is the commit:
 *      from here on a killed run is completed by the next one, never undone);
 *   5. rename the temporaries over the final names (a failure there puts the old files back
 *      from hard-linked backups), then remove the journal, the backups and the lock.
 * A run that starts sweeps the folder once: it completes the journals and removes the
 * temporary files and locks of runs that died (a lock is stale when its process is gone, or
 * older than ten minutes when it was taken on another machine).
 *
 * Between the first and the last rename of step 5 (microseconds) a killed run leaves a set
 * that is part new, part old; the next run into the folder completes it from the journal.
 *
 * The file calls are synchronous but for the wait for another run's lock: a set is a dozen small
 * calls, which through the thread pool cost the batch's main thread ~2 ms a contract.
 *
 * Files are not fsync'ed: that cost ~25 ms per file here (a 2,000-contract batch would spend
 * minutes in it) and guards only against a power cut, not a killed process, whose writes the
 * kernel keeps. ext4, XFS and btrfs flush a file before a rename that replaces another one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, lstatSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { ensureDirSync, EnsureDirError } from '../io/ensure-dir.js';
import { readBounded } from '../io/read-bounded.js';

export interface OutputFile {
  /** The final file name inside the folder, e.g. `YDH-2025-0001.pdf`. */
  readonly name: string;
  readonly data: Uint8Array;
}

export type OutputSetProblem = 'locked' | 'read-only' | 'not-a-file' | 'cannot-create-folder' | 'io';

/** Why a set was not written; the old set is untouched whenever this is thrown. */
export class OutputSetError extends Error {
  constructor(
    readonly problem: OutputSetProblem,
    /** The file or folder concerned. */
    readonly path: string,
    /** errno code, or for `locked` the holder (`pid 123 on host`). */
    readonly detail: string,
  ) {
    super(`${problem}: ${path} (${detail})`);
    this.name = 'OutputSetError';
  }
}

export interface OutputSetOptions {
  /** How long to wait for another run's lock on the same set; default 30 s. */
  readonly lockWaitMs?: number;
}

const LOCK_SUFFIX = '.contract-lock';
const JOURNAL_SUFFIX = '.contract-journal';
const TEMP_SUFFIX = '.contract-tmp';
const BACKUP_SUFFIX = '.contract-old';
/** A lock taken on another machine sharing the folder is stale after this long. */
const FOREIGN_LOCK_STALE_MS = 10 * 60_000;
const DEFAULT_LOCK_WAIT_MS = 30_000;

const HOST = hostname();
const tag = (): string => `${process.pid}-${randomBytes(4).toString('hex')}`;
const lockName = (set: string) => `.${set}${LOCK_SUFFIX}`;
const journalName = (set: string) => `.${set}${JOURNAL_SUFFIX}`;
const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

/** What a name in the folder is, when it is one of ours; `set` is the set it belongs to. */
export function ownFile(name: string): { set: string; kind: 'lock' | 'journal' | 'temp' | 'backup' | 'legacy-temp'; pid?: number } | undefined {
  let m = /^\.(.+)\.contract-lock$/s.exec(name);
  if (m) return { set: m[1]!, kind: 'lock' };
  m = /^\.(.+)\.contract-journal$/s.exec(name);
  if (m) return { set: m[1]!, kind: 'journal' };
  m = /^\.(.+)\.contract-journal\.(\d+)-[0-9a-f]{8}\.contract-tmp$/s.exec(name);
  if (m) return { set: m[1]!, kind: 'temp', pid: Number(m[2]) };
  m = /^\.(.+)\.[a-z0-9]+\.(\d+)-[0-9a-f]{8}\.contract-(tmp|old)$/s.exec(name);
  if (m) return { set: m[1]!, kind: m[3] === 'tmp' ? 'temp' : 'backup', pid: Number(m[2]) };
  // Written by versions before output sets: `.<name>.<ext>.<pid>.<hex>.tmp`.
  m = /^\.(.+)\.(docx|pdf|md)\.(\d+)\.[0-9a-f]{8}\.tmp$/s.exec(name);
  if (m) return { set: m[1]!, kind: 'legacy-temp', pid: Number(m[3]) };
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/** Our own small files (locks, journals), read without blocking on whatever stands in their place. */
function readSmall(path: string): string | undefined {
  const r = readBounded(path, 64 * 1024);
  return r.ok ? r.data.toString('utf8') : undefined;
}

function readOwner(path: string): { owner?: LockOwner; ageMs: number } | undefined {
  try {
    const s = lstatSync(path);
    const text = readSmall(path) ?? '';
    let owner: LockOwner | undefined;
    try {
      const o = JSON.parse(text) as Partial<LockOwner>;
      if (typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string') owner = o as LockOwner;
    } catch {
      // Written halfway by a run killed between create and write: no owner, stale once old.
    }
    return { ...(owner ? { owner } : {}), ageMs: Date.now() - s.mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(lock: { owner?: LockOwner; ageMs: number }): boolean {
  if (!lock.owner) return lock.ageMs > 2_000;
  if (lock.owner.host === HOST) return lock.owner.pid !== process.pid && !isAlive(lock.owner.pid);
  return lock.ageMs > FOREIGN_LOCK_STALE_MS;
}

/** A held set lock; `release` removes it. */
interface Lock {
  release(): void;
}

/**
 * Takes the lock of `set` in `dir`: creates it exclusively, or, when it exists, breaks it if
 * stale and else waits (polling) up to `waitMs`, then throws `locked`.
 */
async function acquire(dir: string, set: string, waitMs: number): Promise<Lock> {
  const path = join(dir, lockName(set));
  const token = randomBytes(8).toString('hex');
  const owner: LockOwner = { pid: process.pid, host: HOST, token };
  const deadline = Date.now() + waitMs;
  let delay = 5;
  for (;;) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        writeFileSync(fd, JSON.stringify(owner));
      } finally {
        closeSync(fd);
      }
      return { release: () => release(path, token) };
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw new OutputSetError('io', path, errno(e));
    }
    const held = readOwner(path);
    if (held && isStale(held)) {
      breakLock(path, held.owner);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = held?.owner ? `process ${held.owner.pid} on ${held.owner.host}` : 'another run';
      throw new OutputSetError('locked', path, who);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 100);
  }
}

/** Removes our lock, unless (after a broken-lock race) the name now holds another run's. */
function release(path: string, token: string): void {
  const held = readOwner(path);
  if (held?.owner && held.owner.token !== token) return;
  rmSync(path, { force: true });
}

/**
 * Removes a stale lock. Two runs may find the same stale lock: each moves it aside under a
 * unique name first and looks at what it moved; if that is not the stale lock (the other run
 * already replaced it with its own), it puts it back.
 */
function breakLock(path: string, stale: LockOwner | undefined): void {
  const aside = `${path}.${tag()}${TEMP_SUFFIX}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // Gone already.
  }
  const moved = readOwner(aside);
  if (moved?.owner && moved.owner.token !== stale?.token && !isStale(moved)) {
    // A live run's fresh lock: restore it unless yet another run took the name meanwhile.
    try {
      linkSync(aside, path);
    } catch {
      // Taken meanwhile.
    }
  }
  rmSync(aside, { force: true });
}

interface Journal {
  readonly renames: readonly { readonly temp: string; readonly final: string; readonly backup?: string }[];
}

/** Completes the commit a killed run journaled: every temporary still there is renamed into place. */
function rollForward(dir: string, set: string): void {
  const path = join(dir, journalName(set));
  const r = readBounded(path, 64 * 1024);
  if (!r.ok && r.reason === 'missing') return;
  let journal: Journal;
  try {
    if (!r.ok) throw new Error(r.reason);
    journal = JSON.parse(r.data.toString('utf8')) as Journal;
  } catch {
    // A journal is renamed into place whole, so this one is not ours to follow: drop it.
    rmSync(path, { force: true });
    return;
  }
  for (const r of journal.renames ?? []) {
    // Only plain names inside this folder: the journal is data, not instructions to follow elsewhere.
    if (![r.temp, r.final, r.backup ?? 'x'].every((n) => typeof n === 'string' && n === basename(n) && n !== '..')) continue;
    try {
      renameSync(join(dir, r.temp), join(dir, r.final));
    } catch {
      // Renamed already.
    }
    if (r.backup) rmSync(join(dir, r.backup), { force: true });
  }
  rmSync(path, { force: true });
}

/** Removes what dead runs left of `set` (call with the set's lock held). */
function cleanSet(dir: string, set: string, names: readonly string[]): void {
  rollForward(dir, set);
  for (const name of names) {
    const own = ownFile(name);
    if (!own || own.set !== set || own.kind === 'lock' || own.kind === 'journal') continue;
    // Under the lock no live run of ours writes this set, except for legacy temporaries of
    // older versions, which took no lock: those go only when their process is gone.
    if (own.kind === 'legacy-temp' && own.pid !== undefined && isAlive(own.pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

/**
 * Once per run and folder: completes or removes what killed runs left behind (journals,
 * temporary files, backups, stale locks). Sets whose lock a live run holds are left alone.
 */
export async function sweepOutputDir(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // Not there yet: nothing to sweep.
  }
  const sets = new Set<string>();
  for (const name of names) {
    const own = ownFile(name);
    if (own) sets.add(own.set);
  }
  for (const set of sets) {
    let lock: Lock;
    try {
      lock = await acquire(dir, set, 0);
    } catch {
      continue; // A live run is writing this set.
    }
    try {
      cleanSet(dir, set, names);
    } finally {
      lock.release();
    }
  }
}

/** Each final name must be absent or a regular file that may be replaced. */
function checkReplaceable(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    const path = join(dir, f.name);
    let s;
    try {
      s = lstatSync(path);
    } catch (e) {
      if (errno(e) === 'ENOENT') continue;
      throw new OutputSetError('io', path, errno(e));
    }
    // A symbolic link is replaced by the file (never written through).
    if (s.isSymbolicLink()) continue;
    if (!s.isFile()) throw new OutputSetError('not-a-file', path, s.isDirectory() ? 'EISDIR' : 'not a regular file');
    // A file nobody may write (chmod a-w, "read-only" in Windows terms) is kept on purpose: an
    // archived or signed copy. Decided by its mode, so that it holds for root too.
    if ((s.mode & 0o222) === 0) throw new OutputSetError('read-only', path, 'read-only');
  }
}

function writeNew(path: string, data: Uint8Array): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `files` as one set into `dir` (created if missing). Resolves when every file is in
 * place; throws an OutputSetError, with the previous set untouched, when any cannot be.
 */
export async function writeOutputSet(dir: string, set: string, files: readonly OutputFile[], options: OutputSetOptions = {}): Promise<void> {
  try {
    ensureDirSync(dir);
  } catch (e) {
    if (e instanceof EnsureDirError) throw new OutputSetError('cannot-create-folder', e.path, e.code);
    throw e;
  }
  const lock = await acquire(dir, set, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
  const temps: string[] = [];
  try {
    rollForward(dir, set);
    checkReplaceable(dir, files);
    const renames: { temp: string; final: string; backup?: string }[] = [];
    for (const f of files) {
      const ext = /\.([a-z0-9]+)$/.exec(f.name)?.[1] ?? 'out';
      const temp = `.${set}.${ext}.${tag()}${TEMP_SUFFIX}`;
      temps.push(temp);
      try {
        writeNew(join(dir, temp), f.data);
      } catch (e) {
        throw new OutputSetError('io', join(dir, f.name), errno(e));
      }
      renames.push({ temp, final: f.name });
    }
    // Backups of the old files, so that a rename failing halfway can restore the old set.
    for (const r of renames) {
      const backup = `.${set}.${/\.([a-z0-9]+)$/.exec(r.final)?.[1] ?? 'out'}.${tag()}${BACKUP_SUFFIX}`;
      try {
        linkSync(join(dir, r.final), join(dir, backup));
        r.backup = backup;
      } catch {
        // No old file, or a file system without hard links: nothing to restore then.
      }
    }
    writeJournal(dir, set, { renames });
    temps.length = 0; // From here the journal owns them.
    commit(dir, set, renames);
  } catch (e) {
    for (const t of temps) rmSync(join(dir, t), { force: true });
    throw e instanceof OutputSetError ? e : new OutputSetError('io', dir, errno(e));
  } finally {
    lock.release();
  }
}

function writeJournal(dir: string, set: string, journal: Journal): void {
  const temp = join(dir, `.${set}${JOURNAL_SUFFIX}.${tag()}${TEMP_SUFFIX}`);
  try {
    writeNew(temp, new TextEncoder().encode(JSON.stringify(journal)));
    renameSync(temp, join(dir, journalName(set)));
  } catch (e) {
    rmSync(temp, { force: true });
    for (const r of journal.renames) if (r.backup) rmSync(join(dir, r.backup), { force: true });
    throw new OutputSetError('io', dir, errno(e));
  }
}

function commit(dir: string, set: string, renames: Journal['renames']): void {
  let done = 0;
  try {
    // Back to back: the moment where a kill leaves a set part new, part old is a few microseconds.
    for (const r of renames) {
      renameSync(join(dir, r.temp), join(dir, r.final));
      done++;
    }
  } catch (e) {
    // Put the old set back: the renamed files return to their backups (or go, if new).
    for (const r of renames.slice(0, done)) {
      if (r.backup) {
        try {
          renameSync(join(dir, r.backup), join(dir, r.final));
        } catch {
          // Left for the next run's sweep.
        }
      } else rmSync(join(dir, r.final), { force: true });
    }
    for (const r of renames.slice(done)) {
      rmSync(join(dir, r.temp), { force: true });
      if (r.backup) rmSync(join(dir, r.backup), { force: true });
    }
    rmSync(join(dir, journalName(set)), { force: true });
    throw new OutputSetError('io', join(dir, renames[done]?.final ?? ''), errno(e));
  }
  rmSync(join(dir, journalName(set)), { force: true });
  for (const r of renames) if (r.backup) rmSync(join(dir, r.backup), { force: true });
}

/** Whether `dir` holds no file of ours but final outputs (for tests and the soak check). */
export async function leftovers(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => ownFile(n) !== undefined);
}

