/** Text widths from glyph advances (cmap + hmtx), no shaping. */
import { glyphMetrics, loadFont } from './font.js';
import type { FontStyle } from './style.js';

/** Advance of one code point in 1/1000 em (0 for a character the font lacks: it is skipped). */
export function advance(style: FontStyle, codePoint: number): number {
  return glyphMetrics(loadFont(style), codePoint).advance;
}

/** Width of `text` in points at `size`. */
export function textWidth(style: FontStyle, text: string, size: number): number {
  const font = loadFont(style);
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      cp = text.codePointAt(i)!;
      i++;
    }
    units += glyphMetrics(font, cp).advance;
  }
  return (units * size) / 1000;
}

/** Number of characters that will be drawn (code points with a glyph). */
export function drawnCount(style: FontStyle, text: string): number {
  const font = loadFont(style);
  let n = 0;
  for (const ch of text) if (glyphMetrics(font, ch.codePointAt(0)!).gid !== 0) n++;
  return n;
}
