import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

/** Working days in a month, about: a bill due later than this is not paid before the next one arrives. */
const WORKING_DAYS_PER_MONTH = 21;

export const paymentVsStatement: LintRule = {
  id: 'payment-vs-statement',
  description: text(
    'A monthly bill falls due before the next monthly statement arrives.',
    '每期账单的付款期限应在下一期账单出具之前届满。',
  ),
  reads: ['fees.billing'],
  check(p, ctx) {
    const days = p.fees.billing.paymentDays;
    if (days <= WORKING_DAYS_PER_MONTH) return [];
    return [
      ctx.warn(
        ['fees', 'billing', 'paymentDays'],
        text(
          `is ${days} working days, more than a month: each statement arrives before the previous one is due, so two bills are always open`,
          `为 ${days} 个工作日，超过一个月：每期账单到期前下一期账单已经出具，始终有两期账单未结`,
        ),
        text(`use at most ${WORKING_DAYS_PER_MONTH} working days`, `建议不超过 ${WORKING_DAYS_PER_MONTH} 个工作日`),
      ),
    ];
  },
};
