// Writes dist/data/lines/ (one file, named by the bundled faces): the lines of the built-in templates' paragraphs as the PDF writer
// breaks them with the bundled faces (src/render/pdf/packaged-lines.ts), so that a process's first
// contract finds them instead of breaking them. Written: the paragraphs two renders of the bundled
// example share when the second has other party names, people, phone numbers and contract number.
// Run by `npm run build` after scripts/bundle.mjs, from the compiled modules in dist/, and before
// scripts/code-cache.mjs (whose runs then read the file as every run does).
import { contractOf, example, exampleWithOtherParties as other, sharedEntries, writePackaged } from './example-variant.mjs';

const { renderPdf } = await import('../dist/render/pdf/index.js');
const { brokenLineEntries, forgetBrokenLines, keepBrokenLines } = await import('../dist/render/pdf/line-break.js');
const { configurePackagedLines, packagedLinesFile, packagedLinesFileName, PACKAGED_LINES } = await import('../dist/render/pdf/packaged-lines.js');
const { bundledFace } = await import('../dist/fonts/index.js');

/** Every paragraph's key and lines in the PDF of `yaml`, broken afresh. */
async function linesOf(yaml) {
  const doc = await contractOf(yaml);
  forgetBrokenLines();
  keepBrokenLines();
  await renderPdf(doc, { sourceDateEpoch: 0 });
  return new Map(brokenLineEntries(bundledFace('regular'), bundledFace('bold')));
}

configurePackagedLines({ use: false });
const first = await linesOf(example);
const second = await linesOf(other);
writePackaged(PACKAGED_LINES, packagedLinesFileName(bundledFace('regular'), bundledFace('bold')), packagedLinesFile(sharedEntries(first, second, 'packaged-lines paragraphs', 100)));
