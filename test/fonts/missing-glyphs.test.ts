/**
 * missingGlyphs (fonts/face.ts) checks every character of a params file against the faces: by
 * code point, from the faces' glyph caches. It must name the same characters, in the same order,
 * as a plain reading of the text one character at a time against the fonts' cmaps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFontSet, facesOf, missingGlyphs, type FontFace } from '../../src/fonts/index.js';

/** The reference: each distinct character of `text`, as its string iterator gives it, that a face lacks. */
function missingByCmap(text: string, faces: readonly FontFace[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch) || ch === '\n' || ch === '\r' || ch === '\t') continue;
    seen.add(ch);
    if (faces.some((f) => f.cmap.glyph(ch.codePointAt(0)!) === 0)) out.push(ch);
  }
  return out;
}

describe('missingGlyphs', () => {
  const faces = facesOf(defaultFontSet());
  // Contract text, what the fonts lack (Extension B, emoji, private use), controls and lone surrogates.
  const piece = fc.oneof(
    fc.constantFrom('北京星河数据科技有限公司', '甲方A&B（盖章）：', '𠮷', '😀', '\uE000', '\n', '\t', '\r', '\uD800', '\uDC00', 'é', '０', '⼀'),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );

  it('names the characters a plain reading against the cmaps names, in order', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(missingGlyphs(text, faces)).toEqual(missingByCmap(text, faces));
      }),
      { numRuns: 300 },
    );
  });
});
