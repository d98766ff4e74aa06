import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

/** The start of a window written `2025-04-10 02:00-04:00` (or `2025-04-10`), as UTC milliseconds. */
export function windowStart(window: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2}))?/.exec(window);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0'] = m.slice(1);
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  return Number.isNaN(t) ? undefined : t;
}

export const maintenanceShortNotice: LintRule = {
  id: 'maintenance-short-notice',
  description: text(
    'Each logged maintenance was notified at least quality.maintenanceNoticeHours before its window, or its time counts as downtime.',
    '每次登记的维护应至少提前 quality.maintenanceNoticeHours 小时通知，否则维护期间计入不可用时间。',
  ),
  reads: ['maintenance', 'quality.maintenanceNoticeHours'],
  check(p, ctx) {
    const hours = p.quality.maintenanceNoticeHours;
    return p.maintenance.flatMap((entry, i) => {
      const start = windowStart(entry.window);
      if (start === undefined) return [];
      // A notice is dated, not timed: count from the start of its day (the most notice it can have given).
      const notice = Date.parse(`${entry.noticeDate}T00:00:00Z`);
      const given = (start - notice) / 3_600_000;
      if (given >= hours) return [];
      return [
        ctx.warn(
          ['maintenance', i, 'window'],
          text(
            `starts ${Math.max(0, Math.floor(given))} hours after the notice of ${entry.noticeDate}, less than the ${hours} hours the contract requires: this maintenance is not excluded from downtime`,
            `开始时间距 ${entry.noticeDate} 的通知仅 ${Math.max(0, Math.floor(given))} 小时，少于合同要求的 ${hours} 小时：该次维护不属于不计入不可用时间的计划维护`,
          ),
        ),
      ];
    });
  },
};
