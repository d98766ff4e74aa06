// Bundles the library into dist/index.mjs and the batch worker into dist/contract-worker.mjs
// (+ shared, lazily loaded chunks), and the CLI into one CommonJS file, dist/contract.cjs (its
// signing libraries beside it, dist/sign-vendor.cjs, read only by `sign` and `verify`), which
// lib/load-cli.js compiles with a V8 code cache (scripts/code-cache.mjs; an ES module cannot
// take one on Node 20). docx is only ever used bundled: its nanoid dependency declares Node 22+, so
// installing it beside us would warn on Node 20, though the code it runs works there.
// Bundling also means a cold start reads and compiles a few files instead of hundreds. The bundle is minified (less to parse
// at every start; CONTRACT_BUNDLE_MINIFY=0 keeps names for profiling). pdfkit is bundled without the parts contract never calls (see
// stubs/unused.mjs); the font package stays external (it is data).
// docx's helper functions for class fields and object spread are replaced with faster ones that
// do the same (scripts/docx-helpers.mjs).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { BUNDLE_HEAD, BUNDLE_TAIL } from '../lib/load-cli.js';
import { docxHelpers } from './docx-helpers.mjs';

rmSync('dist/chunks', { recursive: true, force: true });
const unused = new URL('./stubs/unused.mjs', import.meta.url).pathname;
const noLocales = new URL('./stubs/zod-locales.mjs', import.meta.url).pathname;

/**
 * zod re-exports every one of its ~50 message locales as `z.locales`, so a bundle that uses
 * `z` keeps them all (a quarter of the params chunk, parsed at every start). contract writes its
 * own messages and never picks a zod locale; zod's default, English, is imported by zod
 * directly and stays.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: noLocales } : undefined));
  },
};

await build({
  entryPoints: { 'contract-worker': 'src/output/worker.ts', index: 'src/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.CONTRACT_BUNDLE_MINIFY !== "0",
  chunkNames: 'chunks/[name]-[hash]',
  external: ['@embedpdf/fonts-sc'],
  alias: { fontkit: unused, linebreak: unused, 'png-js': unused, '@noble/ciphers/aes': unused },
  plugins: [zodWithoutLocales, docxHelpers],
  banner: { js: "import { createRequire as __contractCreateRequire } from 'node:module'; const require = __contractCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

/** commander's child_process, loaded when first used (stubs/commander-child-process.cjs). */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    const stub = new URL('./stubs/commander-child-process.cjs', import.meta.url).pathname;
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: stub } : undefined));
  },
};

/**
 * In the CLI's bundle the built-in templates' precompiled code is part of the bundle, so their
 * compiled code is in the code cache too (src/compose/precompiled.ts reads them from dist/).
 */
const inlinePrecompiledTemplates = {
  name: 'inline-precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /^\.\/precompiled\.js$/ }, (args) => (/[\\/]compose[\\/]engine\.ts$/.test(args.importer) ? { path: 'precompiled', namespace: 'contract-inline' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'contract-inline' }, () => ({
      resolveDir: new URL('../dist', import.meta.url).pathname,
      contents: "import { templates } from './precompiled-templates.mjs'; export const loadPrecompiled = () => Promise.resolve(templates);",
    }));
  },
};

/** The CommonJS files the CLI's loader reads (lib/load-cli.js), each one file for Node 20. */
const commonJsFile = {
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The libraries only `sign` and `verify` use (pkijs, asn1js, node-forge, pngjs: 0.74 of the 2.49 MB
 * the CLI's bundle was), by the name each is kept under in dist/sign-vendor.cjs. Every
 * command reads the bundle's whole text and copies it into a string as it starts, whether or not
 * it runs that code; in a file of their own, loaded by `require` the first time signing code
 * runs, they cost the other commands nothing (docs/speed.md).
 */
const SIGN_VENDOR = { pkijs: 'pkijs', asn1js: 'asn1js', 'node-forge': 'forge', pngjs: 'pngjs' };
const SIGN_VENDOR_FILE = './sign-vendor.cjs';

/** In the CLI's bundle, each signing library is read from dist/sign-vendor.cjs when first required. */
const signVendorOutside = {
  name: 'sign-vendor-outside',
  setup(b) {
    b.onResolve({ filter: /^(pkijs|asn1js|node-forge|pngjs)$/ }, (args) => ({ path: args.path, namespace: 'sign-vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'sign-vendor' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(SIGN_VENDOR_FILE)})[${JSON.stringify(SIGN_VENDOR[args.path])}];`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/sign-vendor\.cjs$/ }, () => ({ path: SIGN_VENDOR_FILE, external: true }));
  },
};

await build({
  ...commonJsFile,
  stdin: {
    contents: Object.entries(SIGN_VENDOR)
      .map(([pkg, name]) => (pkg === 'node-forge' ? `export { default as ${name} } from '${pkg}';` : `export * as ${name} from '${pkg}';`))
      .join('\n'),
    resolveDir: process.cwd(),
    sourcefile: 'sign-vendor.mjs',
  },
  outfile: 'dist/sign-vendor.cjs',
  outdir: undefined,
  outExtension: undefined,
  minify: process.env.CONTRACT_BUNDLE_MINIFY !== '0',
});

// One file, no chunks: a vm.Script compiles one source (and cannot import() without an
// experimental flag, so the bundle has no dynamic import left); the signing libraries beside it.
await build({
  ...commonJsFile,
  entryPoints: { contract: 'src/cli/main.ts' },
  minify: process.env.CONTRACT_BUNDLE_MINIFY !== '0',
  external: ['@embedpdf/fonts-sc'],
  alias: { fontkit: unused, linebreak: unused, 'png-js': unused, '@noble/ciphers/aes': unused },
  plugins: [zodWithoutLocales, docxHelpers, inlinePrecompiledTemplates, lazyChildProcessForCommander, signVendorOutside],
  define: { 'import.meta.url': '__contractModuleUrl' },
  banner: { js: "const __contractModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// What the loader needs of the sources before the bundle (src/cli/loader-support.ts), as CommonJS
// that it can require: a command that loads only CommonJS never starts Node's ES module loader.
await build({ ...commonJsFile, entryPoints: { 'loader-support': 'src/cli/loader-support.ts' } });

// All ASCII, so that the loader reads it as one-byte text (half the memory of a string with any
// character beyond it, and no UTF-8 decoding). esbuild escapes strings and templates but leaves
// regular expression literals as written (some hold CJK punctuation); a \uXXXX escape means the
// same there, with or without the u flag (a surrogate pair of escapes is one code point).
{
  const file = 'dist/contract.cjs';
  const ascii = readFileSync(file, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A vm.Script has no loader for import() (without an experimental flag): none may be left. (An
  // unminified build keeps comments, one of which quotes `import()`.)
  if (/(?<!`)\bimport\(/.test(ascii)) throw new Error(`${file} has a dynamic import(): import it statically`);
  // Written inside the CommonJS wrapper the loader compiles it in (lib/load-cli.js).
  writeFileSync(file, BUNDLE_HEAD + ascii + BUNDLE_TAIL, 'latin1');
}

// pdfkit reads its sRGB profile (PDF/A output intent) relative to its own module.
mkdirSync('dist/chunks/data', { recursive: true });
copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'dist/chunks/data/sRGB_IEC61966_2_1.icc');
mkdirSync('dist/data', { recursive: true });
copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'dist/data/sRGB_IEC61966_2_1.icc');
