import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSubsetStore, cacheDir, diskSubsetStore } from '../../src/output/subset-store.js';

const KEY = 'cff-subset.v1.cid.regular.0123456789abcdef01234567.zlib-1.3.0.1.da39a3ee5e6b4b0d3255bfef95601890afd80709';
const fresh = (): string => mkdtempSync(join(tmpdir(), 'contract-subset-store-'));
const bytes = (n: number, seed = 1): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('cacheDir', () => {
  it('prefers CONTRACT_CACHE_DIR, then XDG_CACHE_HOME/contract, then ~/.cache/contract', () => {
    expect(cacheDir({ CONTRACT_CACHE_DIR: '/a/b', XDG_CACHE_HOME: '/x' })).toBe('/a/b');
    expect(cacheDir({ CONTRACT_CACHE_DIR: 'rel' })).toBe(resolve('rel'));
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/contract');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(homedir(), '.cache', 'contract'));
    expect(cacheDir({})).toBe(join(homedir(), '.cache', 'contract'));
  });

  it('is off with CONTRACT_CACHE=0', () => {
    expect(cacheDir({ CONTRACT_CACHE: '0', CONTRACT_CACHE_DIR: '/a' })).toBeUndefined();
    expect(diskSubsetStore({ CONTRACT_CACHE: '0', CONTRACT_CACHE_DIR: fresh() })).toBeUndefined();
    expect(cacheDir({ CONTRACT_CACHE: '1', CONTRACT_CACHE_DIR: '/a' })).toBe('/a');
  });
});

describe('DiskSubsetStore', () => {
  it('round-trips values, creating the directory on first write, atomically', () => {
    const dir = join(fresh(), 'nested', 'cache');
    const store = diskSubsetStore({ CONTRACT_CACHE_DIR: dir })!;
    expect(store.get(KEY)).toBeUndefined();
    const value = bytes(150_000);
    store.set(KEY, value);
    expect(Buffer.from(store.get(KEY)!).equals(Buffer.from(value))).toBe(true);
    // A second store (another run) sees it too.
    expect(Buffer.from(new DiskSubsetStore(dir).get(KEY)!).equals(Buffer.from(value))).toBe(true);
    // One file named by the key, no temporary files left.
    expect(readdirSync(dir)).toEqual([`${KEY}.subset`]);
    // Overwriting replaces.
    store.set(KEY, bytes(10, 7));
    expect(Buffer.from(store.get(KEY)!).equals(Buffer.from(bytes(10, 7)))).toBe(true);
  });

  it('treats a damaged or foreign file as a miss', () => {
    const dir = fresh();
    const store = new DiskSubsetStore(dir);
    store.set(KEY, bytes(1000));
    const path = join(dir, `${KEY}.subset`);
    const good = readFileSync(path);
    writeFileSync(path, good.subarray(0, good.length - 1)); // truncated
    expect(store.get(KEY)).toBeUndefined();
    const flipped = Buffer.from(good);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    writeFileSync(path, flipped);
    expect(store.get(KEY)).toBeUndefined();
    writeFileSync(path, 'not a cache file at all');
    expect(store.get(KEY)).toBeUndefined();
    writeFileSync(path, '');
    expect(store.get(KEY)).toBeUndefined();
    mkdirSync(join(dir, 'dir.subset'));
    expect(store.get('dir')).toBeUndefined();
  });

  it('ignores an unusable directory: reads miss, writes do nothing, nothing throws', () => {
    const base = fresh();
    const file = join(base, 'a-file');
    writeFileSync(file, 'x');
    for (const dir of [file, join(file, 'below')]) {
      const store = new DiskSubsetStore(dir);
      expect(() => store.set(KEY, bytes(100))).not.toThrow();
      expect(store.get(KEY)).toBeUndefined();
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
    // A read-only directory (meaningless as root, who may write anyway: then it just works).
    const ro = join(base, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    try {
      const store = new DiskSubsetStore(ro);
      expect(() => store.set(KEY, bytes(100))).not.toThrow();
      const got = store.get(KEY);
      if (got !== undefined) expect(Buffer.from(got).equals(Buffer.from(bytes(100)))).toBe(true);
      expect(readdirSync(ro).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      chmodSync(ro, 0o700);
    }
  });

  it('refuses keys that are not plain file names', () => {
    const base = fresh();
    const dir = join(base, 'cache');
    const store = new DiskSubsetStore(dir);
    for (const key of ['../escape', 'a/b', '', '.hidden', 'x'.repeat(300)]) {
      store.set(key, bytes(10));
      expect(store.get(key)).toBeUndefined();
    }
    expect(existsSync(join(base, 'escape.subset'))).toBe(false);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('keeps at most maxEntries files, dropping the least recently used', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'unrelated.txt'), 'keep me');
    const store = new DiskSubsetStore(dir, 3);
    const old = new Date(Date.now() - 3_600_000);
    for (const [i, k] of ['k1', 'k2', 'k3'].entries()) {
      store.set(k, bytes(10, i));
      utimesSync(join(dir, `${k}.subset`), new Date(old.getTime() + i * 1000), new Date(old.getTime() + i * 1000));
    }
    expect(store.get('k1')).toBeDefined(); // used: now the newest
    store.set('k4', bytes(10, 4));
    expect(store.get('k2')).toBeUndefined();
    for (const k of ['k1', 'k3', 'k4']) expect(store.get(k), k).toBeDefined();
    expect(readFileSync(join(dir, 'unrelated.txt'), 'utf8')).toBe('keep me');
  });
});
