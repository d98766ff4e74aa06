import { Decimal } from 'decimal.js';
import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

/** The estimated fees of twelve months as priced (the contract's own estimate, before tax is split out). */
function twelveMonths(p: Parameters<LintRule['check']>[0]): Decimal {
  const monthly = p.fees.items
    .filter((item) => item.category !== 'oneTime')
    .reduce((sum, item) => sum.plus(new Decimal(item.unitPrice).times(item.quantity).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)), new Decimal(0));
  return monthly.times(12);
}

export const liabilityCapBelowFees: LintRule = {
  id: 'liability-cap-below-fees',
  description: text(
    'A liability cap is not below the fees of twelve months.',
    '责任限额不应低于十二个月的服务费用。',
  ),
  reads: ['liability', 'fees'],
  check(p, ctx) {
    const cap = p.liability.cap;
    if (!cap) return [];
    if ('feesMultiple' in cap) {
      return new Decimal(cap.feesMultiple).lt(1)
        ? [ctx.warn(['liability', 'cap', 'feesMultiple'], text(`is ${cap.feesMultiple}: the cap is less than the fees of the last twelve months`, `为 ${cap.feesMultiple}：责任限额低于最近十二个月的服务费用`))]
        : [];
    }
    const year = twelveMonths(p);
    if (new Decimal(cap.amount).gte(year)) return [];
    return [
      ctx.warn(
        ['liability', 'cap', 'amount'],
        text(
          `is ${cap.amount}, below the estimated fees of twelve months (${year.toFixed(2)}): a year of outages could cost the provider less than it earns`,
          `为 ${cap.amount}，低于预估的十二个月服务费用（${year.toFixed(2)}）`,
        ),
        text('raise the amount, or use feesMultiple: 1', '提高限额，或改用 feesMultiple: 1'),
      ),
    ];
  },
};
