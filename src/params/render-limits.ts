/**
 * Values the contract must be able to write, checked at validation so that `validate` rejects
 * everything `gen` would (naming the key) instead of a template failing later:
 * - the total with tax is written out in Chinese capitals (人民币大写), which go up to 仟万亿
 *   (16 digits before the decimal point): `unitPrice: 999999999999.99` × `quantity:
 *   99999999999` passed validation and failed in a template. The arithmetic mirrors
 *   src/compose/fees.ts (half-up to the fen per line, then summed).
 * - the term's last day is a date with a four-digit year (effectiveDate + years).
 */
import { Decimal } from 'decimal.js';
import { text } from '../diagnostics.js';
import { problem, type Problem } from './messages.js';
import type { ContractParams } from './types.js';

const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
/** The largest amount 人民币大写 is written for (src/compose/daxie.ts). */
export const MAX_CONTRACT_AMOUNT = '9999999999999999.99';
const SHOWN = '9,999,999,999,999,999.99';

export interface LimitProblem {
  readonly path: (string | number)[];
  readonly problem: Problem;
}

const fen = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export function checkRenderLimits(params: ContractParams): LimitProblem[] {
  const max = new Dec(MAX_CONTRACT_AMOUNT);
  const rate = new Dec(params.fees.taxRate).dividedBy(100);
  const withTax = (amount: Decimal): Decimal => (params.fees.pricesIncludeTax ? amount : amount.plus(fen(amount.times(rate))));
  const tooLarge = (what: { en: string; zh: string }): Problem =>
    problem(
      'amount-too-large',
      text(`${what.en} more than ${SHOWN} yuan, the largest amount the contract can write in Chinese capitals (大写)`, `${what.zh}超过 ${SHOWN} 元，即合同能以大写写出的最大金额`),
      text('check the unit price and the quantity', '请检查单价和数量'),
    );

  const problems: LimitProblem[] = [];
  let total = new Dec(0);
  params.fees.items.forEach((item, i) => {
    const subtotal = fen(new Dec(item.unitPrice).times(item.quantity));
    total = total.plus(subtotal);
    if (withTax(subtotal).greaterThan(max)) {
      problems.push({ path: ['fees', 'items', i], problem: tooLarge({ en: 'unit price × quantity (with tax) comes to', zh: '单价 × 数量（含税）' }) });
    }
  });
  if (problems.length === 0 && withTax(total).greaterThan(max)) {
    problems.push({ path: ['fees', 'items'], problem: tooLarge({ en: 'the fee lines (with tax) add up to', zh: '各费用项目（含税）合计' }) });
  }
  const term = params.contract.term;
  const [y, m, d] = term.effectiveDate.split('-').map(Number) as [number, number, number];
  // The term ends the day before the same date `years` later.
  if (new Date(Date.UTC(y + term.years, m - 1, d - 1)).getUTCFullYear() > 9999) {
    problems.push({
      path: ['contract', 'term', 'effectiveDate'],
      problem: problem(
        'term-too-late',
        text(`a term of ${term.years} years from ${term.effectiveDate} ends after 9999-12-31`, `自 ${term.effectiveDate} 起 ${term.years} 年的期限结束于 9999-12-31 之后`),
        text('check the year of the effective date', '请检查生效日期的年份'),
      ),
    });
  }
  return problems;
}
