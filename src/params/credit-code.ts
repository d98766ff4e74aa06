/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-character alphabet (digits and
 * upper-case letters without I, O, S, V, Z); the last one is a check character over the
 * first 17. Lower case is rejected, not upper-cased: we never silently change user text.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or undefined if one is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeResult =
  | { ok: true }
  | { ok: false; reason: 'length' | 'lowercase' | 'character' | 'check'; expected?: string; char?: string };

export function checkCreditCode(code: string): CreditCodeResult {
  if (code.length !== 18) return { ok: false, reason: 'length' };
  if (code !== code.toUpperCase() && [...code.toUpperCase()].every((c) => CREDIT_CODE_ALPHABET.includes(c))) {
    return { ok: false, reason: 'lowercase' };
  }
  for (const c of code) if (!CREDIT_CODE_ALPHABET.includes(c)) return { ok: false, reason: 'character', char: c };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  return code[17] === expected ? { ok: true } : { ok: false, reason: 'check', expected };
}
