// Bundles the CLI into dist/contract.mjs and the library into dist/index.mjs (+ shared, lazily
// loaded chunks). docx is only ever used bundled: its nanoid dependency declares Node 22+, so
// installing it beside us would warn on Node 20, though the code it runs works there.
// Bundling also means a cold start reads and compiles a few files instead of hundreds. The bundle is minified (less to parse
// at every start; CONTRACT_BUNDLE_MINIFY=0 keeps names for profiling). pdfkit is bundled without the parts contract never calls (see
// stubs/unused.mjs); the font package stays external (it is data).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });
const unused = new URL('./stubs/unused.mjs', import.meta.url).pathname;

await build({
  entryPoints: { contract: 'src/cli/main.ts', 'contract-worker': 'src/output/worker.ts', index: 'src/index.ts' },
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
  alias: { fontkit: unused, linebreak: unused, 'png-js': unused },
  banner: { js: "import { createRequire as __contractCreateRequire } from 'node:module'; const require = __contractCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

// pdfkit reads its sRGB profile (PDF/A output intent) relative to its own module.
mkdirSync('dist/chunks/data', { recursive: true });
copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'dist/chunks/data/sRGB_IEC61966_2_1.icc');
