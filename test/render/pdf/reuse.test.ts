/**
 * Lines kept across the PDFs of one process (line-break.ts): the bytes are those of a render
 * with nothing kept, lines are never shared between faces, and a contract sharing its text
 * with an earlier one reuses its lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFontSet, type FontSet } from '../../../src/fonts/index.js';
import type { ContractDocument } from '../../../src/model/types.js';
import { withFonts } from '../../../src/render/pdf/font.js';
import { breakLines, brokenLineStats, forgetBrokenLines, lineText } from '../../../src/render/pdf/line-break.js';
import { EXAMPLE, pdfOf as pdf, threeContracts } from './kept.js';

describe('PDF lines reused across the contracts of a process', () => {
  const docs: ContractDocument[] = [];
  const fonts = defaultFontSet();
  // The same two faces the other way round: other widths for the same text.
  const swapped: FontSet = { body: fonts.heading, heading: fonts.body, chosen: true };
  beforeAll(async () => {
    docs.push(...(await threeContracts(EXAMPLE.replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司').replace('010-62345678', '010-68881234'))));
  }, 60_000);

  it('gives the bytes of a render with nothing kept, whatever was rendered before', async () => {
    const expected: Buffer[] = [];
    for (const doc of docs) {
      forgetBrokenLines();
      expected.push(await pdf(doc, fonts));
    }
    forgetBrokenLines();
    for (const order of [[0, 1, 2], [2, 1, 0]]) {
      for (const i of order) expect((await pdf(docs[i]!, fonts)).equals(expected[i]!), `document ${i}`).toBe(true);
    }
  }, 120_000);

  it('reuses the lines of the paragraphs two contracts share', async () => {
    // Copies, not frozen: a frozen block measured before would not ask for its lines again (measured.ts).
    const [first, second] = [structuredClone(docs[0]!), structuredClone(docs[1]!)];
    forgetBrokenLines();
    await pdf(first, fonts);
    const { kept, reused } = brokenLineStats();
    await pdf(second, fonts);
    const after = brokenLineStats();
    // Most paragraphs are the same; the few with the new name and number are broken afresh.
    expect(after.reused - reused).toBeGreaterThan(kept * 0.8);
    expect(after.kept - kept).toBeGreaterThan(0);
    expect(after.kept - kept).toBeLessThan(kept * 0.2);
  }, 60_000);

  it('keeps nothing while a process lays out its first document, and from then on', async () => {
    forgetBrokenLines({ untilNextDocument: true });
    const first = await pdf(docs[0]!, fonts);
    expect(brokenLineStats().kept).toBe(0);
    const second = await pdf(docs[0]!, fonts);
    expect(brokenLineStats().kept).toBeGreaterThan(100);
    expect(second.equals(first)).toBe(true);
  }, 60_000);

  it('never gives lines broken with one face to another', () => {
    const runs = [{ text: '乙方按 Service Level Agreement 提供服务，月度可用性不低于99.95%，联系邮箱 support@example.com。', style: 'regular' as const }];
    forgetBrokenLines();
    const fresh = withFonts(swapped, () => breakLines(runs, 10.5, 200, 200));
    forgetBrokenLines();
    const plain = breakLines(runs, 10.5, 200, 200);
    const afterPlain = withFonts(swapped, () => breakLines(runs, 10.5, 200, 200));
    expect(afterPlain).toEqual(fresh);
    expect(afterPlain.map((l) => l.width)).not.toEqual(plain.map((l) => l.width));
    expect(afterPlain.map(lineText).join('')).toBe(plain.map(lineText).join(''));
  });

  it('keys lines on the size and both widths (a first line indented or hanging)', () => {
    const runs = [{ text: '甲方应于每月5日前支付上月服务费用，逾期付款的，每逾期一日按应付未付金额的万分之五支付违约金。', style: 'regular' as const }];
    const cases: [number, number, number][] = [[10.5, 150, 150], [10.5, 150, 100], [10.5, 100, 150], [12, 150, 150]];
    const fresh = cases.map(([size, first, rest]) => {
      forgetBrokenLines();
      return breakLines(runs, size, first, rest).map(lineText);
    });
    forgetBrokenLines();
    const kept = cases.map(([size, first, rest]) => breakLines(runs, size, first, rest).map(lineText));
    expect(kept).toEqual(fresh);
    expect(new Set(fresh.map((lines) => lines.join('|'))).size).toBe(cases.length);
  });
});
