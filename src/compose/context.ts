import type { AnnexRole } from '../model/types.js';
import type { AnnexId, ContractParams, Decimal, IsoDate, NumberKind, PrecedencePart } from '../params/types.js';
import type { TaxedAmount } from './fees.js';

/**
 * What every template sees. Every string in it has been escaped for Markdown already, so a
 * template prints values with plain `{{…}}` and user text (`A&B`, `*`, `#`, `|`) stays
 * literal. Numbers that need formatting go through helpers (`money`, `daxie`, `date`,
 * `percent`), which take the raw Decimal / IsoDate strings found here.
 */
export interface TemplateContext {
  /** The validated params, defaults applied (see params/types.ts). */
  readonly p: ContractParams;
  /** true under `gen --draft`: unfilled optional blanks print as ____. */
  readonly draft: boolean;
  /** Computed dates. */
  readonly term: {
    /** Last day of the initial term: effectiveDate + years - 1 day. */
    readonly endDate: IsoDate;
  };
  readonly services: {
    /** p.services.numbers, with row numbers and the kind in Chinese. */
    readonly numbers: readonly {
      /** Row number (序号) from 1. */
      readonly no: number;
      /** The number as written. */
      readonly number: string;
      /** The params value: 400, 800, 95, landline, mobile or virtual. */
      readonly kind: NumberKind;
      /** The kind in Chinese: 400号码, 固定电话号码, … */
      readonly kindLabel: string;
      /** 使用区域 Region of use. */
      readonly region: string;
      /** 并发通道数 Concurrent channels. */
      readonly channels: number;
    }[];
    /** The kinds of number in use, in order of first use, each with how it is used. */
    readonly kinds: readonly {
      /** The params value of the kind. */
      readonly kind: NumberKind;
      /** The kind in Chinese. */
      readonly label: string;
      /** How numbers of this kind are used (呼入、呼出…), one sentence. */
      readonly usage: string;
      /** How many numbers of this kind. */
      readonly count: number;
    }[];
    /** Some number is a 400 number (its inbound calls may be charged to the client). */
    readonly has400: boolean;
    /** Sum of the channels of every number. */
    readonly totalChannels: number;
    /** 语音通话、视频通话、会议通话（最多50方） as a list, in that order, only those provided. */
    readonly callingFunctions: readonly {
      /** 语音通话 */
      readonly label: string;
      /** One sentence on what the function does. */
      readonly description: string;
    }[];
    /** Each selected value-added service with its Chinese label and a one-sentence description. */
    readonly valueAdded: readonly {
      /** The params value: callerId, ivr, … */
      readonly key: string;
      /** 来电显示 */
      readonly label: string;
      /** One sentence on what the service does. */
      readonly description: string;
    }[];
    /** 来电显示、呼叫转移、呼叫限制 (labels joined with 、), or '' when none. */
    readonly valueAddedText: string;
    /** Call recording is among the value-added services. */
    readonly recording: boolean;
    /** The calling functions' labels joined with 、. */
    readonly callingText: string;
  };
  /** What a 坐席 is (and how it is billed): fees.units.坐席, else the built-in definition. */
  readonly seatDefinition: string;
  readonly fees: {
    /** p.fees.items with row numbers, category labels and subtotals. */
    readonly lines: readonly {
      /** Row number (序号) from 1. */
      readonly no: number;
      /** 项目名称 */
      readonly name: string;
      /** The params value: monthly, usage, valueAdded or oneTime. */
      readonly category: string;
      /** 月租费, 通话费用, 增值服务费用 or 一次性费用. */
      readonly categoryLabel: string;
      /** 计费单位 */
      readonly unit: string;
      /** 单价, as written (print with price). */
      readonly unitPrice: Decimal;
      /** 数量, as written. */
      readonly quantity: Decimal;
      /** unitPrice × quantity, rounded half-up to the fen. */
      readonly subtotal: Decimal;
    }[];
    /** Decimals every unit price prints with (one convention for the column): the most any has, at least 2. */
    readonly priceScale: number;
    /** Only categories that have lines, in the order 月租费, 通话费用, 增值服务费用, 一次性费用. */
    readonly categories: readonly {
      /** monthly, usage, valueAdded or oneTime. */
      readonly key: string;
      /** 月租费 */
      readonly label: string;
      /** Sum of the category's lines. */
      readonly subtotal: Decimal;
      /** The category is billed every month (all but 一次性费用). */
      readonly recurring: boolean;
    }[];
    /** Sum of the rounded subtotals. */
    readonly total: Decimal;
    /** 不含税金额 / 税额 / 价税合计, derived from total, taxRate and pricesIncludeTax. */
    readonly net: Decimal;
    /** 税额 */
    readonly tax: Decimal;
    /** 价税合计 */
    readonly gross: Decimal;
    /** The estimated monthly bill: every line except 一次性费用; the base of outage credits. */
    readonly monthlyRecurring: Decimal;
    /** Sum of the 一次性费用 lines. */
    readonly oneTime: Decimal;
    /** The estimated monthly bill (月度服务费用), split for tax. */
    readonly monthly: TaxedAmount;
    /** The one-time fees, split for tax. */
    readonly oneTimeTaxed: TaxedAmount;
    /** Months of the initial term. */
    readonly termMonths: number;
    /** The estimated value of the whole initial term (monthly × months + one-time), split for tax. */
    readonly term: TaxedAmount;
    /** Twelve estimated monthly bills. */
    readonly twelveMonths: TaxedAmount;
    /** The billing units the fee items use, with their definitions (those without one are left out). */
    readonly units: readonly {
      /** 计费单位 as the fee items write it: 分钟, 坐席/月 … */
      readonly unit: string;
      /** What it means (定义), from fees.units or the built-in definitions. */
      readonly definition: string;
    }[];
    /** How call time is rounded (以分钟为计费单元，……), from fees.billing.increment. */
    readonly incrementText: string;
  };
  readonly sla: {
    /** Allowed downtime of a 30-day month at quality.availability, in minutes ("43.2"): an illustration. */
    readonly allowedDowntimeMinutes: Decimal;
    /** The same for months of 28, 30 and 31 days: illustrations of the one measure (actual minutes of the month). */
    readonly allowedDowntime: readonly {
      /** Days of the month. */
      readonly days: number;
      /** Minutes of the month. */
      readonly totalMinutes: number;
      /** Downtime allowed in it at quality.availability. */
      readonly minutes: Decimal;
    }[];
    /** p.sla.credits as bands of availability, with row numbers and downtimes. */
    readonly tiers: readonly {
      /** Row number (序号) from 1. */
      readonly no: number;
      /** Lower bound of the band (the next tier's `below`, or '' for the last). */
      readonly from: Decimal | '';
      /** Upper bound of the band: availability below this percentage. */
      readonly below: Decimal;
      /** Share of the month's fees credited, in percent. */
      readonly creditPercent: Decimal;
      /** Downtime per 30-day month at which this tier starts, in minutes. */
      readonly downtimeMinutes: Decimal;
    }[];
    /** A worked example: a month at `availability`% measured availability. */
    readonly example: {
      /** Measured availability of the example month, in percent. */
      readonly availability: Decimal;
      /** Its downtime in minutes. */
      readonly downtimeMinutes: Decimal;
      /** The credit that applies, in percent. */
      readonly creditPercent: Decimal;
      /** The monthly fees the credit is taken from (fees.monthlyRecurring). */
      readonly base: Decimal;
      /** The credit in yuan. */
      readonly credit: Decimal;
      /** The pro-rata refund for the downtime, in yuan. */
      readonly refund: Decimal;
      /** Credit plus refund, before the monthly cap. */
      readonly sum: Decimal;
      /** What is credited after the monthly cap. */
      readonly paid: Decimal;
      /** The monthly cap cut the sum. */
      readonly capped: boolean;
    } | null;
  };
  /** p.maintenance with row numbers (序号) from 1. */
  readonly maintenance: readonly (ContractParams['maintenance'][number] & {
    /** Row number (序号) from 1. */
    readonly no: number;
  })[];
  /** p.changes with row numbers (序号) from 1. */
  readonly changes: readonly (ContractParams['changes'][number] & {
    /** Row number (序号) from 1. */
    readonly no: number;
  })[];
  readonly disputes: {
    /** The court or the arbitration commission that decides disputes: 北京市海淀区人民法院 or 北京仲裁委员会. */
    readonly forum: string;
  };
  /** The limitation of liability, in the form the template prints it. */
  readonly liability: {
    /** Indirect losses are excluded or a cap applies: the limitation clause and its carve-outs print. */
    readonly limited: boolean;
    /** A cap on liability is agreed (liability.cap). */
    readonly hasCap: boolean;
    /** The cap as an amount, or ''. */
    readonly capAmount: Decimal | '';
    /** The cap as a multiple of 12 months' fees ("1.5"), or ''. */
    readonly feesMultiple: Decimal | '';
    /** The multiple is exactly 1 (printed as “12个月的服务费用” rather than “…的1倍”). */
    readonly multipleIsOne: boolean;
  };
  /** Chinese words for params given as keys: 增值税专用发票, 每季度. */
  readonly labels: {
    /** 增值税专用发票 or 增值税普通发票. */
    readonly invoice: string;
    /** How often the parties meet: 每月, 每季度 or 每半年. */
    readonly meetings: string;
    /** 每日24小时、每周7日, or 工作日9:00至18:00. */
    readonly supportHours: string;
  };
  /** The annexes included, in order. */
  readonly annexes: readonly IncludedAnnex[];
  /** The same annexes grouped by legal role (see AnnexRole), each group in order. */
  readonly annexesByRole: Readonly<Record<AnnexRole, readonly IncludedAnnex[]>>;
  /** The roles that have annexes, in the order integral, signed, form, reference, each with its annexes. */
  readonly annexGroups: readonly {
    /** integral, signed, form or reference. */
    readonly role: AnnexRole;
    /** The annexes of that role, in order. */
    readonly annexes: readonly IncludedAnnex[];
  }[];
  /** The order of precedence, highest first, of the parts this contract has. */
  readonly precedence: readonly {
    /** Rank from 1 (highest). */
    readonly no: number;
    /** Which part: amendments, body, or an annex id. */
    readonly part: PrecedencePart;
  }[];
}

/** An annex the contract includes. */
export interface IncludedAnnex {
  /** The params value: serviceSpec, feeSchedule, … */
  readonly id: AnnexId;
  /** 附件一 */
  readonly label: string;
  /** 服务费用清单 */
  readonly title: string;
  /** integral, signed, form or reference (see AnnexRole). */
  readonly role: AnnexRole;
}

/** A helper as its reference documents it: what it takes, what it does, and an example run on the example params. */
export interface HelperDoc {
  readonly name: string;
  /** What each argument is, in order (the count is checked when the template runs). */
  readonly args: readonly string[];
  /** Arguments that may follow the required ones. */
  readonly optional?: readonly string[];
  readonly en: string;
  readonly zh: string;
  /** A template snippet; the reference shows what it prints for the example params. */
  readonly example: string;
}

/** The helpers templates may call; nothing else is registered (knownHelpersOnly). */
export const HELPERS: readonly HelperDoc[] = [
  { name: 'date', args: ['an ISO date'], en: 'a date the Chinese way', zh: '中文日期', example: '{{date p.contract.signing.date}}' },
  { name: 'money', args: ['an amount'], en: 'an amount in yuan with thousands separators and two decimals', zh: '金额（元，千分位，两位小数）', example: '{{money fees.total}}' },
  { name: 'price', args: ['a unit price'], optional: ['the number of decimals of its column'], en: 'a unit price; keeps a third decimal when it has one, or prints the decimals of its column', zh: '单价（有第三位小数时保留，或按所在列的小数位数）', example: '{{#each fees.lines}}{{price unitPrice ../fees.priceScale}} {{/each}}' },
  { name: 'qty', args: ['a quantity'], en: 'a quantity or count with thousands separators', zh: '数量（千分位）', example: '{{#each fees.lines}}{{qty quantity}} {{/each}}' },
  { name: 'daxie', args: ['an amount'], en: 'an amount in 人民币大写, as banks require', zh: '人民币大写金额', example: '{{daxie fees.total}}' },
  { name: 'percent', args: ['a number'], en: 'a percentage as written', zh: '百分比（按原样）', example: '{{percent p.quality.availability}}' },
  { name: 'cn', args: ['a whole number'], en: 'a Chinese counting numeral', zh: '中文数字', example: '{{cn p.contract.term.years}}' },
  { name: 'hasAnnex', args: ['an annex id'], en: 'whether the contract includes that annex (use inside #if)', zh: '合同是否包含该附件（用于 #if）', example: '{{#if (hasAnnex "sla")}}有{{else}}无{{/if}}' },
  { name: 'annexRef', args: ['an annex id'], en: 'a live reference to an included annex, numbered by position; an error if the annex is left out', zh: '对所含附件的引用（按位置编号）；附件未包含时报错', example: '{{annexRef "feeSchedule"}}' },
  { name: 'articleRef', args: ['an article id'], en: "a live reference to an article (its id is the file name without the number: fees for 05-fees), numbered by position", zh: '对条款的引用（标识为去掉序号的文件名，如 05-fees 的 fees），按位置编号', example: '{{articleRef "fees"}}' },
  { name: 'blank', args: ['a hint'], en: 'a ____ blank with a hint in --draft, nothing otherwise', zh: '草稿模式下印出带提示的 ____ 空白，否则为空', example: '{{blank "开户行"}}' },
  { name: 'eq', args: ['a value', 'a value'], en: 'whether two values are equal (use inside #if)', zh: '两个值是否相等（用于 #if）', example: '{{#if (eq p.disputes.resolution "litigation")}}诉讼{{else}}仲裁{{/if}}' },
  { name: 'gt', args: ['a number', 'a number'], en: 'whether the first number is greater than the second (use inside #if)', zh: '第一个数是否大于第二个（用于 #if）', example: '{{#if (gt p.sla.connectionRateCredit 0)}}有{{else}}无{{/if}}' },
  { name: 'join', args: ['a list of text', 'a separator'], en: 'the items of a list joined by the separator', zh: '用分隔符连接列表中的各项', example: '{{join p.annexes "、"}}' },
];

export const HELPER_NAMES = HELPERS.map((h) => h.name);
