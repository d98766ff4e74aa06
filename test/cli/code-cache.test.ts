/**
 * The built CLI starts from its bundle and a V8 code cache. V8 takes a cache only from the same
 * V8 under the same flags: a Node started with a V8 flag (NODE_OPTIONS in many CI setups), or
 * another Node than the one that built the package, refuses the build's cache, compiles the
 * bundle, and after a `gen` leaves a cache of its own in the cache directory for the next run.
 * The files written are the same whichever way the code was compiled.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, tempDir } from './run-cli.js';

const OTHER_FLAGS = ['--max-old-space-size=1000'];

function gen(nodeFlags: readonly string[], env: Record<string, string>) {
  const out = tempDir();
  const r = spawnSync(process.execPath, [...nodeFlags, CLI, 'gen', 'examples/params.example.yaml', '-o', out, '-q'], {
    encoding: 'utf8',
    env: cliEnv({ CONTRACT_DEBUG_CODE_CACHE: '1', SOURCE_DATE_EPOCH: '1740787200', ...env }),
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const files = readdirSync(out)
    .sort()
    .map((f) => [f, readFileSync(join(out, f))] as const);
  return { cache: r.stderr, files };
}

describe('code cache', () => {
  it("the CLI's worker script run by hand says it is not a command: exit 2, nothing written", () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [join(dirname(CLI), '..', 'lib', 'cli-worker.js'), 'gen', 'examples/params.example.yaml', '-o', out], { encoding: 'utf8', env: cliEnv(), timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/worker thread of a `contract gen` batch, not a command; run bin\/contract\.js/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("is taken by a batch's worker threads too, which write the same files as one thread", () => {
    const dir = tempDir();
    const example = readFileSync('examples/params.example.yaml', 'utf8');
    const inputs = [1, 2, 3].map((i) => {
      const file = join(dir, `w${i}.yaml`);
      writeFileSync(file, example.replace('YDH-2025-0001', `YDH-2025-W${i}`));
      return file;
    });
    const run = (jobs: string) => {
      const out = tempDir();
      const r = spawnSync(process.execPath, [CLI, 'gen', ...inputs, '-o', out, '-q', '-j', jobs], {
        encoding: 'utf8',
        env: cliEnv({ CONTRACT_DEBUG_CODE_CACHE: '1', CONTRACT_CACHE: '0', SOURCE_DATE_EPOCH: '1740787200' }),
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return { stderr: r.stderr, files: readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f))] as const) };
    };
    const threads = run('3');
    // The main thread renders as one of the three (a short batch), beside two workers.
    expect(threads.stderr.split('\n').filter((l) => l !== '').sort()).toEqual([
      'contract: code cache accepted (render)',
      'contract: worker code cache accepted (render)',
      'contract: worker code cache accepted (render)',
    ]);
    const alone = run('1');
    expect(alone.stderr).toBe('contract: code cache accepted (render)\n');
    expect(threads.files.map(([f]) => f)).toEqual(alone.files.map(([f]) => f));
    for (const [i, [name, bytes]] of alone.files.entries()) expect(Buffer.compare(threads.files[i]![1], bytes), name).toBe(0);
  }, 120_000);

  it('is taken by the Node that built it, refused under another V8 flag, and the output is the same either way', () => {
    const built = gen([], { CONTRACT_CACHE: '0' });
    expect(built.cache).toBe('contract: code cache accepted (render)\n');
    const other = gen(OTHER_FLAGS, { CONTRACT_CACHE: '0' });
    expect(other.cache).toBe('contract: code cache rejected (render)\n');
    expect(built.files.map(([f]) => f)).toEqual(['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']);
    expect(other.files.map(([f]) => f)).toEqual(built.files.map(([f]) => f));
    for (const [i, [name, bytes]] of built.files.entries()) expect(Buffer.compare(other.files[i]![1], bytes), name).toBe(0);
  }, 120_000);

  it('under other flags, the first gen leaves a cache in the cache directory that the next run takes', () => {
    const dir = tempDir();
    const first = gen(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir });
    expect(first.cache).toBe('contract: code cache rejected (render)\n');
    const caches = readdirSync(dir).filter((f) => f.startsWith('code-cache.'));
    expect(caches).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = gen(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir });
    expect(second.cache).toBe('contract: code cache accepted (render)\n');
    for (const [i, [name, bytes]] of first.files.entries()) expect(Buffer.compare(second.files[i]![1], bytes), name).toBe(0);
    // The Node that built the package has its cache in dist/: nothing is added for it.
    const built = gen([], { CONTRACT_CACHE_DIR: dir });
    expect(built.cache).toBe('contract: code cache accepted (render)\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('code-cache.'))).toEqual(caches);
  }, 120_000);

  it('a command that renders nothing takes the smaller cache made for it, and leaves its own under other flags', () => {
    const validate = (nodeFlags: readonly string[], env: Record<string, string>) =>
      spawnSync(process.execPath, [...nodeFlags, CLI, 'validate', 'examples/params.example.yaml', '-q'], {
        encoding: 'utf8',
        env: cliEnv({ CONTRACT_DEBUG_CODE_CACHE: '1', ...env }),
        timeout: 120_000,
      });
    const built = validate([], { CONTRACT_CACHE: '0' });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toBe('contract: code cache accepted (check)\n');
    expect(statSync(join(dirname(CLI), '../dist/contract.cjs.check.v8cache')).size).toBeLessThan(statSync(join(dirname(CLI), '../dist/contract.cjs.v8cache')).size * 0.7);
    const dir = tempDir();
    expect(validate(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir }).stderr).toBe('contract: code cache rejected (check)\n');
    expect(validate(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir }).stderr).toBe('contract: code cache accepted (check)\n');
    // A gen under the same flags has a cache of its own kind to make.
    expect(gen(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir }).cache).toBe('contract: code cache rejected (render)\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('code-cache.'))).toHaveLength(2);
  }, 120_000);

  it('keeps at most four code caches, the newest', () => {
    const dir = tempDir();
    const stale = [1, 2, 3, 4, 5].map((i) => `code-cache.${String(i).padStart(40, '0')}.v8`);
    stale.forEach((name, i) => {
      writeFileSync(join(dir, name), 'old');
      utimesSync(join(dir, name), new Date(2020, 0, i + 1), new Date(2020, 0, i + 1));
    });
    gen(OTHER_FLAGS, { CONTRACT_CACHE_DIR: dir });
    const left = readdirSync(dir).filter((f) => f.startsWith('code-cache.'));
    expect(left).toHaveLength(4);
    expect(left).toEqual(expect.arrayContaining(stale.slice(2)));
  }, 120_000);

  it('leaves nothing when caching is off', () => {
    const dir = tempDir();
    gen(OTHER_FLAGS, { CONTRACT_CACHE: '0', CONTRACT_CACHE_DIR: dir });
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  // The command, its loader and its worker are CommonJS (lib/load-cli.js): Node's ES module loader,
  // which says what it loads under NODE_DEBUG=esm, never starts, in the main thread or a worker.
  it("starts no ES module loader, for a gen, a batch's workers or a cache of its own", () => {
    const dir = tempDir();
    const inputs = [1, 2, 3, 4].map((i) => {
      const file = join(dir, `e${i}.yaml`);
      writeFileSync(file, readFileSync('examples/params.example.yaml', 'utf8').replace('YDH-2025-0001', `YDH-2025-E${i}`));
      return file;
    });
    const cacheDir = tempDir();
    const runs: { flags: readonly string[]; args: string[]; env: Record<string, string> }[] = [
      { flags: [], args: ['gen', inputs[0]!], env: { CONTRACT_CACHE: '0' } },
      // Two workers: four inputs are a long enough batch for the main thread to leave them the rendering.
      { flags: [], args: ['gen', ...inputs, '-j', '2'], env: { CONTRACT_CACHE: '0', CONTRACT_DEBUG_CODE_CACHE: '1' } },
      // Under other flags the loader looks for, and then leaves, a cache of its own.
      { flags: OTHER_FLAGS, args: ['gen', inputs[0]!], env: { CONTRACT_CACHE_DIR: cacheDir } },
      { flags: OTHER_FLAGS, args: ['gen', inputs[0]!], env: { CONTRACT_CACHE_DIR: cacheDir } },
    ];
    for (const run of runs) {
      const r = spawnSync(process.execPath, [...run.flags, CLI, ...run.args, '-o', tempDir(), '-q'], {
        encoding: 'utf8',
        env: cliEnv({ NODE_DEBUG: 'esm', SOURCE_DATE_EPOCH: '1740787200', ...run.env }),
        timeout: 120_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr, run.args.join(' ')).not.toMatch(/^ESM \d+:/m);
      if (run.args.includes('-j')) expect(r.stderr).toContain('contract: worker code cache accepted (render)');
    }
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('code-cache.'))).toHaveLength(1);
  }, 120_000);
});
