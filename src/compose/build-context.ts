import { unitWords, type ContractParams } from '../params/types.js';
import type { AnnexRole } from '../model/types.js';

const ANNEX_ROLES: readonly AnnexRole[] = ['integral', 'signed', 'form', 'reference'];
import { annexLabel } from '../model/numbering.js';
import { annexRole } from './annex-roles.js';
import type { TemplateContext } from './context.js';
import { termEndDate } from './dates.js';
import { escapeTree } from './escape.js';
import { blankOpenValues } from './open-values.js';
import { computeFees } from './fees.js';
import { ANNEX_TITLES, INCREMENT_TEXT, INVOICE_LABELS, MEETING_LABELS, NUMBER_KIND_LABELS, NUMBER_KIND_USAGE, UNIT_DEFINITIONS, VALUE_ADDED_LABELS } from './labels.js';
import { Dec } from './money.js';
import { computeSla } from './sla.js';

const CALLING = {
  voice: { label: '语音通话', description: '基于云电话号码的呼入、呼出语音通话。' },
  video: { label: '视频通话', description: '支持视频终端或客户端之间的音视频通话。' },
} as const;

const SEAT = '坐席';

/** The billing units the fee items use, each with its definition (the user's first, else built in). */
function billingUnits(p: ContractParams): { unit: string; definition: string }[] {
  const timeUnit = `指通话时长的计量单位。通话时长自呼叫接通时起至任何一方挂机时止计算，${INCREMENT_TEXT[p.fees.billing.increment]}`;
  const builtIn: Record<string, string> = { ...UNIT_DEFINITIONS, 分钟: timeUnit, 秒: timeUnit };
  const seen = new Set<string>();
  const out: { unit: string; definition: string }[] = [];
  for (const item of p.fees.items) {
    for (const word of unitWords(item.unit)) {
      // 坐席 is a term of the whole contract, defined on its own (seatDefinition).
      if (seen.has(word) || word === SEAT) continue;
      seen.add(word);
      // Own keys only: a unit written `constructor` must not find Object.prototype's.
      const definition = Object.hasOwn(p.fees.units, word) ? p.fees.units[word] : Object.hasOwn(builtIn, word) ? builtIn[word] : undefined;
      if (definition !== undefined) out.push({ unit: word, definition: definition.replace(/[。；;.]$/, '') });
    }
  }
  return out;
}

function liabilityFigures(p: ContractParams): TemplateContext['liability'] {
  const cap = p.liability.cap;
  const capAmount = cap && 'amount' in cap ? cap.amount : '';
  const feesMultiple = cap && 'feesMultiple' in cap ? cap.feesMultiple : '';
  return {
    limited: cap !== undefined || p.liability.excludeIndirectLosses,
    hasCap: cap !== undefined,
    capAmount,
    feesMultiple: feesMultiple === '' ? '' : new Dec(feesMultiple).toFixed(),
    multipleIsOne: feesMultiple !== '' && new Dec(feesMultiple).eq(1),
  };
}

/** 09:00-18:00 -> 9:00至18:00 */
function workdayHoursText(range: string): string {
  return range.split('-').map((t) => t.replace(/^0(?=\d:)/, '')).join('至');
}

/** Computes every derived figure once, then escapes all strings for Markdown. */
export function buildContext(p: ContractParams, options: { draft: boolean; open?: readonly (readonly (string | number)[])[] }): TemplateContext {
  const open = options.open ?? [];
  const isOpen = (...path: (string | number)[]) => open.some((o) => o.length === path.length && o.every((s, i) => s === path[i]));
  const fees = computeFees(p.fees, p.contract.term.years);
  const calling: { label: string; description: string }[] = [];
  if (p.services.calling.voice) calling.push(CALLING.voice);
  if (p.services.calling.video) calling.push(CALLING.video);
  if (p.services.calling.conference) {
    const max = p.services.calling.conference.maxParticipants;
    calling.push({ label: `会议通话（最多${max}方）`, description: `支持最多${max}方同时参加的多方语音会议。` });
  }
  const recording = p.services.valueAdded.includes('callRecording');
  const valueAdded = p.services.valueAdded.map((key) => {
    const { label, description } = VALUE_ADDED_LABELS[key];
    return key === 'callRecording'
      ? { key, label, description: `${description.replace(/。$/, '')}；录音文件自通话结束之日起保存${p.dataProtection.recordingRetentionDays}日，期满后删除。` }
      : { key, label, description };
  });
  // A kind left open in a draft is a placeholder: it describes no number.
  const knownKinds = p.services.numbers.filter((_, i) => !isOpen('services', 'numbers', i, 'kind'));
  const kinds = [...new Set(knownKinds.map((n) => n.kind))].map((kind) => ({
    kind,
    label: NUMBER_KIND_LABELS[kind],
    usage: NUMBER_KIND_USAGE[kind],
    count: knownKinds.filter((n) => n.kind === kind).length,
  }));
  const annexes = p.annexes.map((id, index) => ({ id, label: annexLabel(index + 1), title: ANNEX_TITLES[id], role: annexRole(id, p) }));
  const included = new Set<string>(p.annexes);
  const byRole = (role: string) => annexes.filter((a) => a.role === role);
  const context: TemplateContext = {
    p,
    draft: options.draft,
    term: { endDate: termEndDate(p.contract.term.effectiveDate, p.contract.term.years) },
    services: {
      numbers: p.services.numbers.map((n, index) => ({
        no: index + 1,
        number: n.number,
        kind: n.kind,
        kindLabel: NUMBER_KIND_LABELS[n.kind],
        region: n.region,
        channels: n.channels,
      })),
      kinds,
      has400: knownKinds.some((n) => n.kind === '400'),
      totalChannels: p.services.numbers.reduce((sum, n) => sum + n.channels, 0),
      callingFunctions: calling,
      valueAdded,
      recording,
      valueAddedText: valueAdded.map((v) => v.label).join('、'),
      callingText: calling.map((c) => c.label).join('、'),
    },
    seatDefinition: (Object.hasOwn(p.fees.units, SEAT) ? p.fees.units[SEAT]! : UNIT_DEFINITIONS[SEAT]).replace(/[。；;.]$/, ''),
    fees: { ...fees, units: billingUnits(p), incrementText: INCREMENT_TEXT[p.fees.billing.increment] },
    sla: computeSla(
      { availability: p.quality.availability, credits: p.sla.credits, outageRefund: p.sla.outageRefund, monthlyCap: p.sla.monthlyCap },
      fees.monthly.gross,
    ),
    maintenance: p.maintenance.map((row, index) => ({ ...row, no: index + 1 })),
    changes: p.changes.map((row, index) => ({ ...row, no: index + 1 })),
    disputes: {
      forum: p.disputes.resolution === 'arbitration' ? p.disputes.arbitration.commission : p.disputes.court,
    },
    liability: liabilityFigures(p),
    labels: {
      invoice: INVOICE_LABELS[p.fees.invoice],
      meetings: MEETING_LABELS[p.cooperation.meetings],
      supportHours: p.support.hours === '7x24' ? '每日24小时、每周7日' : `工作日${workdayHoursText(p.support.workdayHours)}`,
    },
    annexes,
    annexesByRole: {
      integral: byRole('integral'),
      signed: byRole('signed'),
      form: byRole('form'),
      reference: byRole('reference'),
    },
    annexGroups: ANNEX_ROLES.map((role) => ({ role, annexes: byRole(role) })).filter((group) => group.annexes.length > 0),
    precedence: p.contract.precedence
      .filter((part) => part === 'amendments' || part === 'body' || included.has(part))
      .map((part, index) => ({ no: index + 1, part })),
  };
  return blankOpenValues(escapeTree(context), open);
}
