/**
 * Page contents compressed once per process (page-content.ts): the contract number is drawn from
 * a form, so most pages of two contracts are the same bytes, and from the second document on a
 * page whose content was compressed before is not compressed again. The PDFs must be the bytes of
 * renders that keep nothing, in any order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractDocument } from '../../../src/model/types.js';
import { forgetPageContents, pageContentStats } from '../../../src/render/pdf/page-content.js';
import { pageText, pdfFile, strip } from './helpers.js';
import { EXAMPLE, pdfOf as pdf, threeContracts } from './kept.js';

describe('page contents compressed once per process', () => {
  const docs: ContractDocument[] = [];
  beforeAll(async () => {
    // Another number and other names: the pages that do not show the names are the same.
    docs.push(...(await threeContracts(EXAMPLE.replace('YDH-2025-0001', 'YDH-2025-0777').replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司'))));
  }, 60_000);

  it('gives the bytes of renders that keep nothing, whatever was rendered before', async () => {
    const expected: Buffer[] = [];
    for (const doc of docs) {
      forgetPageContents({ untilNextDocument: true });
      expected.push(await pdf(doc));
    }
    expect(pageContentStats().kept).toBe(0);
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 1, 0]]) {
      for (const i of order) expect((await pdf(docs[i]!)).equals(expected[i]!), `document ${i}`).toBe(true);
    }
  }, 120_000);

  it('shares most pages between contracts of different numbers, and keeps nothing in a process’s first document', async () => {
    forgetPageContents({ untilNextDocument: true });
    await pdf(docs[0]!);
    expect(pageContentStats().kept).toBe(0);
    await pdf(docs[0]!);
    const { kept, reused } = pageContentStats();
    expect(kept).toBeGreaterThan(25);
    const other = await pdf(docs[1]!);
    // Only the pages with the party's name differ (cover, definitions, signatures, some annexes).
    expect(pageContentStats().reused - reused).toBeGreaterThan(15);
    // The number the pages share comes from the form: each page shows its own contract's.
    const file = pdfFile(other);
    for (const page of [2, 10, 20]) expect(strip(pageText(file, page))).toContain('合同编号：YDH-2025-0777');
  }, 60_000);
});
