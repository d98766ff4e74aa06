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
      /** Defaults to contract.signing.date. */
      effectiveDate: IsoDate;
      /** Absent (or years: 0 in the YAML) means no automatic renewal. */
      autoRenewal?: { years: number; noticeDays: number };
    };
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
    billing: { statementDay: 'monthEnd' | number; paymentDays: number; method: string };
    latePaymentPerDay?: Decimal;
  };
  confidentiality: { years: number };
  disputes:
    | { resolution: 'litigation'; court: string }
    | { resolution: 'arbitration'; arbitration: { commission: string } };
  notices: {
    changeNoticeDays: number;
    /** Defaults to the party's address and contact email. */
    client: NoticeAddress;
    provider: NoticeAddress;
  };
  sla: { credits: { below: Decimal; creditPercent: Decimal }[] };
  maintenance: { noticeDate: IsoDate; window: string; content: string; impact: string }[];
  /** Changes recorded in the 合同变更协议 annex; empty: blank rows to fill in by hand. */
  changes: { clause: string; original: string; amended: string; effectiveDate: IsoDate }[];
  annexes: AnnexId[];
  /** Typesetting of the PDF: fonts as installed family names or font files (relative to the params file). */
  document?: { fonts?: { body?: string; heading?: string } };
}
