/**
 * The validated params, with every default applied. The zod schema in schema.ts must
 * produce exactly this shape (a compile-time check there keeps the two together).
 *
 * Representation rules:
 * - Identifiers (credit codes, accounts, phone numbers, contract numbers) are strings,
 *   exactly as written in the YAML source, never passed through a JS number.
 * - `Decimal` strings are exact decimals as written (`"200.00"`, `"0.12"`, `"99.9"`):
 *   money, unit prices, quantities and percentages. Compute with decimal.js, never floats.
 * - `IsoDate` strings are `YYYY-MM-DD`, already checked to be real calendar dates.
 * - Counts (years, days, channels) are JS integers.
 */
export type Decimal = string;
export type IsoDate = string;

export const NUMBER_KINDS = ['400', '800', '95', 'landline', 'mobile', 'virtual'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];

export const VALUE_ADDED_SERVICES = [
  'callerId',
  'callForwarding',
  'callRestriction',
  'callRecording',
  'ivr',
  'voicemail',
  'callQueue',
  'smsNotification',
] as const;
export type ValueAddedService = (typeof VALUE_ADDED_SERVICES)[number];

export const FEE_CATEGORIES = ['monthly', 'usage', 'valueAdded', 'oneTime'] as const;
export type FeeCategory = (typeof FEE_CATEGORIES)[number];

export const ANNEX_IDS = [
  'serviceSpec',
  'feeSchedule',
  'nda',
  'changeAgreement',
  'outageCompensation',
  'maintenanceLog',
  'userManual',
  'sla',
] as const;
export type AnnexId = (typeof ANNEX_IDS)[number];

export interface Contact {
  name: string;
  phone: string;
  email?: string;
}

export interface BankAccount {
  name: string;
  account: string;
}

export interface Party {
  name: string;
  creditCode: string;
  address: string;
  legalRepresentative: string;
  contact: Contact;
  bank?: BankAccount;
}

export interface ProviderParty extends Party {
  telecomLicense?: string;
}

export const PRECEDENCE_PARTS = ['amendments', 'body', 'sla', 'outageCompensation', 'feeSchedule', 'serviceSpec', 'nda'] as const;
/** A document that can rank in the order of precedence: signed amendments, the body, an executed annex. */
export type PrecedencePart = (typeof PRECEDENCE_PARTS)[number];

/** Billing units the contract defines by itself (templates' labels hold the definitions). */
export const BUILT_IN_UNITS = ['分钟', '秒', '坐席', '个', '路', '方', '次', '条', '月', 'GB'] as const;
export type BuiltInUnit = (typeof BUILT_IN_UNITS)[number];

/** The words of a unit as written in a fee item: `坐席/月` -> 坐席, 月. */
export function unitWords(unit: string): string[] {
  return unit.split(/[/／·每]/).map((word) => word.trim()).filter((word) => word !== '');
}

export const BILLING_INCREMENTS = ['minute', '6s', 'second'] as const;
export type BillingIncrement = (typeof BILLING_INCREMENTS)[number];

export const INVOICE_TYPES = ['special', 'ordinary'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

export const SUPPORT_HOURS = ['7x24', 'workdays'] as const;
export type SupportHours = (typeof SUPPORT_HOURS)[number];

export const MEETING_FREQUENCIES = ['monthly', 'quarterly', 'halfYearly'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];

/** An optional cap on each party's liability: a fixed amount, or a multiple of 12 months' fees. */
export type LiabilityCap = { readonly amount: Decimal } | { readonly feesMultiple: Decimal };

export interface NoticeAddress {
  address: string;
  email?: string;
}

export interface ContractParams {
  language: 'zh-CN';
  contract: {
    number: string;
    title: string;
    signing: { date: IsoDate; place: string };
    term: {
      years: number;
      /**
       * The first day of the term (the key keeps its historical name). Defaults to
       * contract.signing.date. The contract takes effect when both parties have signed; if
       * that is later, the term starts then and still ends on the printed end date.
       */
      effectiveDate: IsoDate;
      /** Absent (or years: 0 in the YAML) means no automatic renewal. */
      autoRenewal?: { years: number; noticeDays: number };
    };
    /** Order of precedence, highest first; parts not listed follow in the default order. */
    precedence: PrecedencePart[];
  };
  parties: { client: Party; provider: ProviderParty };
  services: {
    numbers: { number: string; kind: NumberKind; region: string; channels: number }[];
    calling: {
      voice: boolean;
      video: boolean;
      /** false when not provided. */
      conference: false | { maxParticipants: number };
    };
    valueAdded: ValueAddedService[];
  };
  quality: {
    connectionRate: Decimal;
    availability: Decimal;
    faultResponseMinutes: number;
    faultResolutionHours: number;
    maintenanceNoticeHours: number;
  };
  fees: {
    currency: 'CNY';
    taxRate: Decimal;
    pricesIncludeTax: boolean;
    items: { name: string; category: FeeCategory; unit: string; unitPrice: Decimal; quantity: Decimal }[];
    billing: {
      statementDay: 'monthEnd' | number;
      paymentDays: number;
      method: string;
      /** How call time is rounded up for usage billed per minute. */
      increment: BillingIncrement;
      /** Whether the client pays the called party's share of inbound calls to its 400 numbers. */
      inbound400Charged: boolean;
    };
    invoice: InvoiceType;
    latePaymentPerDay?: Decimal;
    /** When an unpaid bill lets the provider suspend the service, and how fast it restores it. */
    suspension: { overdueDays: number; cureWorkingDays: number; restoreWorkingDays: number };
    /** Definitions of billing units (坐席 …) beyond or instead of the built-in ones. */
    units: Record<string, string>;
  };
  support: {
    hours: SupportHours;
    /** `HH:MM-HH:MM`, used when hours is `workdays`. */
    workdayHours: string;
    /** Defaults to the provider's contact phone. */
    hotline: string;
    email?: string;
    portal?: string;
  };
  liability: {
    excludeIndirectLosses: boolean;
    cap?: LiabilityCap;
  };
  dataProtection: {
    /** Days a call recording is kept after the call. */
    recordingRetentionDays: number;
    /** Days after the end of the contract to hand over or delete the client's data. */
    returnDays: number;
    /** Hours within which the provider reports a personal-information incident. */
    breachNoticeHours: number;
  };
  cooperation: {
    meetings: MeetingFrequency;
    /** Days after the effective date by which the parties agree the written usage rules. */
    usageRulesDays: number;
  };
  forceMajeure: { noticeDays: number; evidenceDays: number; terminationDays: number };
  termination: {
    /** Consecutive months of missed service levels that allow termination. */
    slaBreachMonths: number;
    /** Days to cure a breach after a written demand. */
    cureDays: number;
    /** Working days to issue the final bill; defaults to fees.billing.paymentDays. */
    finalBillWorkingDays: number;
    /** Days to renegotiate after a change in law. */
    lawChangeDays: number;
  };
  confidentiality: { years: number; returnWorkingDays: number };
  disputes: (
    | { resolution: 'litigation'; court: string }
    | { resolution: 'arbitration'; arbitration: { commission: string } }
  ) & { negotiationDays: number };
  notices: {
    changeNoticeDays: number;
    /** Defaults to the party's address and contact email. */
    client: NoticeAddress;
    provider: NoticeAddress;
  };
  sla: {
    credits: { below: Decimal; creditPercent: Decimal }[];
    /** Fees for provider-caused downtime are refunded pro rata, whatever the month's availability. */
    outageRefund: boolean;
    /** Credit, % of the month's fees, for a month below the promised connection rate; 0: none. */
    connectionRateCredit: Decimal;
    /** All credits and refunds of a month together are capped at this % of its fees. */
    monthlyCap: Decimal;
  };
  maintenance: { noticeDate: IsoDate; window: string; content: string; impact: string }[];
  /** Changes recorded in the 合同变更协议 annex; empty: blank rows to fill in by hand. */
  changes: { clause: string; original: string; amended: string; effectiveDate?: IsoDate }[];
  annexes: AnnexId[];
  /** Typesetting of the PDF: fonts as installed family names or font files (relative to the params file). */
  document?: { fonts?: { body?: string; heading?: string } };
}
