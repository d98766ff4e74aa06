import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, lineText, measureRuns } from '../../../src/render/pdf/line-break.js';

const CLOSING = [...'，。、；：？！）」』》〉”’%…—'];
const OPENING = [...'（「『《〈“‘'];
const size = 10;

describe('breakLines', () => {
  it('breaks between CJK characters and keeps Latin words whole', () => {
    const lines = breakLines([{ text: '甲方账号0200004509200012345应在合同签订后付款', style: 'regular' }], size, 150, 150);
    const texts = lines.map(lineText);
    expect(texts.join('')).toBe('甲方账号0200004509200012345应在合同签订后付款');
    expect(texts.some((t) => t.includes('0200004509200012345'))).toBe(true);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(150.01);
  });

  it('splits a word longer than a line rather than overflow', () => {
    const lines = breakLines([{ text: 'X'.repeat(60), style: 'regular' }], size, 50, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join('')).toBe('X'.repeat(60));
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(50.01);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const cjk = fc.constantFrom(...'合同甲乙方服务费用支付条款约定违约责任');
    const token = fc.oneof({ weight: 6, arbitrary: cjk }, { weight: 2, arbitrary: fc.constantFrom(...CLOSING) }, { weight: 1, arbitrary: fc.constantFrom(...OPENING) });
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 200 }), // At least six characters a line: a cluster that may not be split (two opening marks, a
      // character, two closing marks) is five, so a compliant break always exists.
      fc.integer({ min: 60, max: 300 }), (chars, width) => {
        // Well-formed text: at most two punctuation marks in a row, as in real prose.
        const text = chars.join('').replace(/([，。、；：？！）」』》〉”’%…—（「『《〈“‘]{2})[，。、；：？！）」』》〉”’%…—（「『《〈“‘]+/gu, '$1');
        const lines = breakLines([{ text, style: 'regular' }], size, width, width);
        expect(lines.map(lineText).join('')).toBe(text);
        lines.forEach((line, i) => {
          const t = lineText(line);
          if (i > 0) expect(CLOSING).not.toContain([...t][0]);
          if (i < lines.length - 1) expect(OPENING).not.toContain([...t].at(-1));
          expect(line.width).toBeLessThanOrEqual(width + 0.01);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps styles apart and honours forced breaks', () => {
    const lines = breakLines([{ text: '甲方：', style: 'bold' }, { text: '北京\n上海', style: 'regular' }], size, 500, 500);
    expect(lines.map(lineText)).toEqual(['甲方：北京', '上海']);
    expect(lines[0]!.pieces.map((p) => p.style)).toEqual(['bold', 'regular']);
    expect(lines[0]!.hard).toBe(true);
  });

  it('measures natural and narrowest widths', () => {
    const m = measureRuns([{ text: '单价 ¥6,000.00', style: 'regular' }], size);
    expect(m.natural).toBeGreaterThan(m.min);
    expect(m.min).toBeGreaterThan(size * 2);
  });
});
