/** Numbering labels shared by every renderer, derived from position only. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 -> 一, 10 -> 十, 15 -> 十五, 21 -> 二十一, 105 -> 一百零五 (counting style, for 第N条). */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`cannot count ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const units = ['', '十', '百', '千'] as const;
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + unit;
  });
  return out;
}

export const articleLabel = (n: number): string => `第${chineseCount(n)}条`;
export const sectionLabel = (n: number): string => `${chineseCount(n)}、`;
export const clauseLabel = (article: number, clause: number): string => `${article}.${clause}`;
export const itemLabel = (n: number): string => `（${n}）`;
export const annexLabel = (n: number): string => `附件${chineseCount(n)}`;
export const BULLET = '•';
