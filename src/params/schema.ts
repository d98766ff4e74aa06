/**
 * The params schema (zod 4): the shape of params.example.yaml, strict everywhere, with
 * the defaults that depend only on the field itself. Defaults that depend on other fields
 * (effectiveDate, court, notice addresses) and the cross-field rules are applied at the
 * root, in `finish` and rules.ts.
 */
import { z } from 'zod';
import { text } from '../diagnostics.js';
import { bankAccountField, codeField, creditCodeField, emailField, phoneField } from './fields.js';
import { problem } from './messages.js';
import { crossFieldRules } from './rules.js';
import {
  booleanField,
  countField,
  dateField,
  decimalField,
  enumField,
  forbiddenChar,
  leaf,
  moneyField,
  percentField,
  textField,
} from './scalars.js';
import {
  ANNEX_IDS,
  BILLING_INCREMENTS,
  BUILT_IN_UNITS,
  FEE_CATEGORIES,
  INVOICE_TYPES,
  MEETING_FREQUENCIES,
  NUMBER_KINDS,
  PRECEDENCE_PARTS,
  SUPPORT_HOURS,
  VALUE_ADDED_SERVICES,
  type ContractParams,
  type PrecedencePart,
} from './types.js';

export const DEFAULT_TITLE = '云电话服务合同';
export const DEFAULT_SLA_CREDITS = [
  { below: '99.9', creditPercent: '10' },
  { below: '99.0', creditPercent: '25' },
  { below: '95.0', creditPercent: '50' },
] as const;

const contact = z
  .strictObject({
    name: textField('联系人姓名 Contact person'),
    phone: phoneField('联系电话 Phone: landline 010-62345678, mobile 13800138000, 400-810-8888, 95588'),
    email: emailField('电子邮箱 Email').optional(),
  })
  .meta({ description: '联系人 Contact person (also the notice contact unless notices.* is given)' });

const bank = z
  .strictObject({
    name: textField('开户行 Bank branch'),
    account: bankAccountField('账号 Account number: 8-30 digits, quoted so that a leading 0 is kept'),
  })
  .meta({ description: '开户行及账号 Bank account (shown in the signature block)' });

const partyShape = {
  name: textField('名称 Registered name'),
  creditCode: creditCodeField('统一社会信用代码 Unified social credit code: 18 characters, check character verified'),
  address: textField('住所 Registered address'),
  legalRepresentative: textField('法定代表人 Legal representative'),
  contact,
  bank: bank.optional(),
};

const client = z.strictObject(partyShape).meta({ description: '甲方 Client: the enterprise that buys the service' });
const provider = z
  .strictObject({
    ...partyShape,
    telecomLicense: codeField('增值电信业务经营许可证编号 Value-added telecom licence number, e.g. B2-20190001').optional(),
  })
  .meta({ description: '乙方 Provider: the cloud telephony provider' });

const conference = z
  .union([
    z.literal(false),
    z.strictObject({ maxParticipants: countField(3, 1000, '会议最大方数 Maximum participants') }),
  ])
  .default(false)
  .meta({ description: '会议通话 Conference calls: false, or { maxParticipants }' });

const statementDay = leaf<'monthEnd' | number>(
  {
    anyOf: [
      { type: 'string', enum: ['monthEnd'] },
      { type: 'integer', minimum: 1, maximum: 28 },
    ],
    description: '费用清单出具日 Statement day: monthEnd or a day 1..28',
  },
  (v) =>
    v === 'monthEnd' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 28)
      ? (v as 'monthEnd' | number)
      : problem('bad-statement-day', text('must be monthEnd or a day of the month from 1 to 28', '必须是 monthEnd 或 1 到 28 之间的日期')),
).default('monthEnd');

/** A period in days (or hours) with today's wording as its default: `days(1, 90, 15, '…')`. */
const days = (min: number, max: number, fallback: number, description: string) =>
  countField(min, max, `${description}; default ${fallback}`).default(fallback);

const workdayHours = leaf<string>(
  { type: 'string', pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$', description: '工作日服务时间 Service hours on working days, HH:MM-HH:MM; default 09:00-18:00' },
  (v) => {
    const m = typeof v === 'string' ? /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v) : null;
    const minutes = m ? [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])] : [];
    if (m && Number(m[2]) < 60 && Number(m[4]) < 60 && minutes[0]! < minutes[1]! && minutes[1]! <= 24 * 60) return v as string;
    return problem('bad-hours', text('must be a time range within one day, like 09:00-18:00', '必须是一天之内的时间段，例如 09:00-18:00'));
  },
).default('09:00-18:00');

const URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[!-~]*)?$/;
const portalField = leaf<string>({ type: 'string', format: 'uri', description: '工单系统网址 Ticket portal URL, http(s)://…' }, (v) =>
  typeof v === 'string' && URL_PATTERN.test(v) && v.length <= 500
    ? v
    : problem('bad-url', text('must be a web address starting with http:// or https://', '必须是以 http:// 或 https:// 开头的网址'), text('e.g. https://support.example.net', '例如 https://support.example.net')),
);

/** A unit word as a key of fees.units: one word, and never a name that would reach an object's prototype. */
const unitKey = leaf<string>({ type: 'string', minLength: 1, maxLength: 20, description: '计费单位 Billing unit, e.g. 坐席' }, (v) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > 20) return problem('bad-unit-key', text('must be a unit word of at most 20 characters, like 坐席', '必须是不超过 20 个字符的计费单位，例如“坐席”'));
  if (['__proto__', 'constructor', 'prototype'].includes(v)) return problem('forbidden-key', text(`${JSON.stringify(v)} cannot be a key`, `${JSON.stringify(v)} 不能用作键`));
  const bad = forbiddenChar(v);
  if (bad) return bad;
  if (/[/\s]/.test(v)) {
    return problem('bad-unit-key', text('must be one unit word (like 坐席), without "/" or spaces', '必须是单个计费单位（例如“坐席”），不能含“/”或空格'), text('define 坐席 and 月 separately; 坐席/月 combines them', '请分别定义“坐席”和“月”；“坐席/月”由二者组合而成'));
  }
  return v;
});

const liabilityCap = z
  .strictObject({
    amount: moneyField('责任限额（元） Cap as an amount').optional(),
    feesMultiple: decimalField('责任限额倍数 Cap as a multiple of the fees of the 12 months before the event', {
      maxScale: 2,
      min: '0',
      minExclusive: true,
      max: '100',
      range: { en: 'a multiple above 0 and at most 100', zh: '大于 0 且不超过 100 的倍数' },
    }).optional(),
  })
  .meta({ description: '责任限额 Liability cap: amount, or feesMultiple (× the fees of the 12 months before the event); exactly one' });

const rawParams = z.strictObject({
  language: enumField(['zh-CN'] as const, '合同语言 Language (zh-CN only for now)').default('zh-CN'),
  contract: z.strictObject({
    number: codeField('合同编号 Contract number, e.g. YDH-2025-0001'),
    title: textField('合同名称 Title').default(DEFAULT_TITLE),
    signing: z
      .strictObject({
        date: dateField('签订日期 Signing date, YYYY-MM-DD'),
        place: textField('签订地点 Signing place; the default court is the one of this place'),
      })
      .meta({ description: '签订 Signing' }),
    term: z.strictObject({
      years: countField(1, 10, '合同有效期（年） Term in years, 1..10'),
      effectiveDate: dateField('生效日期 Effective date; default: the signing date').optional(),
      autoRenewal: z
        .strictObject({
          years: countField(0, 10, '自动续期（年） Renewal period in years; 0 = no renewal'),
          noticeDays: countField(1, 3650, '不续期须提前通知的天数 Days of notice before expiry to stop renewal').optional(),
        })
        .optional()
        .meta({ description: '自动续期 Automatic renewal; omit (or years: 0) for none' }),
    }).meta({ description: '合同期限 Term' }),
    precedence: z
      .array(enumField(PRECEDENCE_PARTS, '优先顺序 A part: amendments | body | sla | outageCompensation | feeSchedule | serviceSpec | nda'))
      .optional()
      .meta({ description: '解释优先顺序 Order of precedence, highest first; parts not listed follow in the default order (amendments, body, sla, outageCompensation, feeSchedule, serviceSpec, nda)' }),
  }).meta({ description: '合同 The contract: number, title, signing, term, precedence' }),
  parties: z.strictObject({ client, provider }).meta({ description: '合同双方 The parties: 甲方 client, 乙方 provider' }),
  services: z.strictObject({
    numbers: z
      .array(
        z.strictObject({
          number: codeField('号码 Number, e.g. 400-810-8888, 010-58886666'),
          kind: enumField(NUMBER_KINDS, '号码类型 Kind: "400" | "800" | "95" | landline | mobile | virtual', true),
          region: textField('号码归属地 Region'),
          channels: countField(1, 100_000, '并发通道数 Concurrent channels'),
        }),
      )
      .min(1)
      .meta({ description: '云电话号码资源 Numbers: at least one' }),
    calling: z.strictObject({
      voice: booleanField('语音通话 Voice calls'),
      video: booleanField('视频通话 Video calls'),
      conference,
    }).meta({ description: '通话功能 Calling functions: at least one' }),
    valueAdded: z
      .array(enumField(VALUE_ADDED_SERVICES, '增值服务 Value-added service'))
      .default([])
      .meta({ description: '增值服务 Value-added services' }),
  }).meta({ description: '服务内容 Services: numbers, calling functions, value-added services' }),
  quality: z
    .strictObject({
      connectionRate: percentField('通话接通率不低于（%） Minimum call connection rate; default 98').default('98'),
      availability: percentField('月度服务可用率（%） Monthly availability; default 99.9').default('99.9'),
      faultResponseMinutes: countField(1, 1440, '故障响应时间（分钟） Fault response minutes; default 30').default(30),
      faultResolutionHours: countField(1, 720, '故障修复时限（小时） Fault resolution hours; default 4').default(4),
      maintenanceNoticeHours: countField(1, 720, '计划维护提前通知（小时） Maintenance notice hours; default 48').default(48),
    })
    .prefault({})
    .meta({ description: '质量标准 Service levels (all have defaults)' }),
  fees: z.strictObject({
    currency: enumField(['CNY'] as const, '币种 Currency (CNY only)').default('CNY'),
    taxRate: percentField('增值税税率（%） VAT rate; default 6').default('6'),
    pricesIncludeTax: booleanField('价格含税 Prices include tax; default true').default(true),
    items: z
      .array(
        z.strictObject({
          name: textField('费用项目 Item name'),
          category: enumField(FEE_CATEGORIES, '类别 Category: monthly | usage | valueAdded | oneTime'),
          unit: textField('单位 Unit, e.g. 个/月, 分钟'),
          unitPrice: moneyField('单价（元） Unit price, exact decimal, at most 3 decimal places'),
          quantity: decimalField('数量 Quantity', {
            maxScale: 4,
            min: '0',
            range: { en: 'a quantity, 0 or more, at most 4 decimal places', zh: '不小于 0 的数量（最多 4 位小数）' },
          }),
        }),
      )
      .min(1)
      .meta({ description: '费用项目 Fee items: at least one' }),
    billing: z.strictObject({
      statementDay,
      paymentDays: countField(1, 90, '收到费用清单后付款的工作日数 Payment days after the statement, 1..90'),
      method: textField('支付方式 Payment method; default 银行转账').default('银行转账'),
      increment: enumField(BILLING_INCREMENTS, '计费时长单位 Billing increment of call time: minute (default) | 6s | second').default('minute'),
      inbound400Charged: booleanField('400号码呼入是否由甲方付费 The client pays the called share of inbound 400 calls; default true').default(true),
    }).meta({ description: '结算 Billing' }),
    invoice: enumField(INVOICE_TYPES, '发票类型 Invoice: special (增值税专用发票, default) | ordinary (增值税普通发票)').default('special'),
    latePaymentPerDay: decimalField('逾期付款违约金（%/日） Late payment, % of the overdue amount per day', {
      maxScale: 4,
      min: '0',
      minExclusive: true,
      max: '1',
      range: { en: 'a daily percentage above 0 and at most 1', zh: '大于 0 且不超过 1 的日百分比' },
    }).optional(),
    suspension: z
      .strictObject({
        overdueDays: days(1, 365, 30, '逾期多少日后可催告暂停服务 Days overdue before a demand can lead to suspension'),
        cureWorkingDays: days(1, 90, 10, '催告后付款的工作日数 Working days to pay after the demand'),
        restoreWorkingDays: days(1, 30, 1, '付清后恢复服务的工作日数 Working days to restore service once paid'),
      })
      .prefault({})
      .meta({ description: '欠费暂停服务 Suspension for non-payment (all have defaults)' }),
    units: z
      .record(unitKey, textField('计费单位的定义 Definition of the unit'))
      .default({})
      .meta({ description: `计费单位的定义 Definitions of billing units; built in: ${BUILT_IN_UNITS.join(' ')}` }),
  }).meta({ description: '服务费用 Fees: items, tax, billing' }),
  support: z
    .strictObject({
      hours: enumField(SUPPORT_HOURS, '故障受理时间 Support hours: 7x24 (default) | workdays').default('7x24'),
      workdayHours,
      hotline: phoneField('故障报修电话 Fault hotline; default: the provider contact phone').optional(),
      email: emailField('故障报修邮箱 Fault report email').optional(),
      portal: portalField.optional(),
    })
    .prefault({})
    .meta({ description: '技术支持与故障受理 Support hours and fault channels (separate from the notice contact)' }),
  liability: z
    .strictObject({
      excludeIndirectLosses: booleanField('排除间接损失 Exclude indirect losses; default true').default(true),
      cap: liabilityCap.optional(),
    })
    .prefault({})
    .meta({ description: '责任范围与限额 Scope of liability and an optional cap' }),
  dataProtection: z
    .strictObject({
      recordingRetentionDays: days(1, 3650, 180, '通话录音保存天数 Days a call recording is kept'),
      returnDays: days(1, 180, 30, '终止后返还或删除数据的天数 Days after the end to return or delete the client data'),
      breachNoticeHours: days(1, 168, 24, '个人信息安全事件通知时限（小时） Hours to report a personal-information incident'),
    })
    .prefault({})
    .meta({ description: '个人信息与数据 Personal information and data (all have defaults)' }),
  cooperation: z
    .strictObject({
      meetings: enumField(MEETING_FREQUENCIES, '例会频率 Meetings: monthly | quarterly (default) | halfYearly').default('quarterly'),
      usageRulesDays: days(1, 180, 30, '共同制定使用规范的期限（日，生效后） Days after the effective date to agree the usage rules'),
    })
    .prefault({})
    .meta({ description: '合作方式 Cooperation (all have defaults)' }),
  forceMajeure: z
    .strictObject({
      noticeDays: days(1, 30, 3, '不可抗力通知期限（日） Days to notify force majeure'),
      evidenceDays: days(1, 90, 15, '提供证明的期限（日） Days to provide evidence'),
      terminationDays: days(1, 365, 30, '持续多少日可解除 Days of force majeure after which either party may terminate'),
    })
    .prefault({})
    .meta({ description: '不可抗力 Force majeure periods (all have defaults)' }),
  termination: z
    .strictObject({
      slaBreachMonths: days(1, 12, 2, '连续未达标月数 Consecutive months below the service levels that allow termination'),
      cureDays: days(1, 90, 15, '催告后纠正期限（日） Days to cure a breach after a written demand'),
      finalBillWorkingDays: countField(1, 90, '最终账单期限（工作日） Working days to issue the final bill; default fees.billing.paymentDays').optional(),
      lawChangeDays: days(1, 90, 15, '法律政策调整后协商期限（日） Days to renegotiate after a change in law'),
    })
    .prefault({})
    .meta({ description: '解除与终止 Termination periods (all have defaults)' }),
  confidentiality: z.strictObject({
    years: countField(1, 50, '保密期限（年，合同终止后） Confidentiality years after termination, 1..50'),
    returnWorkingDays: days(1, 90, 10, '返还或销毁保密信息的工作日数 Working days to return or destroy confidential information'),
  }).meta({ description: '保密 Confidentiality' }),
  disputes: z
    .strictObject({
      resolution: enumField(['litigation', 'arbitration'] as const, '争议解决方式 litigation (default) | arbitration').default('litigation'),
      court: textField('管辖法院 Court; default: 合同签订地人民法院').optional(),
      arbitration: z
        .strictObject({ commission: textField('仲裁委员会 Arbitration commission, e.g. 北京仲裁委员会') })
        .optional()
        .meta({ description: '仲裁 Arbitration: required when resolution is arbitration' }),
      negotiationDays: days(1, 180, 30, '协商期限（日） Days of negotiation before litigation or arbitration'),
    })
    .prefault({})
    .meta({ description: '争议解决 Disputes: litigation (court) or arbitration (commission)' }),
  notices: z.strictObject({
    changeNoticeDays: countField(1, 60, '变更通知提前工作日数 Working days of notice for a change of address, 1..60'),
    client: z
      .strictObject({ address: textField('送达地址 Notice address').optional(), email: emailField('送达邮箱 Notice email').optional() })
      .optional()
      .meta({ description: '甲方送达地址 Default: the party address and contact email' }),
    provider: z
      .strictObject({ address: textField('送达地址 Notice address').optional(), email: emailField('送达邮箱 Notice email').optional() })
      .optional()
      .meta({ description: '乙方送达地址 Default: the party address and contact email' }),
  }).meta({ description: '通知与送达 Notices' }),
  sla: z
    .strictObject({
      credits: z
        .array(
          z.strictObject({
            below: percentField('可用率低于（%） Availability below', { minExclusive: true }),
            creditPercent: percentField('赔偿当月费用的百分比 Credit, % of the month fees', { minExclusive: true }),
          }),
        )
        .default(DEFAULT_SLA_CREDITS.map((c) => ({ ...c })))
        .meta({ description: '服务中断赔偿 Credits: below strictly decreasing, creditPercent increasing' }),
      outageRefund: booleanField('按不可用时间比例退费 Refund fees pro rata for provider-caused downtime (seed 3.3); default true').default(true),
      connectionRateCredit: percentField('接通率未达标赔偿（%） Credit for a month below the connection rate, % of its fees; 0 = none; default 10').default('10'),
      monthlyCap: percentField('单月赔偿上限（%） Cap of a month\'s credits and refunds, % of its fees; default 100', { minExclusive: true }).default('100'),
    })
    .prefault({})
    .meta({ description: '服务等级协议 SLA credits (附件五, 附件八)' }),
  maintenance: z
    .array(
      z.strictObject({
        noticeDate: dateField('通知日期 Notice date'),
        window: textField('维护时间窗 Window, e.g. 2025-04-10 02:00-04:00'),
        content: textField('维护内容 Content'),
        impact: textField('影响 Impact'),
      }),
    )
    .default([])
    .meta({ description: '系统维护和升级通知记录 Maintenance log (附件六)' }),
  changes: z
    .array(
      z.strictObject({
        clause: textField('变更条款 Clause changed, e.g. 第五条 5.2'),
        original: textField('原约定 Original text'),
        amended: textField('变更后约定 Amended text'),
        effectiveDate: dateField('变更生效日期 Effective date of the change (absent: the day the change agreement takes effect)').optional(),
      }),
    )
    .default([])
    .meta({ description: '合同变更 Changes recorded in 附件四 合同变更协议' }),
  document: z
    .strictObject({
      fonts: z
        .strictObject({
          body: textField('正文字体 Body font: an installed family (Noto Serif CJK SC, SimSun) or a font file (.otf, .ttf, file.ttc#2)').optional(),
          heading: textField('标题字体 Heading font: an installed family or a font file').optional(),
        })
        .optional()
        .meta({ description: '字体 Fonts of the PDF; default: the bundled Noto Sans Hans (Regular body, Bold headings)' }),
    })
    .optional()
    .meta({ description: '排版 Typesetting of the PDF' }),
  annexes: z
    .array(enumField(ANNEX_IDS, '附件 Annex'))
    .default([...ANNEX_IDS])
    .meta({ description: '附件及顺序 Annexes attached, in this order; default: all eight' }),
});

type RawParams = z.output<typeof rawParams>;

/** Applies the defaults that depend on other fields, and gives disputes its final form. */
function finish(raw: RawParams) {
  const { contract, parties, disputes, notices, support, termination, fees } = raw;
  const { autoRenewal, effectiveDate, ...term } = contract.term;
  const { precedence, ...contractRest } = contract;
  const renewal =
    autoRenewal && autoRenewal.years > 0 && autoRenewal.noticeDays !== undefined
      ? { autoRenewal: { years: autoRenewal.years, noticeDays: autoRenewal.noticeDays } }
      : {};
  const notice = (party: 'client' | 'provider') => {
    const given = notices[party];
    const email = given?.email ?? parties[party].contact.email;
    return { address: given?.address ?? parties[party].address, ...(email !== undefined ? { email } : {}) };
  };
  return {
    ...raw,
    contract: {
      ...contractRest,
      term: { ...term, effectiveDate: effectiveDate ?? contract.signing.date, ...renewal },
      precedence: fullPrecedence(precedence ?? []),
    },
    support: { ...support, hotline: support.hotline ?? parties.provider.contact.phone },
    liability: finishLiability(raw.liability),
    termination: { ...termination, finalBillWorkingDays: termination.finalBillWorkingDays ?? fees.billing.paymentDays },
    disputes: { ...finishDisputes(disputes, contract.signing.place), negotiationDays: disputes.negotiationDays },
    notices: { changeNoticeDays: notices.changeNoticeDays, client: notice('client'), provider: notice('provider') },
  };
}

function finishLiability({ cap, ...rest }: RawParams['liability']): ContractParams['liability'] {
  // rules.ts has already required exactly one of amount and feesMultiple.
  if (cap?.amount !== undefined) return { ...rest, cap: { amount: cap.amount } };
  if (cap?.feesMultiple !== undefined) return { ...rest, cap: { feesMultiple: cap.feesMultiple } };
  return rest;
}

/** The parts listed first, in their order, then the others in the default order. */
function fullPrecedence(listed: readonly PrecedencePart[]): PrecedencePart[] {
  return [...listed, ...PRECEDENCE_PARTS.filter((part) => !listed.includes(part))];
}

function finishDisputes(
  d: RawParams['disputes'],
  place: string,
): { resolution: 'litigation'; court: string } | { resolution: 'arbitration'; arbitration: { commission: string } } {
  if (d.resolution === 'arbitration') {
    // rules.ts has already required the commission.
    return { resolution: 'arbitration', arbitration: { commission: d.arbitration?.commission ?? '' } };
  }
  return { resolution: 'litigation', court: d.court ?? `${place}人民法院` };
}

export const paramsSchema = rawParams
  // Runs even when some fields failed, so that all errors of a file come at once;
  // the rules therefore treat every value as possibly invalid.
  .superRefine((value, ctx) => crossFieldRules(value, ctx), { when: () => true })
  .transform(finish)
  .meta({ title: '云电话服务合同参数 Cloud telephony service contract params' });

/** The raw object schema, for tools that walk the shape (did-you-mean). */
export const paramsShape = rawParams;

// Compile-time check: the schema's output and ContractParams are the same type.
type Assignable<A extends B, B> = A;
export type SchemaMatchesTypes = [
  Assignable<z.output<typeof paramsSchema>, ContractParams>,
  Assignable<ContractParams, z.output<typeof paramsSchema>>,
];
