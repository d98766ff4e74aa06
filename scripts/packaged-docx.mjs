// Writes dist/data/docx/: the DOCX XML of the built-in templates' top-level blocks as the DOCX
// renderer writes them (src/render/docx/packaged-blocks.ts), so that a process's first contract
// takes them instead of building and writing them. Written: the blocks two renders of the bundled
// example share when the second has other party names, people, phone numbers and contract number.
// Run by `npm run build` after scripts/bundle.mjs, from the compiled modules in dist/, and before
// scripts/code-cache.mjs (whose runs then read the file as every run does).
import { contractOf, example, exampleWithOtherParties as other, sharedEntries, writePackaged } from './example-variant.mjs';

const { renderDocx } = await import('../dist/render/docx/index.js');
const { forgetRenderedBlocks, packagedBlockEntries } = await import('../dist/render/docx/blocks.js');
const { configurePackagedBlocks, packagedBlocksFile, PACKAGED_BLOCKS, PACKAGED_BLOCKS_FILE } = await import('../dist/render/docx/packaged-blocks.js');
const { expectManyDocuments } = await import('../dist/many-documents.js');

/** Every block the DOCX of `yaml` keeps with all its XML, by its key in the file. */
async function blocksOf(yaml) {
  const doc = await contractOf(yaml);
  forgetRenderedBlocks();
  await renderDocx(doc, { sourceDateEpoch: 0 });
  return new Map(packagedBlockEntries());
}

configurePackagedBlocks({ use: false });
// Kept from the first document on (reuse.ts), as in a batch's worker.
expectManyDocuments(true);
const first = await blocksOf(example);
const second = await blocksOf(other);
writePackaged(PACKAGED_BLOCKS, PACKAGED_BLOCKS_FILE, packagedBlocksFile(sharedEntries(first, second, 'packaged-docx blocks', 40)));
