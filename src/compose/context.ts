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
      /** The kind in Chinese: 400号码, 固定电话号码, … */
      readonly kindLabel: string;
      /** 使用区域 Region of use. */
      readonly region: string;
      /** 并发通道数 Concurrent channels. */
      readonly channels: number;
    }[];
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
    /** The calling functions' labels joined with 、. */
    readonly callingText: string;
  };
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
    /** Only categories that have lines, in the order 月租费, 通话费用, 增值服务费用, 一次性费用. */
    readonly categories: readonly {
      /** monthly, usage, valueAdded or oneTime. */
      readonly key: string;
      /** 月租费 */
      readonly label: string;
      /** Sum of the category's lines. */
      readonly subtotal: Decimal;
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
  };
  readonly sla: {
    /** Allowed downtime per 30-day month at quality.availability, in minutes ("43.2"). */
    readonly allowedDowntimeMinutes: Decimal;
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
  /** The annexes included, in order. */
  readonly annexes: readonly {
    /** The params value: serviceSpec, feeSchedule, … */
    readonly id: AnnexId;
    /** 附件一 */
    readonly label: string;
    /** 服务费用清单 */
    readonly title: string;
  }[];
}

/** A helper as its reference documents it: what it takes, what it does, and an example run on the example params. */
export interface HelperDoc {
  readonly name: string;
  /** What each argument is, in order (the count is checked when the template runs). */
  readonly args: readonly string[];
  readonly en: string;
  readonly zh: string;
  /** A template snippet; the reference shows what it prints for the example params. */
  readonly example: string;
}

/** The helpers templates may call; nothing else is registered (knownHelpersOnly). */
export const HELPERS: readonly HelperDoc[] = [
  { name: 'date', args: ['an ISO date'], en: 'a date the Chinese way', zh: '中文日期', example: '{{date p.contract.signing.date}}' },
  { name: 'money', args: ['an amount'], en: 'an amount in yuan with thousands separators and two decimals', zh: '金额（元，千分位，两位小数）', example: '{{money fees.total}}' },
  { name: 'price', args: ['a unit price'], en: 'a unit price; keeps a third decimal when it has one', zh: '单价（有第三位小数时保留）', example: '{{#each fees.lines}}{{price unitPrice}} {{/each}}' },
  { name: 'daxie', args: ['an amount'], en: 'an amount in 人民币大写, as banks require', zh: '人民币大写金额', example: '{{daxie fees.total}}' },
  { name: 'percent', args: ['a number'], en: 'a percentage as written', zh: '百分比（按原样）', example: '{{percent p.quality.availability}}' },
  { name: 'cn', args: ['a whole number'], en: 'a Chinese counting numeral', zh: '中文数字', example: '{{cn p.contract.term.years}}' },
  { name: 'hasAnnex', args: ['an annex id'], en: 'whether the contract includes that annex (use inside #if)', zh: '合同是否包含该附件（用于 #if）', example: '{{#if (hasAnnex "sla")}}有{{else}}无{{/if}}' },
  { name: 'annexRef', args: ['an annex id'], en: 'a live reference to an included annex, numbered by position; an error if the annex is left out', zh: '对所含附件的引用（按位置编号）；附件未包含时报错', example: '{{annexRef "feeSchedule"}}' },
  { name: 'articleRef', args: ['an article id'], en: "a live reference to an article (its id is the file name without the number: fees for 05-fees), numbered by position", zh: '对条款的引用（标识为去掉序号的文件名，如 05-fees 的 fees），按位置编号', example: '{{articleRef "fees"}}' },
  { name: 'blank', args: ['a hint'], en: 'a ____ blank with a hint in --draft, nothing otherwise', zh: '草稿模式下印出带提示的 ____ 空白，否则为空', example: '{{blank "开户行"}}' },
  { name: 'eq', args: ['a value', 'a value'], en: 'whether two values are equal (use inside #if)', zh: '两个值是否相等（用于 #if）', example: '{{#if (eq p.disputes.resolution "litigation")}}诉讼{{else}}仲裁{{/if}}' },
  { name: 'join', args: ['a list of text', 'a separator'], en: 'the items of a list joined by the separator', zh: '用分隔符连接列表中的各项', example: '{{join p.annexes "、"}}' },
];

export const HELPER_NAMES = HELPERS.map((h) => h.name);
