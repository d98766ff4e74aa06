import type { ContractParams } from '../params/types.js';
import type { TemplateContext } from './context.js';
import { termEndDate } from './dates.js';
import { escapeTree } from './escape.js';
import { computeFees } from './fees.js';
import { ANNEX_TITLES, NUMBER_KIND_LABELS, VALUE_ADDED_LABELS } from './labels.js';
import { annexLabel } from '../model/numbering.js';
import { computeSla } from './sla.js';

const CALLING = {
  voice: { label: '语音通话', description: '基于云电话号码的呼入、呼出语音通话。' },
  video: { label: '视频通话', description: '支持视频终端或客户端之间的音视频通话。' },
} as const;

/** Computes every derived figure once, then escapes all strings for Markdown. */
export function buildContext(p: ContractParams, options: { draft: boolean }): TemplateContext {
  const fees = computeFees(p.fees);
  const calling: { label: string; description: string }[] = [];
  if (p.services.calling.voice) calling.push(CALLING.voice);
  if (p.services.calling.video) calling.push(CALLING.video);
  if (p.services.calling.conference) {
    const max = p.services.calling.conference.maxParticipants;
    calling.push({ label: `会议通话（最多${max}方）`, description: `支持最多${max}方同时参加的多方语音会议。` });
  }
  const valueAdded = p.services.valueAdded.map((key) => ({ key, ...VALUE_ADDED_LABELS[key] }));
  const context: TemplateContext = {
    p,
    draft: options.draft,
    term: { endDate: termEndDate(p.contract.term.effectiveDate, p.contract.term.years) },
    services: {
      numbers: p.services.numbers.map((n, index) => ({
        no: index + 1,
        number: n.number,
        kindLabel: NUMBER_KIND_LABELS[n.kind],
        region: n.region,
        channels: n.channels,
      })),
      totalChannels: p.services.numbers.reduce((sum, n) => sum + n.channels, 0),
      callingFunctions: calling,
      valueAdded,
      valueAddedText: valueAdded.map((v) => v.label).join('、'),
      callingText: calling.map((c) => c.label).join('、'),
    },
    fees,
    sla: computeSla(p, fees.monthlyRecurring),
    maintenance: p.maintenance.map((row, index) => ({ ...row, no: index + 1 })),
    changes: p.changes.map((row, index) => ({ ...row, no: index + 1 })),
    disputes: {
      forum: p.disputes.resolution === 'arbitration' ? p.disputes.arbitration.commission : p.disputes.court,
    },
    annexes: p.annexes.map((id, index) => ({ id, label: annexLabel(index + 1), title: ANNEX_TITLES[id] })),
  };
  return escapeTree(context);
}
