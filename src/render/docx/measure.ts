/**
 * Text widths estimated in em, for what the DOCX must decide before Word lays it out: column
 * widths, label indents, whether a name fits beside its label. CJK and full-width characters are
 * exactly 1 em in every CJK font; Latin letters and digits are estimated from typical proportional
 * widths (the DOCX names families, it cannot measure them), slightly generously so a text that
 * is estimated to fit does fit.
 */

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Width of one character in em. */
export function charEm(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (isWide(code)) return 1;
  if (ch === ' ') return 0.3;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[a-z]/.test(ch)) return 0.52;
  if (/[.,:;'|!]/.test(ch)) return 0.3;
  if (code === 0x2022) return 0.45; // •
  return 0.6;
}

/** Width of a line of text in em. */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charEm(ch);
  return w;
}

export interface TextMeasure {
  /** The widest line when nothing wraps. */
  readonly natural: number;
  /** The narrowest the text can be wrapped to: its longest unbreakable run. */
  readonly min: number;
}

/**
 * Natural and narrowest widths in em. Chinese text breaks between any two characters (a
 * closing punctuation mark stays with the character before it); Latin words, numbers and
 * amounts (¥6,000.00, 400-810-8888, 2025-04-10) do not break.
 */
export function measureText(text: string): TextMeasure {
  let natural = 0;
  let min = 0;
  for (const line of text.split('\n')) {
    natural = Math.max(natural, textEm(line));
    let run = 0;
    let previousWide = 0;
    for (const ch of line) {
      const w = charEm(ch);
      if (ch === ' ') {
        run = 0;
        previousWide = 0;
        continue;
      }
      if (w === 1) {
        // A CJK character may start a line, unless it is closing punctuation.
        const closing = /[，。、；：！？）」』》】〕”’]/.test(ch);
        run = closing ? previousWide + w : w;
        previousWide = run;
      } else {
        run = previousWide > 0 ? w : run + w; // a break is allowed between Chinese and Latin
        previousWide = 0;
      }
      min = Math.max(min, run);
    }
  }
  return { natural, min };
}
