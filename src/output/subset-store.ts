/**
 * The disk side of the PDF renderer's font subset cache (src/render/pdf/subset-store.ts): one
 * file per key in the cache directory (cache-dir.ts). CONTRACT_CACHE=0 turns it off.
 *
 * A cache must never fail a run, nor change its output: every read or write error is
 * ignored (a miss, or nothing stored), files are written to a temporary name and renamed into
 * place (a reader never sees half a file), and each file carries a SHA-256 of its key and its
 * content, verified before use: a damaged file, or the (valid) entry of another key copied
 * over this one, is a miss, removed and rebuilt, never a PDF with blank text. Entries are read
 * with a size cap and only if they are regular files. The number of files is bounded: the
 * oldest go (least recently used first) when a write takes the count over the limit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, text } from '../diagnostics.js';
import { ensureDirSync, EnsureDirError } from '../io/ensure-dir.js';
import { readBounded } from '../io/read-bounded.js';
import { cacheDir } from './cache-dir.js';
import type { SubsetStore } from '../render/pdf/subset-store.js';

const SUFFIX = '.subset';
/** File header: magic (4 bytes) then the SHA-256 of the key and the rest (32 bytes). */
const MAGIC = new Uint8Array([0x63, 0x73, 0x73, 0x32]); // "css2"
const HEADER = MAGIC.length + 32;
/** A subset is a few hundred KB at most; anything larger is not ours. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Keys are file names: nothing that could leave the directory. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
/** About 100 to 300 KB each: a few tens of MB at most. */
export const DEFAULT_MAX_ENTRIES = 200;

export { cacheDir };

/** Binds the payload to its key: an entry copied to another key's name does not verify. */
const checksum = (key: string, b: Uint8Array): Buffer => createHash('sha256').update(key).update('\0').update(b).digest();

export class DiskSubsetStore implements SubsetStore {
  private made = false;

  constructor(
    readonly dir: string,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  get(key: string): Uint8Array | undefined {
    if (!KEY.test(key)) return undefined;
    const path = join(this.dir, key + SUFFIX);
    const read = readBounded(path, MAX_ENTRY_BYTES);
    if (!read.ok) return undefined;
    const b = read.data;
    const value = b.subarray(HEADER);
    if (b.length <= HEADER || !MAGIC.every((x, i) => b[i] === x) || !checksum(key, value).equals(b.subarray(MAGIC.length, HEADER))) {
      // Damaged or foreign: drop it, so that this run's set() stores a good one.
      this.discard(path);
      return undefined;
    }
    this.touch(path);
    return new Uint8Array(value);
  }

  private discard(path: string): void {
    try {
      rmSync(path, { force: true });
    } catch {
      // Read-only cache: the entry stays a miss.
    }
  }

  set(key: string, value: Uint8Array): void {
    if (!KEY.test(key) || value.length === 0) return;
    const path = join(this.dir, key + SUFFIX);
    const temp = join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      if (!this.made) {
        ensureDirSync(this.dir);
        this.made = true;
      }
      writeFileSync(temp, Buffer.concat([MAGIC, checksum(key, value), value]));
      renameSync(temp, path);
      this.prune();
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing more to do.
      }
    }
  }

  /** Marks an entry as used, so that pruning removes the least recently used ones. */
  private touch(path: string): void {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // Read-only cache: fine.
    }
  }

  /** Removes the oldest entries (by modification time) beyond the limit. */
  private prune(): void {
    const names = readdirSync(this.dir).filter((n) => n.endsWith(SUFFIX));
    if (names.length <= this.maxEntries) return;
    const aged = names.map((n) => {
      try {
        return { n, t: statSync(join(this.dir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    });
    aged.sort((a, b) => a.t - b.t || a.n.localeCompare(b.n));
    for (const { n } of aged.slice(0, aged.length - this.maxEntries)) rmSync(join(this.dir, n), { force: true });
  }
}

/**
 * The store for this environment (see cacheDir), or undefined when caching is off: pass it
 * as `subsetStore` to renderPdf.
 */
export function diskSubsetStore(env: NodeJS.ProcessEnv = process.env): SubsetStore | undefined {
  const dir = cacheDir(env);
  return dir === undefined ? undefined : new DiskSubsetStore(dir);
}

/**
 * A cache folder the user set explicitly (CONTRACT_CACHE_DIR) that cannot be used is a usage
 * error, said at once (exit 2), instead of a cache that silently never works. The default
 * location failing (a read-only home) stays silent: the cache is only an optimisation.
 */
export function checkCacheDirSetting(env: NodeJS.ProcessEnv = process.env): void {
  const dir = cacheDir(env);
  if (dir === undefined || !env.CONTRACT_CACHE_DIR) return;
  try {
    ensureDirSync(dir);
  } catch (e) {
    const why = e instanceof EnsureDirError ? `${e.code}${e.path !== dir ? ` at ${e.path}` : ''}` : String(e);
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'cache-dir',
        message: text(`CONTRACT_CACHE_DIR=${env.CONTRACT_CACHE_DIR}: cannot create the folder (${why})`, `CONTRACT_CACHE_DIR=${env.CONTRACT_CACHE_DIR}：无法创建该目录（${why}）`),
        hint: text('set it to a writable folder, or CONTRACT_CACHE=0 to run without the cache', '请设为可写的目录，或设置 CONTRACT_CACHE=0 不使用缓存'),
      },
    ]);
  }
}
