import { eastAsianWidth } from 'get-east-asian-width';
import type { Style } from './style.js';

/** Lines longer than this show a window around the column instead of the whole line. */
const MAX_WIDTH = 100;

const widthOf = (ch: string): number => (ch === '\t' ? 1 : eastAsianWidth(ch.codePointAt(0)!));

/** Control characters would move the cursor or ring the bell: print them as one visible mark. */
const printable = (ch: string): string => (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(ch) ? '\ufffd' : ch);

/**
 * The source line with a caret under `column` (1-based, in UTF-16 units as the positions
 * are), the way tsc and rustc show it. Wide (CJK) characters take two cells, so the caret is
 * placed by display width; tabs are copied into the caret line so both expand alike.
 */
export function sourceFrame(line: number, column: number, source: string, style: Style): string[] {
  const chars = [...source.replace(/\r$/, '')].map(printable);
  // Column in UTF-16 units -> index in code points.
  let units = 0;
  let at = 0;
  while (at < chars.length && units < column - 1) units += chars[at++]!.length;
  let from = 0;
  let to = chars.length;
  const total = chars.reduce((w, ch) => w + widthOf(ch), 0);
  if (total > MAX_WIDTH) {
    let width = 0;
    from = at;
    while (from > 0 && width < MAX_WIDTH / 3) width += widthOf(chars[--from]!);
    to = from;
    width = 0;
    while (to < chars.length && width < MAX_WIDTH) width += widthOf(chars[to++]!);
  }
  const shown = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
  const pad = `${from > 0 ? ' ' : ''}${chars
    .slice(from, at)
    .map((ch) => (ch === '\t' ? '\t' : ' '.repeat(widthOf(ch))))
    .join('')}`;
  const number = String(line);
  const gutter = ' '.repeat(number.length);
  return [
    `${style.blue(` ${number} |`)} ${shown}`,
    `${style.blue(` ${gutter} |`)} ${pad}${style.red('^')}`,
  ];
}
