// Loads the CLI. From a build: the single-file bundle dist/contract.cjs, compiled with a V8
// code cache, so that a cold `gen` skips most parsing and compiling of its code (`npm run
// bench`). The bundle is all ASCII (scripts/bundle.mjs), read as one-byte text; the signing
// libraries are a file beside it (dist/sign-vendor.cjs), which it requires when signing code runs.
//
// V8 takes a code cache only from the same V8 under the same V8 flags. The build's cache
// (dist/contract.cjs.v8cache, made by running the example: scripts/code-cache.mjs) fits the
// Node that built the package; for any other Node, or other flags (NODE_OPTIONS), the first
// `gen` compiles the bundle as usual and leaves a cache of its own in the cache directory
// (src/output/cache-dir.ts; CONTRACT_CACHE=0: none), which the next runs take.
//
// Without a bundle (a build of the modules only): the compiled modules in dist/cli/.
//
// CommonJS (lib/package.json), as are bin/contract.js and the worker: a command that starts from
// CommonJS and reads nothing but CommonJS never starts Node's ES module loader (a cold `gen`: 1.6-2%
// fewer instructions, hyperfine 371 -> 358 ms; docs/speed.md). What the loader needs of the sources
// before the bundle is loaded (the cache directory, a bounded read) the build bundles for it as
// CommonJS too, dist/loader-support.cjs (scripts/bundle.mjs).
'use strict';
const { createHash, randomBytes } = require('node:crypto');
const { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundlePath = join(dist, 'contract.cjs');
/**
 * Two caches of the bundle's compiled code, by what the command runs: `render` for the commands
 * that make documents (gen, diff), made after generating the example; `check` for the others
 * (validate, init, --version, …), made after validating it: half the size, so that they do not
 * deserialise the renderers' code they never run (`validate` 34 -> 18 ms to compile the bundle).
 */
const codeCachePaths = {
  render: join(dist, 'contract.cjs.v8cache'),
  check: join(dist, 'contract.cjs.check.v8cache'),
};
/** @param {readonly string[]} args the command line after the program: its command, if any */
const commandOf = (args) => args.find((a) => !a.startsWith('-'));
/** @param {readonly string[]} args the command line after the program */
const cacheKindOf = (args) => (['gen', 'diff'].includes(commandOf(args) ?? '') ? 'render' : 'check');
/** The SHA-1 of the bundle, written by the build: names the code caches made for it elsewhere. */
const buildIdPath = join(dist, 'contract.cjs.build-id');
const loaderSupportPath = join(dist, 'loader-support.cjs');
const modulesEntry = pathToFileURL(join(dist, 'cli', 'main.js'));

/**
 * The CommonJS wrapper, as Node's own loader puts it around a module. The build writes it into
 * the bundle's file (scripts/bundle.mjs), so that the text read is the script compiled: put
 * around it here, V8 would copy the joined 2.4 MB into one string first (~600 page faults).
 */
const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const BUNDLE_TAIL = '\n})';
/** A code cache is a few MB; a larger file in the cache directory is not ours. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Code caches kept in the cache directory (one per Node, flags and build; older ones go). */
const MAX_USER_CACHES = 4;

/**
 * The file in the cache directory for a code cache of this bundle under this Node and these
 * flags, or undefined when caching is off or the build has no id.
 */
function userCachePath(kind) {
  let buildId;
  try {
    buildId = readFileSync(buildIdPath, 'latin1').trim();
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{40}$/.test(buildId)) return undefined;
  const dir = require(loaderSupportPath).cacheDir();
  if (dir === undefined) return undefined;
  const fit = createHash('sha1')
    .update([process.versions.v8, process.arch, process.execArgv.join('\0'), process.env.NODE_OPTIONS ?? '', buildId, kind].join('\n'))
    .digest('hex');
  return join(dir, `code-cache.${fit}.v8`);
}

/**
 * A file of the package, whole: into `into` when it fits (the bytes are a view of it), else into
 * a new buffer.
 */
function readInto(into, path) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = into !== undefined && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafeSlow(size);
    for (let done = 0; done < size; ) {
      const n = readSync(fd, buffer, done, size - done, done);
      if (n === 0) return buffer.subarray(0, done);
      done += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

/** A file of the package and its size, if it is there. */
function sizedFile(path) {
  try {
    return { path, size: statSync(path).size };
  } catch {
    return undefined;
  }
}

/** The bytes of our own cache file in the cache directory, if it is a regular file of a sane size. */
function readUserCache(path) {
  const read = require(loaderSupportPath).readBounded(path, MAX_CACHE_BYTES);
  return read.ok ? read.data : undefined;
}

/**
 * The CLI's `main`; `cache` says which code cache V8 took ('accepted') or not; `save()` leaves a
 * cache in the cache directory when none fitted and the run generated or validated contracts.
 * Undefined if nothing is built.
 */
async function loadCli({ makingCache = false, args = process.argv.slice(2), inWorker = false } = {}) {
  if (!existsSync(bundlePath)) {
    if (!existsSync(modulesEntry)) return undefined;
    const modules = await import(modulesEntry.href);
    return { main: modules.main, batchWorker: modules.batchWorker, script: undefined, cache: 'none', kind: undefined, save: () => {} };
  }
  // Every command starts without the optimising compiler (see src/cli/tiering.ts), as the
  // build's cache was made; a long-running command turns it back on. A batch's worker thread
  // (lib/cli-worker.js) leaves V8's settings, which are the process's, to the main thread.
  if (!inWorker) setFlagsFromString('--no-opt');
  const kind = cacheKindOf(args);
  const userPath = makingCache ? undefined : userCachePath(kind);
  let cachedData = userPath === undefined ? undefined : readUserCache(userPath);
  // The bundle's text is read into a buffer and copied out of it as a string; the build's cache
  // is then read into the same buffer (V8 reads it only while compiling): memory touched once
  // for both, not twice (~600 page faults fewer, each ~12 µs on a small virtual machine). The
  // buffer has room for the larger of the two (the render cache is larger than the bundle's text).
  const buildCache = cachedData === undefined && !makingCache ? sizedFile(codeCachePaths[kind]) : undefined;
  const room = buildCache === undefined ? undefined : Buffer.allocUnsafeSlow(Math.max(buildCache.size, sizedFile(bundlePath)?.size ?? 0));
  const buffer = readInto(room, bundlePath);
  const source = buffer.toString('latin1');
  if (buildCache !== undefined) cachedData = readInto(room, buildCache.path);
  const script = new Script(source, { filename: bundlePath, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  /** A code cache of the bundle as it has run so far, made under the flags it was compiled with (V8 records them in the cache). */
  const codeCache = () => {
    bundle.exports.restoreCompileFlags();
    return script.createCachedData();
  };
  const save = () => {
    // After a `gen` (or a `validate`), the compiled code covers what the next one runs.
    const command = commandOf(args);
    if (cache === 'accepted' || userPath === undefined || (command !== 'gen' && command !== 'validate') || process.exitCode !== 0) return;
    try {
      const data = codeCache();
      mkdirSync(dirname(userPath), { recursive: true });
      const temp = `${userPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        writeFileSync(temp, data, { mode: 0o600 });
        renameSync(temp, userPath);
      } finally {
        rmSync(temp, { force: true });
      }
      const dir = dirname(userPath);
      const older = readdirSync(dir)
        .filter((name) => /^code-cache\.[0-9a-f]{40}\.v8$/.test(name))
        .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
        .filter((c) => c.path !== userPath)
        .sort((a, b) => b.time - a.time);
      for (const c of older.slice(MAX_USER_CACHES - 1)) rmSync(c.path, { force: true });
    } catch {
      // A cache is only ever an optimisation.
    }
  };
  return { main: bundle.exports.main, batchWorker: bundle.exports.batchWorker, script, cache, kind, save, codeCache };
}

module.exports = { bundlePath, codeCachePaths, cacheKindOf, buildIdPath, BUNDLE_HEAD, BUNDLE_TAIL, loadCli };
