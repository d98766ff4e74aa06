import { OPEN_MARK } from '../params/open-value.js';

/**
 * Escaping of user values for Markdown (not HTML: Handlebars' default would turn `&` into
 * `&amp;`). Every ASCII punctuation character that Markdown can read as structure gets a
 * backslash, which CommonMark turns back into the literal character, so `A&B`, `*`, `#`,
 * `|`, `<b>` and a value starting with `1.` print exactly as written.
 */
const INLINE_SPECIALS = /[\\`*_[\]<>&|~!{}]/g;

/** Characters the pipeline reserves for markers (blanks, article references). */
export const MARK = {
  // The same pair as a value left open in a draft (params/open-value.ts): such a value prints as a blank.
  blankOpen: OPEN_MARK.open,
  blankClose: OPEN_MARK.close,
  refOpen: '\uE002',
  refClose: '\uE003',
} as const;

export function escapeMarkdown(value: string): string {
  let out = value.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  // Structure that only counts at the start of a line: headings, quotes, list markers, setext.
  out = out.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** Reverse of escapeMarkdown, for values inside fenced directives (read literally). */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Escapes every string of a plain data tree; numbers and booleans pass through. */
export function escapeTree<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeTree(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeTree(v);
    return out as T;
  }
  return value;
}
