import { Decimal } from 'decimal.js';
import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

export const slaGapBelowAvailability: LintRule = {
  id: 'sla-gap-below-availability',
  description: text(
    'The first SLA credit tier starts at the promised availability, so that every missed month earns a credit.',
    '第一档服务可用率赔偿应从承诺的服务可用率起算，使每个未达标的月份都有赔偿。',
  ),
  reads: ['quality.availability', 'sla'],
  check(p, ctx) {
    const first = p.sla.credits[0];
    if (!first || new Decimal(first.below).gte(p.quality.availability)) return [];
    return [
      ctx.warn(
        ['sla', 'credits', 0, 'below'],
        text(
          `is ${first.below}%, below the promised availability ${p.quality.availability}%: a month between the two breaks the promise but earns no tier credit${p.sla.outageRefund ? ' (only the pro-rata refund)' : ''}`,
          `为 ${first.below}%，低于承诺的服务可用率 ${p.quality.availability}%：可用率介于二者之间的月份未达标却没有档次赔偿${p.sla.outageRefund ? '（仅有按不可用时间的减免）' : ''}`,
        ),
        text(`start the first tier at below: ${p.quality.availability}`, `将第一档设为 below: ${p.quality.availability}`),
      ),
    ];
  },
};
