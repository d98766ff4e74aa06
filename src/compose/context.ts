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
  readonly draft: boolean;
  /** Computed dates. */
  readonly term: {
    /** Last day of the initial term: effectiveDate + years - 1 day. */
    readonly endDate: IsoDate;
  };
  readonly services: {
    readonly numbers: readonly {
      readonly no: number;
      readonly number: string;
      readonly kind: NumberKind;
      readonly kindLabel: string;
      readonly region: string;
      readonly channels: number;
    }[];
    /** The kinds of number in use, in order of first use, each with how it is used. */
    readonly kinds: readonly { readonly kind: NumberKind; readonly label: string; readonly usage: string; readonly count: number }[];
    /** Some number is a 400 number (its inbound calls may be charged to the client). */
    readonly has400: boolean;
    readonly totalChannels: number;
    /** 语音通话、视频通话、会议通话（最多50方） as a list, in that order, only those provided. */
    readonly callingFunctions: readonly { readonly label: string; readonly description: string }[];
    /** Each selected value-added service with its Chinese label and a one-sentence description. */
    readonly valueAdded: readonly { readonly key: string; readonly label: string; readonly description: string }[];
    /** 来电显示、呼叫转移、呼叫限制 (labels joined with 、), or '' when none. */
    readonly valueAddedText: string;
    /** Call recording is among the value-added services. */
    readonly recording: boolean;
    readonly callingText: string;
  };
  /** What a 坐席 is (and how it is billed): fees.units.坐席, else the built-in definition. */
  readonly seatDefinition: string;
  readonly fees: {
    readonly lines: readonly {
      readonly no: number;
      readonly name: string;
      readonly categoryLabel: string;
      readonly unit: string;
      readonly unitPrice: Decimal;
      readonly quantity: Decimal;
      /** unitPrice × quantity, rounded half-up to the fen. */
      readonly subtotal: Decimal;
    }[];
    /** Decimals every unit price prints with (one convention for the column): the most any has, at least 2. */
    readonly priceScale: number;
    /** Only categories that have lines, in the order 月租费, 通话费用, 增值服务费用, 一次性费用. */
    readonly categories: readonly { readonly key: string; readonly label: string; readonly subtotal: Decimal; readonly recurring: boolean }[];
    /** Sum of the rounded subtotals. */
    readonly total: Decimal;
    /** 不含税金额 / 税额 / 价税合计, derived from total, taxRate and pricesIncludeTax. */
    readonly net: Decimal;
    readonly tax: Decimal;
    readonly gross: Decimal;
    /** The estimated monthly bill: every line except 一次性费用; the base of outage credits. */
    readonly monthlyRecurring: Decimal;
    readonly oneTime: Decimal;
    /** The estimated monthly bill (月度服务费用), split for tax. */
    readonly monthly: TaxedAmount;
    readonly oneTimeTaxed: TaxedAmount;
    /** Months of the initial term, and the estimated value of the whole term (monthly × months + one-time). */
    readonly termMonths: number;
    readonly term: TaxedAmount;
    /** Twelve estimated monthly bills. */
    readonly twelveMonths: TaxedAmount;
    /** The billing units the fee items use, with their definitions (those without one are left out). */
    readonly units: readonly { readonly unit: string; readonly definition: string }[];
    /** How call time is rounded (以分钟为计费单元，……), from fees.billing.increment. */
    readonly incrementText: string;
  };
  readonly sla: {
    /** Allowed downtime of a 30-day month at quality.availability, in minutes ("43.2"): an illustration. */
    readonly allowedDowntimeMinutes: Decimal;
    /** The same for months of 28, 30 and 31 days: illustrations of the one measure (actual minutes of the month). */
    readonly allowedDowntime: readonly { readonly days: number; readonly totalMinutes: number; readonly minutes: Decimal }[];
    readonly tiers: readonly {
      readonly no: number;
      /** Lower bound of the band (the next tier's `below`, or '' for the last). */
      readonly from: Decimal | '';
      readonly below: Decimal;
      readonly creditPercent: Decimal;
      /** Downtime per 30-day month at which this tier starts, in minutes. */
      readonly downtimeMinutes: Decimal;
    }[];
    /** A worked example: a month at `availability`% measured availability. */
    readonly example: {
      readonly availability: Decimal;
      readonly downtimeMinutes: Decimal;
      readonly creditPercent: Decimal;
      readonly base: Decimal;
      readonly credit: Decimal;
      readonly refund: Decimal;
      readonly sum: Decimal;
      readonly paid: Decimal;
      readonly capped: boolean;
    } | null;
  };
  /** p.maintenance with row numbers (序号) from 1. */
  readonly maintenance: readonly (ContractParams['maintenance'][number] & { readonly no: number })[];
  /** p.changes with row numbers (序号) from 1. */
  readonly changes: readonly (ContractParams['changes'][number] & { readonly no: number })[];
  readonly disputes: {
    /** 北京市海淀区人民法院 or 北京仲裁委员会 */
    readonly forum: string;
  };
  /** The limitation of liability, in the form the template prints it. */
  readonly liability: {
    /** Indirect losses are excluded or a cap applies: the limitation clause and its carve-outs print. */
    readonly limited: boolean;
    readonly hasCap: boolean;
    /** The cap as an amount, or ''. */
    readonly capAmount: Decimal | '';
    /** The cap as a multiple of 12 months' fees ("1.5"), or ''. */
    readonly feesMultiple: Decimal | '';
    readonly multipleIsOne: boolean;
  };
  /** Chinese words for params given as keys: 增值税专用发票, 每季度. */
  readonly labels: {
    readonly invoice: string;
    readonly meetings: string;
    /** 每日24小时、每周7日, or 工作日9:00至18:00. */
    readonly supportHours: string;
  };
  /** The annexes included, in order. */
  readonly annexes: readonly IncludedAnnex[];
  /** The same annexes grouped by legal role (see AnnexRole), each group in order. */
  readonly annexesByRole: Readonly<Record<AnnexRole, readonly IncludedAnnex[]>>;
  /** The roles that have annexes, in the order integral, signed, form, reference, each with its annexes. */
  readonly annexGroups: readonly { readonly role: AnnexRole; readonly annexes: readonly IncludedAnnex[] }[];
  /** The order of precedence, highest first, of the parts this contract has. */
  readonly precedence: readonly { readonly no: number; readonly part: PrecedencePart }[];
}

export interface IncludedAnnex {
  readonly id: AnnexId;
  /** 附件一 */
  readonly label: string;
  /** 服务费用清单 */
  readonly title: string;
  readonly role: AnnexRole;
}

/** The helpers templates may call; nothing else is registered (knownHelpersOnly). */
export const HELPER_NAMES = [
  'date', // {{date p.contract.signing.date}} -> 2025年3月1日
  'money', // {{money fees.total}} -> ¥12,345.60
  'price', // {{price unitPrice}} -> ¥0.125 (a unit price keeps its third decimal); {{price unitPrice 3}} -> ¥0.120
  'qty', // {{qty quantity}} -> 50,000 (a quantity or count, grouped)
  'daxie', // {{daxie fees.total}} -> 人民币壹万贰仟叁佰肆拾伍元陆角整
  'percent', // {{percent p.quality.availability}} -> 99.9%
  'cn', // {{cn p.contract.term.years}} -> 二  (Chinese counting numeral)
  'hasAnnex', // {{#if (hasAnnex "feeSchedule")}}…{{else}}…{{/if}}
  'annexRef', // {{annexRef "feeSchedule"}} -> 附件二《服务费用清单》 (a live reference; error if not included)
  'articleRef', // {{articleRef "fees"}} -> 第五条 (the article's actual number)
  'blank', // {{blank "开户行"}} -> ____ in draft mode
  'eq', // {{#if (eq p.disputes.resolution "arbitration")}}
  'gt', // {{#if (gt p.sla.connectionRateCredit 0)}}
  'join', // {{join list "、"}} for arrays of strings
] as const;
