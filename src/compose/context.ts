import type { AnnexId, ContractParams, Decimal, IsoDate } from '../params/types.js';

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
      readonly kindLabel: string;
      readonly region: string;
      readonly channels: number;
    }[];
    readonly totalChannels: number;
    /** 语音通话、视频通话、会议通话（最多50方） as a list, in that order, only those provided. */
    readonly callingFunctions: readonly { readonly label: string; readonly description: string }[];
    /** Each selected value-added service with its Chinese label and a one-sentence description. */
    readonly valueAdded: readonly { readonly key: string; readonly label: string; readonly description: string }[];
    /** 来电显示、呼叫转移、呼叫限制 (labels joined with 、), or '' when none. */
    readonly valueAddedText: string;
    readonly callingText: string;
  };
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
    /** Only categories that have lines, in the order 月租费, 通话费用, 增值服务费用, 一次性费用. */
    readonly categories: readonly { readonly key: string; readonly label: string; readonly subtotal: Decimal }[];
    /** Sum of the rounded subtotals. */
    readonly total: Decimal;
    /** 不含税金额 / 税额 / 价税合计, derived from total, taxRate and pricesIncludeTax. */
    readonly net: Decimal;
    readonly tax: Decimal;
    readonly gross: Decimal;
    /** The estimated monthly bill: every line except 一次性费用; the base of outage credits. */
    readonly monthlyRecurring: Decimal;
    readonly oneTime: Decimal;
  };
  readonly sla: {
    /** Allowed downtime per 30-day month at quality.availability, in minutes ("43.2"). */
    readonly allowedDowntimeMinutes: Decimal;
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
  /** The annexes included, in order. */
  readonly annexes: readonly {
    readonly id: AnnexId;
    /** 附件一 */
    readonly label: string;
    /** 服务费用清单 */
    readonly title: string;
  }[];
}

/** The helpers templates may call; nothing else is registered (knownHelpersOnly). */
export const HELPER_NAMES = [
  'date', // {{date p.contract.signing.date}} -> 2025年3月1日
  'money', // {{money fees.total}} -> ¥12,345.60
  'price', // {{price unitPrice}} -> ¥0.125 (a unit price keeps its third decimal)
  'daxie', // {{daxie fees.total}} -> 人民币壹万贰仟叁佰肆拾伍元陆角整
  'percent', // {{percent p.quality.availability}} -> 99.9%
  'cn', // {{cn p.contract.term.years}} -> 二  (Chinese counting numeral)
  'hasAnnex', // {{#if (hasAnnex "feeSchedule")}}…{{else}}…{{/if}}
  'annexRef', // {{annexRef "feeSchedule"}} -> 附件二《服务费用清单》 (a live reference; error if not included)
  'articleRef', // {{articleRef "fees"}} -> 第五条 (the article's actual number)
  'blank', // {{blank "开户行"}} -> ____ in draft mode
  'eq', // {{#if (eq p.disputes.resolution "arbitration")}}
  'join', // {{join list "、"}} for arrays of strings
] as const;
