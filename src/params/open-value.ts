/**
 * The marker of a value left open in a draft. It is made of private-use characters, which a
 * user can never type (scalars.ts refuses them), so it cannot be forged from a params file.
 * Compose's blank marker (compose/escape.ts MARK.blankOpen/blankClose) is the same pair.
 */
export const OPEN_MARK = { open: '\uE000', close: '\uE001' } as const;

/** The blank marker for a value left open, with a hint (its label) inside. */
export function openText(hint: string): string {
  return `${OPEN_MARK.open}${hint.replace(/[\uE000-\uE003]/g, '')}${OPEN_MARK.close}`;
}

/** Whether a value is exactly one blank marker. */
export function isOpenText(value: unknown): value is string {
  return typeof value === 'string' && /^\uE000[^\uE000-\uE003]*\uE001$/.test(value);
}
