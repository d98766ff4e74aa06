import { Decimal } from 'decimal.js';
import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

/** Friday evening to Monday morning, the longest wait for a fault reported outside working hours. */
function weekendGapHours(workdayHours: string): number {
  const [from = '09:00', to = '18:00'] = workdayHours.split('-');
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return (2 * 24 * 60 + (24 * 60 - minutes(to)) + minutes(from)) / 60;
}

export const supportHoursVsAvailability: LintRule = {
  id: 'support-hours-vs-availability',
  description: text(
    'Faults are taken round the clock when the availability promise allows less downtime than a weekend.',
    '服务可用率允许的不可用时间短于一个周末时，故障受理应为每日24小时。',
  ),
  reads: ['support', 'quality.availability'],
  check(p, ctx) {
    if (p.support.hours !== 'workdays') return [];
    const allowedMinutes = new Decimal(100).minus(p.quality.availability).dividedBy(100).times(30 * 24 * 60);
    const gap = weekendGapHours(p.support.workdayHours);
    if (allowedMinutes.gte(gap * 60)) return [];
    return [
      ctx.warn(
        ['support', 'hours'],
        text(
          `is workdays: a fault reported on Friday evening waits ${gap} hours for the clock to start, while ${p.quality.availability}% availability allows ${allowedMinutes.toDecimalPlaces(2).toString()} minutes of downtime in a 30-day month`,
          `为 workdays：周五晚报告的故障要等待 ${gap} 小时才开始计时，而 ${p.quality.availability}% 的服务可用率在30日的月份只允许 ${allowedMinutes.toDecimalPlaces(2).toString()} 分钟不可用时间`,
        ),
        text('use hours: 7x24, or promise a lower availability', '改为 hours: 7x24，或降低承诺的服务可用率'),
      ),
    ];
  },
};
