/**
 * Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and
 * joiners, bidirectional marks and overrides such as U+202E, word joiner, BOM, tags) have no
 * place in a contract: they are invisible in editors, some print nothing, and U+202E
 * reverses the text that follows it on screen. All of them are refused alike, in params and in
 * templates, naming the code point.
 */
import { text } from '../diagnostics.js';
import { problem, type Problem } from './messages.js';

const FORMAT = /\p{Cf}/u;

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
};

export const hexOf = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first invisible format character of `s` and its UTF-16 offset, or undefined. */
export function findInvisible(s: string): { readonly codePoint: number; readonly index: number } | undefined {
  const m = FORMAT.exec(s);
  return m ? { codePoint: m[0].codePointAt(0)!, index: m.index } : undefined;
}

export function invisibleProblem(codePoint: number): Problem {
  const name = NAMES[codePoint];
  const shown = name ? `${hexOf(codePoint)} (${name})` : hexOf(codePoint);
  return problem(
    'invisible-char',
    text(`contains the invisible formatting character ${shown}`, `含有不可见的格式字符 ${shown}`),
    text('delete it: it does not show in most editors and must not be in a contract', '请删除该字符：多数编辑器中看不见，合同中不应出现'),
  );
}
