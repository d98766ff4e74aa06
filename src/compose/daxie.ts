import { Dec, toFen, type DecimalValue } from './money.js';

/**
 * 人民币大写 as the PBOC rules for bills require (正确填写票据和结算凭证的基本规定):
 * every digit carries its unit (so 10 is 壹拾, never 拾), a run of zeros inside the number
 * is one 零, 整 ends an amount without 分, and 零 stands between 元 and 分 when 角 is zero.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

export const MAX_DAXIE_AMOUNT = new Dec('9999999999999999.99');

export function daxie(amount: DecimalValue): string {
  const value = toFen(amount);
  if (value.isNegative()) throw new RangeError('人民币大写 needs an amount >= 0');
  if (value.greaterThan(MAX_DAXIE_AMOUNT)) throw new RangeError('amount too large for 人民币大写');
  const [wholeText = '0', fractionText = '00'] = value.toFixed(2).split('.');
  const jiao = Number(fractionText[0]);
  const fen = Number(fractionText[1]);
  const whole = integerPart(wholeText);

  if (whole === '' && jiao === 0 && fen === 0) return '零元整';
  let out = whole === '' ? '' : `${whole}元`;
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  else out += '整';
  return out;
}

/**
 * The integer part, '' for zero. Digits are read from the left with their unit; every fourth
 * position closes a group: 万 when that group has a digit, 亿 whenever anything precedes it
 * (so 1,0000,0000,0000 is 壹万亿 and 1,0001,0000,0000 is 壹万零壹亿).
 */
function integerPart(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  for (let i = 0; i < trimmed.length; i++) {
    const position = trimmed.length - 1 - i;
    const d = Number(trimmed[i]);
    if (d === 0) {
      if (out !== '') zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += DIGITS[d]! + SMALL_UNITS[position % 4]!;
      groupHasDigit = true;
    }
    if (position > 0 && position % 4 === 0) {
      const isYi = position % 8 === 0;
      if (isYi ? out !== '' : groupHasDigit) {
        out += isYi ? '亿' : '万';
        // Zeros at the end of a group are absorbed by its unit (壹拾万壹仟, not 壹拾万零壹仟).
        zeroPending = false;
      }
      groupHasDigit = false;
    }
  }
  return out;
}

/** "人民币" + 大写, the form used in the contract text. */
export function daxieWithCurrency(amount: DecimalValue): string {
  return `人民币${daxie(amount)}`;
}
