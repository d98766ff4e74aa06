// Loads the CLI. From a build: the single-file bundle dist/contract.cjs, compiled with the V8
// code cache the build made for it by running the example (dist/contract.cjs.v8cache): a cold
// `gen` then skips most parsing and compiling of its code (`npm run bench`). The bundle is
// all ASCII (scripts/bundle.mjs), read as one-byte text. A Node whose V8
// refuses the cache (another version) compiles the bundle as usual. Without a bundle (a build
// of the modules only), the compiled modules in dist/cli/.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

export const bundlePath = fileURLToPath(new URL('../dist/contract.cjs', import.meta.url));
export const codeCachePath = fileURLToPath(new URL('../dist/contract.cjs.v8cache', import.meta.url));
const modulesEntry = new URL('../dist/cli/main.js', import.meta.url);

/** The CommonJS wrapper, as Node's own loader puts it around a module. */
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n})';

/**
 * The CLI's `main`, and the compiled bundle (for the build to write its code cache from), or
 * undefined if nothing is built.
 */
export async function loadCli({ makingCache = false } = {}) {
  if (!existsSync(bundlePath)) {
    if (!existsSync(modulesEntry)) return undefined;
    return { main: (await import(modulesEntry.href)).main, script: undefined, cache: 'none' };
  }
  // V8 takes a code cache only under the flags it was made with; every command starts without
  // the optimising compiler (see src/cli/tiering.ts) and a long-running one turns it back on.
  setFlagsFromString('--no-opt');
  const cachedData = !makingCache && existsSync(codeCachePath) ? readFileSync(codeCachePath) : undefined;
  const script = new Script(HEAD + readFileSync(bundlePath, 'latin1') + TAIL, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { main: module.exports.main, script, cache };
}
