/**
 * Cross-field rules (errors) and drafting warnings. The rules run even when some fields
 * failed their own checks (so that every error is reported at once), so they read the
 * value defensively: a field that failed is skipped, never trusted.
 */
import { Decimal as Dec } from 'decimal.js';
import type { z } from 'zod';
import { text } from '../diagnostics.js';
import { MSG, problem, type Problem } from './messages.js';
import { PHONE_EXAMPLES, guessKind, isPhoneOfKind, normalizePhone } from './phone.js';
import { isOpenText } from './open-value.js';
import { isIsoDate } from './scalars.js';
import { NUMBER_KINDS, type ContractParams, type NumberKind } from './types.js';

type Path = (string | number)[];

function at(value: unknown, ...path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const date = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);
const dec = (v: unknown): Dec | undefined => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? new Dec(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Days from `start` to the same day `years` later. */
export function termDays(start: string, years: number): number {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y + years, m - 1, d) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

export function crossFieldRules(value: unknown, ctx: z.RefinementCtx): void {
  const report = (path: Path, p: Problem) => ctx.addIssue({ code: 'custom', message: p.message.en, path, params: { problem: p } });
  const signing = date(at(value, 'contract', 'signing', 'date'));

  // Term: effective date and renewal notice.
  const effectiveRaw = at(value, 'contract', 'term', 'effectiveDate');
  const effective = date(effectiveRaw);
  if (signing && effective && effective < signing) {
    report(['contract', 'term', 'effectiveDate'], problem('effective-before-signing', text(`must not be before the signing date ${signing}`, `不能早于签订日期 ${signing}`)));
  }
  const renewalYears = at(value, 'contract', 'term', 'autoRenewal', 'years');
  const noticeDays = at(value, 'contract', 'term', 'autoRenewal', 'noticeDays');
  if (typeof renewalYears === 'number' && renewalYears > 0 && noticeDays === undefined) {
    report(['contract', 'term', 'autoRenewal', 'noticeDays'], MSG.requiredWhen('when autoRenewal.years is above 0', '自动续期年数大于 0 '));
  }
  const years = at(value, 'contract', 'term', 'years');
  const start = effectiveRaw === undefined ? signing : effective;
  if (typeof noticeDays === 'number' && typeof years === 'number' && start) {
    const days = termDays(start, years);
    if (noticeDays >= days) {
      report(['contract', 'term', 'autoRenewal', 'noticeDays'], problem('renewal-notice-too-long', text(`must be less than the length of the term (${days} days)`, `必须少于合同期限的天数（${days} 天）`)));
    }
  }

  numberRules(value, report);

  const calling = at(value, 'services', 'calling');
  if (at(calling, 'voice') === false && at(calling, 'video') === false && at(calling, 'conference') === false) {
    report(['services', 'calling'], problem('no-calling-function', text('must provide at least one calling function: voice, video or conference', '至少要提供一项通话功能：语音、视频或会议通话')));
  }
  unique(list(at(value, 'services', 'valueAdded')), ['services', 'valueAdded'], (v) => str(v), report);
  unique(list(at(value, 'annexes')), ['annexes'], (v) => str(v), report);
  unique(list(at(value, 'contract', 'precedence')), ['contract', 'precedence'], (v) => str(v), report);

  const cap = at(value, 'liability', 'cap');
  if (typeof cap === 'object' && cap !== null && !Array.isArray(cap)) {
    const given = ['amount', 'feesMultiple'].filter((k) => at(cap, k) !== undefined);
    if (given.length !== 1) {
      report(['liability', 'cap'], problem('liability-cap-form', text('must give exactly one of amount and feesMultiple', '必须且只能填写 amount 或 feesMultiple 其中之一'), text('e.g. cap: { amount: 500000.00 } or cap: { feesMultiple: 1 }', '例如 cap: { amount: 500000.00 } 或 cap: { feesMultiple: 1 }')));
    }
  }

  slaRules(value, report);
  disputeRules(value, report);

  if (signing) {
    list(at(value, 'maintenance')).forEach((m, i) => {
      const d = date(at(m, 'noticeDate'));
      if (d && d < signing) report(['maintenance', i, 'noticeDate'], problem('date-before-signing', text(`must not be before the signing date ${signing}`, `不能早于签订日期 ${signing}`)));
    });
    list(at(value, 'changes')).forEach((c, i) => {
      const d = date(at(c, 'effectiveDate'));
      if (d && d < signing) report(['changes', i, 'effectiveDate'], problem('date-before-signing', text(`a change cannot take effect before the signing date ${signing}`, `变更不能早于签订日期 ${signing} 生效`)));
    });
  }
}

type Report = (path: Path, p: Problem) => void;

function unique(items: unknown[], base: Path, keyOf: (v: unknown) => string | undefined, report: Report, field?: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const raw = field ? at(item, field) : item;
    const k = isOpenText(raw) ? undefined : keyOf(raw);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else report(field ? [...base, i, field] : [...base, i], problem('duplicate', text(`is listed twice (first at item ${first + 1})`, `重复列出（第 ${first + 1} 项已有）`)));
  });
}

function numberRules(value: unknown, report: Report): void {
  const numbers = list(at(value, 'services', 'numbers'));
  numbers.forEach((n, i) => {
    const number = str(at(n, 'number'));
    const kind = str(at(n, 'kind'));
    if (!number || isOpenText(number) || !kind || !(NUMBER_KINDS as readonly string[]).includes(kind)) return;
    if (isPhoneOfKind(number, kind as NumberKind)) return;
    const looks = guessKind(number);
    report(
      ['services', 'numbers', i, 'number'],
      problem(
        'number-kind-mismatch',
        text(`${number} is not a valid number of kind ${kind} (like ${PHONE_EXAMPLES[kind as NumberKind]})`, `${number} 不是有效的 ${kind} 类号码（例如 ${PHONE_EXAMPLES[kind as NumberKind]}）`),
        looks ? text(`it looks like a ${looks} number: set kind: ${kindText(looks)}`, `它像是 ${looks} 类号码：请写 kind: ${kindText(looks)}`) : undefined,
      ),
    );
  });
  unique(numbers, ['services', 'numbers'], (v) => (typeof v === 'string' ? normalizePhone(v) : undefined), report, 'number');
}

const kindText = (k: NumberKind): string => (/^\d+$/.test(k) ? `"${k}"` : k);

function slaRules(value: unknown, report: Report): void {
  const credits = list(at(value, 'sla', 'credits'));
  const availability = dec(at(value, 'quality', 'availability'));
  const first = dec(at(credits[0], 'below'));
  if (first && availability && first.gt(availability)) {
    report(['sla', 'credits', 0, 'below'], problem('sla-above-availability', text(`must not be above the promised availability quality.availability (${availability.toString()}%)`, `不能高于承诺的服务可用率 quality.availability（${availability.toString()}%）`)));
  }
  for (let i = 1; i < credits.length; i++) {
    const [pb, b] = [dec(at(credits[i - 1], 'below')), dec(at(credits[i], 'below'))];
    if (pb && b && !b.lt(pb)) {
      report(['sla', 'credits', i, 'below'], problem('sla-order', text(`must be lower than the tier before it (${pb.toString()}): thresholds go strictly down`, `必须低于上一档（${pb.toString()}）：阈值须逐档递减`)));
    }
    const [pc, c] = [dec(at(credits[i - 1], 'creditPercent')), dec(at(credits[i], 'creditPercent'))];
    if (pc && c && !c.gt(pc)) {
      report(['sla', 'credits', i, 'creditPercent'], problem('sla-order', text(`must be higher than the tier before it (${pc.toString()}): credits go strictly up`, `必须高于上一档（${pc.toString()}）：赔偿比例须逐档递增`)));
    }
  }
}

function disputeRules(value: unknown, report: Report): void {
  const resolution = at(value, 'disputes', 'resolution');
  const d = at(value, 'disputes');
  if (resolution === 'arbitration') {
    if (at(d, 'arbitration') === undefined) {
      report(['disputes', 'arbitration'], {
        ...MSG.requiredWhen('when resolution is arbitration', '争议解决方式为仲裁'),
        hint: text('name the commission: arbitration: { commission: 北京仲裁委员会 }', '请写明仲裁机构，例如 arbitration: { commission: 北京仲裁委员会 }'),
      });
    }
    if (at(d, 'court') !== undefined) {
      report(['disputes', 'court'], problem('court-with-arbitration', text('cannot be given when resolution is arbitration', '争议解决方式为仲裁时不能同时约定法院'), text('an agreement to arbitrate excludes the courts: remove court, or use resolution: litigation', '约定仲裁即排除法院管辖：删除 court，或改为 resolution: litigation')));
    }
  } else if (resolution === 'litigation' && at(d, 'arbitration') !== undefined) {
    report(['disputes', 'arbitration'], problem('arbitration-with-litigation', text('cannot be given when resolution is litigation', '争议解决方式为诉讼时不能约定仲裁'), text('set resolution: arbitration, or remove this block', '改为 resolution: arbitration，或删除此项')));
  }
}

export interface Warning {
  readonly path: Path;
  readonly problem: Problem;
}

/** Drafting advice from the seed's 注意事项: worth a look, never blocking. */
export function collectWarnings(p: ContractParams): Warning[] {
  const out: Warning[] = [];
  const warn = (path: Path, code: string, en: string, zh: string, hint?: [string, string]) =>
    out.push({ path, problem: problem(code, text(en, zh), hint ? text(...hint) : undefined) });

  const license = p.parties.provider.telecomLicense;
  if (license === undefined) {
    warn(['parties', 'provider'], 'telecom-license-missing', 'no telecomLicense: the provider needs a 增值电信业务经营许可证 to offer this service, and the contract should name it', '未填写 telecomLicense：乙方提供此项服务须持有增值电信业务经营许可证，合同中应写明编号');
  } else if (!/^[\u4e00-\u9fff]?[AB][12](?:\.[AB][12])*-\d{8}$/.test(license)) {
    warn(['parties', 'provider', 'telecomLicense'], 'telecom-license-format', `${license} does not look like a licence number (like B2-20190001)`, `${license} 不像增值电信业务经营许可证编号（例如 B2-20190001）`);
  }
  if (new Dec(p.quality.connectionRate).lt(98)) {
    warn(['quality', 'connectionRate'], 'connection-rate-low', 'is below 98%, the connection rate the model contract promises', '低于范本约定的 98% 通话接通率');
  }
  if (p.fees.latePaymentPerDay === undefined) {
    warn(['fees'], 'no-late-payment', 'no latePaymentPerDay: late payment then only bears interest at the LPR, with no agreed penalty', '未填写 latePaymentPerDay：逾期付款仅按 LPR 计付利息，没有约定的违约金');
  }
  if (p.sla.credits.length === 0) {
    warn(['sla', 'credits'], 'no-sla-credits', 'is empty: an outage gives the client no compensation', '为空：服务中断时甲方得不到任何赔偿');
  }
  for (const party of ['client', 'provider'] as const) {
    if (p.notices[party].email === undefined) {
      warn(['notices', party], 'no-notice-email', 'has no email: notices can only be delivered by post', '没有电子邮箱：通知只能邮寄送达');
    }
  }
  if (p.disputes.resolution === 'arbitration' && !/仲裁委员会|仲裁院|仲裁中心/.test(p.disputes.arbitration.commission)) {
    warn(['disputes', 'arbitration', 'commission'], 'arbitration-commission-vague', 'does not name an arbitration commission (…仲裁委员会): an arbitration clause without a definite commission can be void', '未写明具体的仲裁委员会：仲裁机构约定不明的仲裁条款可能无效');
  }
  if (p.disputes.resolution === 'litigation' && !p.disputes.court.endsWith('法院')) {
    warn(['disputes', 'court'], 'court-vague', 'does not name a court (…人民法院)', '未写明具体法院（…人民法院）');
  }
  if (p.changes.length > 0 && !p.annexes.includes('changeAgreement')) {
    warn(['changes'], 'changes-without-annex', 'changes are listed but the changeAgreement annex is not attached', '列出了合同变更，但未附附件 changeAgreement（合同变更协议）');
  }
  if (p.maintenance.length > 0 && !p.annexes.includes('maintenanceLog')) {
    warn(['maintenance'], 'maintenance-without-annex', 'maintenance is listed but the maintenanceLog annex is not attached', '列出了维护记录，但未附附件 maintenanceLog（系统维护和升级通知记录）');
  }
  p.fees.items.forEach((item, i) => {
    if (new Dec(item.unitPrice).isZero() || new Dec(item.quantity).isZero()) {
      warn(['fees', 'items', i], 'zero-fee-line', 'has a zero price or quantity: its line total is 0', '单价或数量为 0：该项金额为 0');
    }
  });
  return out;
}
