// Writes dist/data/subsets/: the shared subsets (embed-face.ts) of the bundled faces, compressed,
// each under the key the renderer looks it up by (embed-font.ts), so that a run on a fresh
// install, with no subset cache yet, finds them instead of building them. The key names the
// subsetter's and zlib's versions and the font file: on another Node (another zlib) the renderer
// misses them and builds its own, so its output is the same either way.
// Run by `npm run build` after scripts/bundle.mjs, from the compiled modules in dist/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { bundledFace } = await import('../dist/fonts/index.js');
const { PACKAGED_SUBSETS, subsetOfText } = await import('../dist/render/pdf/embed-font.js');
const { SHARED_TEXT } = await import('../dist/render/pdf/shared-text.js');

rmSync(PACKAGED_SUBSETS, { recursive: true, force: true });
mkdirSync(PACKAGED_SUBSETS, { recursive: true });
for (const [style, text] of [['regular', SHARED_TEXT.body], ['bold', SHARED_TEXT.heading]]) {
  const { key, program } = subsetOfText(bundledFace(style), text);
  writeFileSync(join(PACKAGED_SUBSETS, `${key}.subset`), program);
}
