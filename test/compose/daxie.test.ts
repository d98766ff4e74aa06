import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daxie, daxieWithCurrency } from '../../src/compose/daxie.js';
import { Dec } from '../../src/compose/money.js';

// Amounts and their 大写 as a bank clerk writes them (PBOC 正确填写票据和结算凭证的基本规定).
const TABLE: [string, string][] = [
  ['0', '零元整'],
  ['0.05', '伍分'],
  ['0.50', '伍角整'],
  ['0.56', '伍角陆分'],
  ['1', '壹元整'],
  ['7.08', '柒元零捌分'],
  ['10', '壹拾元整'],
  ['15', '壹拾伍元整'],
  ['20', '贰拾元整'],
  ['100', '壹佰元整'],
  ['101', '壹佰零壹元整'],
  ['110', '壹佰壹拾元整'],
  ['1060', '壹仟零陆拾元整'],
  ['1060.00', '壹仟零陆拾元整'],
  ['1001', '壹仟零壹元整'],
  ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
  ['1680.30', '壹仟陆佰捌拾元叁角整'],
  ['1680.02', '壹仟陆佰捌拾元零贰分'],
  ['10005', '壹万零伍元整'],
  ['10010', '壹万零壹拾元整'],
  ['10100', '壹万零壹佰元整'],
  ['11000', '壹万壹仟元整'],
  ['12345.60', '壹万贰仟叁佰肆拾伍元陆角整'],
  ['100000', '壹拾万元整'],
  ['100000.05', '壹拾万元零伍分'],
  ['100500', '壹拾万零伍佰元整'],
  ['101000', '壹拾万壹仟元整'],
  ['107000.53', '壹拾万柒仟元伍角叁分'],
  ['1000000', '壹佰万元整'],
  ['1004000', '壹佰万肆仟元整'],
  ['10000000', '壹仟万元整'],
  ['100000000', '壹亿元整'],
  ['100000001', '壹亿零壹元整'],
  ['101000000', '壹亿零壹佰万元整'],
  ['110000000', '壹亿壹仟万元整'],
  ['1000000000', '壹拾亿元整'],
  ['325000.00', '叁拾贰万伍仟元整'],
  ['6000.125', '陆仟元壹角叁分'], // half-up to the fen first
  ['9999999999999999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
];

/** Reads 大写 back into an amount, independently of the writer. */
function parseDaxie(text: string): string {
  const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let body = text.replace(/整$/, '');
  let fen = 0;
  const fenMatch = /([壹贰叁肆伍陆柒捌玖])分$/.exec(body);
  if (fenMatch) { fen += digit[fenMatch[1]!]!; body = body.slice(0, -2); }
  const jiaoMatch = /([壹贰叁肆伍陆柒捌玖])角$/.exec(body);
  if (jiaoMatch) { fen += 10 * digit[jiaoMatch[1]!]!; body = body.slice(0, -2); }
  body = body.replace(/零$/, '');
  body = body.replace(/元$/, '');
  let total = 0n;
  let section = 0n; // below 万
  let wan = 0n; // the 万 group of the current 亿 group
  let current = 0n;
  for (const ch of body) {
    if (ch in digit) current = BigInt(digit[ch]!);
    else if (ch in small) { section += current * BigInt(small[ch]!); current = 0n; }
    else if (ch === '万') { wan = (section + current) * 10000n; section = 0n; current = 0n; }
    else if (ch === '亿') { total = (total + wan + section + current) * 100000000n; wan = 0n; section = 0n; current = 0n; }
    else throw new Error(`unexpected ${ch} in ${text}`);
  }
  total += wan + section + current;
  return `${total}.${String(fen).padStart(2, '0')}`;
}

describe('daxie (人民币大写)', () => {
  it.each(TABLE)('%s -> %s', (amount, expected) => {
    expect(daxie(amount)).toBe(expected);
  });

  it('prefixes 人民币 in the contract form', () => {
    expect(daxieWithCurrency('12345.60')).toBe('人民币壹万贰仟叁佰肆拾伍元陆角整');
  });

  it('rejects negative and oversized amounts', () => {
    expect(() => daxie('-1')).toThrow(RangeError);
    expect(() => daxie('10000000000000000')).toThrow(RangeError);
  });

  it('reads back to the same amount (property)', () => {
    const fenAmount = fc.bigInt({ min: 0n, max: 999_999_999_999_999_99n });
    fc.assert(
      fc.property(fenAmount, (fen) => {
        const amount = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
        expect(parseDaxie(daxie(amount))).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('never has two 零 in a row, never starts with 零 or 拾, ends in 整 or 分 (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 17n - 1n }), (fen) => {
        const text = daxie(new Dec(fen.toString()).dividedBy(100));
        expect(text).not.toMatch(/零零/);
        expect(text).not.toMatch(/^[零拾]/);
        expect(text).toMatch(/(整|分)$/);
        expect(text).not.toMatch(/零[万亿元]/);
      }),
      { numRuns: 2000 },
    );
  });
});
