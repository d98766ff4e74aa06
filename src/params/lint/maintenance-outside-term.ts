import { text } from '../../diagnostics.js';
import { dayAfterTerm, type LintRule } from './types.js';

export const maintenanceOutsideTerm: LintRule = {
  id: 'maintenance-outside-term',
  description: text('Every maintenance entry falls within the initial term.', '每条维护登记都应在合同期限之内。'),
  reads: ['maintenance', 'contract.term'],
  check(p, ctx) {
    const over = dayAfterTerm(p.contract.term.effectiveDate, p.contract.term.years);
    return p.maintenance.flatMap((entry, i) =>
      entry.noticeDate >= over
        ? [
            ctx.warn(
              ['maintenance', i, 'noticeDate'],
              text(`${entry.noticeDate} is after the end of the term (the term is over on ${over})`, `${entry.noticeDate} 在合同期限届满之后（合同期限于 ${over} 前届满）`),
            ),
          ]
        : [],
    );
  },
};
