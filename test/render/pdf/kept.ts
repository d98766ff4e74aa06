/**
 * What the tests of the PDF writer's stores kept across documents share (reuse.test.ts,
 * shared-lines.test.ts, page-content.test.ts): one render with a fixed date, and three contracts
 * as a batch holds them, the example, the example with changes of the test's own, its draft.
 */
import { readFileSync } from 'node:fs';
import type { FontSet } from '../../../src/fonts/index.js';
import type { ContractDocument } from '../../../src/model/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { documentOf } from '../documents.js';

export const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');

/** The PDF of `doc`, dated as every render of these tests is. */
export const pdfOf = async (doc: ContractDocument, fonts?: FontSet): Promise<Buffer> =>
  Buffer.from(await renderPdf(doc, { sourceDateEpoch: 1_740_787_200, ...(fonts ? { fonts } : {}) }));

/** The example, `other` (the example's text with the test's changes) and the example's draft. */
export async function threeContracts(other: string): Promise<ContractDocument[]> {
  return [await documentOf(EXAMPLE), await documentOf(other), await documentOf(EXAMPLE, { draft: true })];
}
