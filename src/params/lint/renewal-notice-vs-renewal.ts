import { text } from '../../diagnostics.js';
import { daysOfYears, type LintRule } from './types.js';

export const renewalNoticeVsRenewal: LintRule = {
  id: 'renewal-notice-vs-renewal',
  description: text(
    'The notice to stop a renewal is shorter than one renewal period.',
    '不续期通知期限应短于一个续期期间。',
  ),
  reads: ['contract.term'],
  check(p, ctx) {
    const renewal = p.contract.term.autoRenewal;
    if (!renewal) return [];
    // The first renewal period starts where the initial term ends.
    const [y, md] = [Number(p.contract.term.effectiveDate.slice(0, 4)), p.contract.term.effectiveDate.slice(4)];
    const days = daysOfYears(`${y + p.contract.term.years}${md}`, renewal.years);
    if (renewal.noticeDays < days) return [];
    return [
      ctx.warn(
        ['contract', 'term', 'autoRenewal', 'noticeDays'],
        text(
          `is ${renewal.noticeDays} days, not less than a renewal period of ${renewal.years} year(s) (${days} days): once renewed, the contract can never be stopped in time`,
          `为 ${renewal.noticeDays} 日，不短于 ${renewal.years} 年的续期期间（${days} 日）：续期后将无法及时通知不再续期`,
        ),
        text('shorten noticeDays or lengthen autoRenewal.years', '缩短 noticeDays 或延长 autoRenewal.years'),
      ),
    ];
  },
};
