/**
 * Text encoded once per process for the shared fonts (embed-face.ts): a line made only of the
 * shared text's characters has the same bytes in every contract, so from the second document on
 * it is encoded from what the first ones kept. The PDFs must be the bytes of renders that keep
 * nothing, in any order, and the kept lines must be used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractDocument } from '../../../src/model/types.js';
import { configureSharedLines, sharedLineStats } from '../../../src/render/pdf/embed-face.js';
import { EXAMPLE, pdfOf as pdf, threeContracts } from './kept.js';

describe('shared lines encoded once per process', () => {
  const docs: ContractDocument[] = [];
  beforeAll(async () => {
    // Other names: other characters in the contract's own font, the rest shared.
    docs.push(...(await threeContracts(EXAMPLE.replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司').replace('张伟', '欧阳靖'))));
  }, 60_000);

  it('gives the bytes of renders that keep nothing, whatever was rendered before', async () => {
    configureSharedLines({ keep: false });
    const expected: Buffer[] = [];
    for (const doc of docs) expected.push(await pdf(doc));
    configureSharedLines({ keep: true });
    const before = sharedLineStats().hits;
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 1, 0]]) {
      for (const i of order) expect((await pdf(docs[i]!)).equals(expected[i]!), `document ${i}`).toBe(true);
    }
    // Most lines of the later renders came from what was kept.
    expect(sharedLineStats().hits - before).toBeGreaterThan(2_000);
  }, 120_000);

  it('keeps nothing while a process renders its first document, and from then on', async () => {
    configureSharedLines({ keep: true, untilNextDocument: true });
    const first = await pdf(docs[1]!);
    expect(sharedLineStats().kept).toBe(0);
    const second = await pdf(docs[1]!);
    const { kept, hits } = sharedLineStats();
    expect(kept).toBeGreaterThan(500);
    const third = await pdf(docs[1]!);
    // The third encodes the kept lines from the store: one hit per line the second kept, at least.
    expect(sharedLineStats().hits - hits).toBeGreaterThanOrEqual(kept);
    expect(second.equals(first)).toBe(true);
    expect(third.equals(first)).toBe(true);
  }, 60_000);
});
