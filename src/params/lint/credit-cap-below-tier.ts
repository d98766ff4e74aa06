import { Decimal } from 'decimal.js';
import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

export const creditCapBelowTier: LintRule = {
  id: 'credit-cap-below-tier',
  description: text(
    'The monthly cap on service credits is not below the credit of a tier (or of the connection rate).',
    '单月服务中断赔偿上限不应低于某一档次（或接通率未达标）的赔偿比例。',
  ),
  reads: ['sla'],
  check(p, ctx) {
    const cap = new Decimal(p.sla.monthlyCap);
    const credits = [...p.sla.credits.map((c) => c.creditPercent), p.sla.connectionRateCredit];
    const highest = Decimal.max(...credits);
    if (highest.lte(cap)) return [];
    return [
      ctx.warn(
        ['sla', 'monthlyCap'],
        text(
          `is ${cap.toString()}%, below a credit of ${highest.toString()}% the contract promises: that credit can never be paid in full`,
          `为 ${cap.toString()}%，低于合同约定的 ${highest.toString()}% 赔偿比例：该项赔偿永远无法足额支付`,
        ),
        text(`raise monthlyCap to at least ${highest.toString()}, or lower the credits`, `将 monthlyCap 提高到至少 ${highest.toString()}，或降低赔偿比例`),
      ),
    ];
  },
};
