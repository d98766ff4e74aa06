/**
 * Mainland China phone number formats, as written in contracts. Separators are fixed
 * (a hyphen after the area code) so that a number prints the same way it was agreed.
 */
import type { NumberKind } from './types.js';

const EXTENSION = '(?:(?:-|转|#)\\d{1,6})?';
/** 0AA-XXXXXXXX (010, 02X) or 0AAA-XXXXXXX(X), optional extension. */
const LANDLINE = new RegExp(`^0(?:(?:10|2\\d)-\\d{8}|[3-9]\\d{2}-\\d{7,8})${EXTENSION}$`);
/** 1[3-9] plus 9 digits, optionally +86 first. */
const MOBILE = /^(?:\+86[- ]?)?1[3-9]\d{9}$/;
const NUMBER_400 = /^400(?:-\d{3}-\d{4}|\d{7})$/;
const NUMBER_800 = /^800(?:-\d{3}-\d{4}|\d{7})$/;
/** 95 service numbers: 95xxx up to 95xxxxxx. */
const NUMBER_95 = /^95\d{3,6}$/;

const BY_KIND: Readonly<Record<NumberKind, readonly RegExp[]>> = {
  '400': [NUMBER_400],
  '800': [NUMBER_800],
  '95': [NUMBER_95],
  landline: [LANDLINE],
  mobile: [MOBILE],
  // 虚拟号码 (privacy numbers) are allocated from mobile and landline ranges.
  virtual: [MOBILE, LANDLINE],
};

export const PHONE_EXAMPLES: Readonly<Record<NumberKind, string>> = {
  '400': '400-810-8888',
  '800': '800-810-8888',
  '95': '95588',
  landline: '010-62345678 / 0755-8601338',
  mobile: '13800138000',
  virtual: '17012345678',
};

export function isPhoneOfKind(value: string, kind: NumberKind): boolean {
  return BY_KIND[kind].some((re) => re.test(value));
}

/** Any format we accept for a contact's phone. */
export function isPhone(value: string): boolean {
  return [LANDLINE, MOBILE, NUMBER_400, NUMBER_800, NUMBER_95].some((re) => re.test(value));
}

/** The kind a number looks like, to say "this looks like a mobile number" in errors. */
export function guessKind(value: string): NumberKind | undefined {
  for (const kind of ['400', '800', '95', 'landline', 'mobile'] as const) if (isPhoneOfKind(value, kind)) return kind;
  return undefined;
}

/** Same number whatever separators were used, for the uniqueness rule. */
export function normalizePhone(value: string): string {
  return value.replace(/[-\s]/g, '').replace(/^\+86/, '');
}
