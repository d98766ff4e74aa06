/**
 * What the CLI's loader (lib/load-cli.js) needs of the sources before it loads the bundle: where
 * its own code caches go and a bounded read of one. The build bundles this as CommonJS,
 * dist/loader-support.cjs (scripts/bundle.mjs), so that the loader can require it: a command that
 * loads only CommonJS never starts Node's ES module loader.
 */
export { cacheDir } from '../output/cache-dir.js';
export { readBounded } from '../io/read-bounded.js';
