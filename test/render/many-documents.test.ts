/**
 * A thread told that many documents are coming (a batch's worker, a batch rendered in process:
 * many-documents.ts) keeps what contracts share from its first document, so that its second
 * reuses; without that, a process keeps nothing until its first document is done. Either way the
 * bytes are those of renders that keep nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractDocument } from '../../src/model/types.js';
import { forgetRenderedBlocks, renderedBlockStats } from '../../src/render/docx/blocks.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { disarmReuse } from '../../src/render/docx/reuse.js';
import { expectManyDocuments } from '../../src/many-documents.js';
import { forgetModelParts } from '../../src/model/kept-parts.js';
import { configureSharedLines, sharedLineStats } from '../../src/render/pdf/embed-face.js';
import { brokenLineStats, forgetBrokenLines } from '../../src/render/pdf/line-break.js';
import { forgetPageContents, pageContentStats } from '../../src/render/pdf/page-content.js';
import { EPOCH } from './docx/helpers.js';
import { EXAMPLE, pdfOf } from './pdf/kept.js';
import { documentOf } from './documents.js';

/** Every store as in a process that has rendered nothing yet. */
function freshProcess(): void {
  forgetModelParts({ untilNextDocument: true });
  forgetRenderedBlocks();
  disarmReuse();
  forgetBrokenLines({ untilNextDocument: true });
  configureSharedLines({ keep: true, untilNextDocument: true });
  forgetPageContents({ untilNextDocument: true });
}

const docxOf = async (doc: ContractDocument): Promise<Buffer> => Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));

describe('keeping from the first document when many are coming', () => {
  const docs: ContractDocument[] = [];
  const alone: { docx: Buffer; pdf: Buffer }[] = [];
  beforeAll(async () => {
    docs.push(await documentOf(EXAMPLE), await documentOf(EXAMPLE.replace('YDH-2025-0001', 'YDH-2025-0555').replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司')));
    for (const doc of docs) {
      freshProcess();
      alone.push({ docx: await docxOf(doc), pdf: await pdfOf(doc) });
    }
  }, 120_000);
  afterAll(() => {
    expectManyDocuments(false);
    freshProcess();
  });

  it('keeps nothing in a first document unless told, and keeps in it when told', async () => {
    freshProcess();
    expectManyDocuments(false);
    await docxOf(docs[0]!);
    await pdfOf(docs[0]!);
    expect([renderedBlockStats().kept, brokenLineStats().kept, sharedLineStats().kept, pageContentStats().kept]).toEqual([0, 0, 0, 0]);

    freshProcess();
    expectManyDocuments();
    expect((await docxOf(docs[0]!)).equals(alone[0]!.docx)).toBe(true);
    expect((await pdfOf(docs[0]!)).equals(alone[0]!.pdf)).toBe(true);
    expect(renderedBlockStats().kept).toBeGreaterThan(50);
    expect(brokenLineStats().kept).toBeGreaterThan(100);
    expect(sharedLineStats().kept).toBeGreaterThan(100);
    expect(pageContentStats().kept).toBeGreaterThan(25);
  }, 120_000);

  it('reuses in the second document, which comes out as a render that keeps nothing', async () => {
    freshProcess();
    expectManyDocuments();
    await docxOf(docs[0]!);
    await pdfOf(docs[0]!);
    const before = { blocks: renderedBlockStats().reused, lines: brokenLineStats().reused, shared: sharedLineStats().hits, pages: pageContentStats().reused };
    expect((await docxOf(docs[1]!)).equals(alone[1]!.docx)).toBe(true);
    expect((await pdfOf(docs[1]!)).equals(alone[1]!.pdf)).toBe(true);
    expect(renderedBlockStats().reused - before.blocks).toBeGreaterThan(50);
    expect(brokenLineStats().reused - before.lines).toBeGreaterThan(100);
    expect(sharedLineStats().hits - before.shared).toBeGreaterThan(100);
    expect(pageContentStats().reused - before.pages).toBeGreaterThan(15);
  }, 120_000);
});
