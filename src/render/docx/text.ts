/**
 * Text safety. Characters that XML 1.0 forbids (C0 controls except tab and newline, U+FFFE,
 * U+FFFF, lone surrogates) would make the whole DOCX unreadable: the params stage rejects
 * them, and here they are replaced with U+FFFD so the file can never be corrupt. Nothing
 * else is stripped. Carriage returns become newlines (they are line breaks in our model).
 */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export const REPLACEMENT = '\uFFFD';

/** The string with every XML-forbidden character replaced by U+FFFD, CR/CRLF as LF. */
export function xmlSafe(text: string): string {
  if (!NEEDS_WORK.test(text)) return text; // the common case: one scan, no copy
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN, REPLACEMENT);
}

/** One line of text may hold tabs; lines are separated by explicit breaks. */
export function splitLines(text: string): string[] {
  return xmlSafe(text).split('\n');
}
