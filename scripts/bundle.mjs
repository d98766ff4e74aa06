// Bundles the CLI into dist/contract.mjs (+ lazily loaded chunks) so that a cold start
// resolves a handful of files instead of hundreds. Dependencies that read their own data
// files at run time (pdfkit, fontkit, the font package) stay external.
import { build } from 'esbuild';

await build({
  entryPoints: { contract: 'src/cli/main.ts', 'contract-worker': 'src/output/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['pdfkit', 'fontkit', '@embedpdf/fonts-sc'],
  banner: { js: "import { createRequire as __contractCreateRequire } from 'node:module'; const require = __contractCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});
