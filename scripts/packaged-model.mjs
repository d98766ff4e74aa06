// Writes dist/data/model/: the document model of the built-in templates' parts as the model builder
// makes it from their Markdown (src/model/packaged-parts.ts), so that a process's first document
// takes them instead of parsing and converting them. Written: the parts two builds of the bundled
// example share when the second has other party names, people, phone numbers and contract number.
// Run by `npm run build` from the compiled modules in dist/, before scripts/code-cache.mjs (whose
// runs then read the file as every run does).
import { contractOf, example, exampleWithOtherParties as other, sharedEntries, writePackaged } from './example-variant.mjs';

const { configurePackagedParts, packagedPartsFile, recordParts, PACKAGED_MODEL, PACKAGED_MODEL_FILE } = await import('../dist/model/packaged-parts.js');

/** Every part of the model of `yaml`, by its key in the file. */
async function partsOf(yaml) {
  recordParts(true);
  await contractOf(yaml);
  return recordParts(false);
}

configurePackagedParts({ use: false });
const first = await partsOf(example);
const second = await partsOf(other);
writePackaged(PACKAGED_MODEL, PACKAGED_MODEL_FILE, packagedPartsFile(sharedEntries(first, second, 'packaged-model parts', 10)));
