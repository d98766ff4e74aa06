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

  it('justification stretches the gaps between CJK characters, never those inside a word or a number', () => {
    const text = '故障报修电子邮箱support@example.net，金额¥7,450.00，工单系统及其他受理渠道的说明如下所述';
    fc.assert(
      fc.property(fc.integer({ min: 120, max: 300 }), (width) => {
        for (const line of breakLines([{ text, style: 'regular' }], size, width, width)) {
          const flexible = line.pieces.reduce((n, p) => n + p.flexible, 0);
          expect(line.gaps).toBe(Math.max(0, flexible - 1));
          for (const piece of line.pieces) {
            expect(piece.runs.map((r) => r.text).join('')).toBe(piece.text);
            for (const run of piece.runs) {
              // A rigid run is a word or number whose characters keep the font's spacing.
              if (run.rigid) expect(run.text).toMatch(/^[A-Za-z0-9@.,¥-]+$/);
            }
          }
        }
      }),
    );
    const [line] = breakLines([{ text: '甲乙support@example.net丙丁', style: 'regular' }], size, 1000, 1000);
    expect(line!.pieces[0]!.runs).toEqual([
      { text: '甲乙', rigid: false },
      { text: 'support@example.ne', rigid: true },
      { text: 't丙丁', rigid: false },
    ]);
    // Gaps: after 甲, 乙, the word's last letter, 丙 (none after the last character).
    expect(line!.gaps).toBe(4);
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

  it('never leaves one CJK character alone on the last line of a paragraph (random text and widths)', () => {
    const ideograph = fc.constantFrom(...'合同甲乙方服务费用支付条款约定违约责任式达址法');
    const token = fc.oneof({ weight: 8, arbitrary: ideograph }, { weight: 2, arbitrary: fc.constantFrom(...'，。、；：）”') }, { weight: 1, arbitrary: fc.constantFrom(...'（“') });
    const isIdeograph = (ch: string) => /\p{Script=Han}/u.test(ch);
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 300 }), fc.integer({ min: 80, max: 400 }), fc.integer({ min: 0, max: 20 }), (chars, width, indent) => {
        // Well-formed prose: at most two marks in a row, no opening mark at the end. Lines of
        // six characters or more, so that the line before has a unit to give but in the shortest texts.
        const text = chars.join('').replace(/([，。、；：）”（“]{2})[，。、；：）”（“]+/gu, '$1').replace(/[（“]+$/u, '');
        const lines = breakLines([{ text, style: 'regular' }], size, width - indent, width);
        expect(lines.map(lineText).join('')).toBe(text);
        for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 0.01);
        if (lines.length < 2) return;
        // The line before gives a character down only if it keeps one: a line of one character
        // with its marks (（（合，，) has nothing to give.
        if ([...lineText(lines.at(-2)!)].filter(isIdeograph).length < 2) return;
        const last = [...lineText(lines.at(-1)!)].filter(isIdeograph);
        expect(last.length, lines.map(lineText).join(' | ')).not.toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('takes one character down from the line before', () => {
    // 10 characters of 10 pt on a 95 pt line: nine fit, the tenth would be alone.
    const lines = breakLines([{ text: '甲乙丙丁戊己庚辛壬式。', style: 'regular' }], size, 95, 95).map(lineText);
    expect(lines).toEqual(['甲乙丙丁戊己庚辛', '壬式。']);
  });

  it('a character that comes down over a space dropped at the break joins the last line without it', () => {
    // The space after 钟 ends the first line and is dropped; 钟 then comes down to 》日.
    const lines = breakLines([{ text: '“合分钟 》日 …', style: 'regular' }], 9, 36, 276);
    expect(lines.map(lineText)).toEqual(['“合分', '钟》日 …']);
    expect(lines[1]!.pieces.flatMap((p) => p.runs.map((r) => r.text))).toEqual(['钟》日 …']);
  });

  it('keeps numbers with their signs and units, and dates whole', () => {
    for (const unit of ['43.2分钟', '¥7,450.00', '￥7,450.00', '99.9%', '2025年3月1日', '第12条', '10个工作日', '30日']) {
      // Every way of placing the unit across a line end: it is never split.
      for (let pad = 0; pad < 12; pad++) {
        const text = `${'甲'.repeat(pad)}${unit}，乙方应当支付。`;
        const lines = breakLines([{ text, style: 'regular' }], size, 100, 100).map(lineText);
        expect(lines.join('')).toBe(text);
        expect(lines.some((l) => l.includes(unit)), `${unit} split: ${lines.join(' | ')}`).toBe(true);
      }
    }
    // A date part only continues a number: 月 in 每月3日 is not glued to what precedes it.
    const lines = breakLines([{ text: '甲'.repeat(8) + '每月3日前付款', style: 'regular' }], size, 100, 100).map(lineText);
    expect(lines[0]).toBe('甲'.repeat(8) + '每月');
  });

  it('breaks a long e-mail address or URL after @ . / - rather than stretch the line', () => {
    const text = '甲方的通知邮箱为contracts.department@example-company.com.cn，乙方应当及时回复。';
    const lines = breakLines([{ text, style: 'regular' }], size, 200, 200);
    expect(lines.map(lineText).join('')).toBe(text);
    const first = lineText(lines[0]!);
    // The first line is filled (not left with a gap wider than the justification cap) and
    // ends after a break character of the address.
    expect(200 - lines[0]!.width).toBeLessThanOrEqual(0.3 * size * (lines[0]!.chars - 1));
    expect(first).toMatch(/[@./-]$/);
    // A number is never broken at its dot or hyphen.
    const phone = breakLines([{ text: '甲'.repeat(17) + '电话010-62345678，金额7,450.00。', style: 'regular' }], size, 200, 200).map(lineText);
    expect(phone.some((l) => l.includes('010-62345678'))).toBe(true);
  });

  it('breaks a token longer than a line at its break characters first', () => {
    const url = 'https://portal.example.com/tickets/new-request/very/long/path/segment';
    const lines = breakLines([{ text: url, style: 'regular' }], size, 120, 120).map(lineText);
    expect(lines.join('')).toBe(url);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/[@./-]$/);
  });
});
