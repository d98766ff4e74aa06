import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledFontPath } from '../../src/fonts/bundled.js';
import { faceFromBytes, faceFromFile, glyphMetrics } from '../../src/fonts/face.js';
import { subsetFont, subsetGlyphs } from '../../src/fonts/subset.js';

const TEXT = '云电话服务合同甲方乙方第一条定义本合同所称服务费按月结算0123456789ABCxyz，。；：（）《》“”¥%';

describe('bundled font outlines read page by page', () => {
  for (const style of ['regular', 'bold'] as const) {
    it(`${style}: subsets read from the file equal subsets of the font held whole, reading a small part of it`, () => {
      const path = bundledFontPath(style);
      const file = faceFromFile(path);
      const whole = faceFromBytes(readFileSync(path), 0, path);
      expect(file.key).toBe(whole.key);
      const gids = [...TEXT].map((ch) => glyphMetrics(file, ch.codePointAt(0)!).gid);
      expect(gids).not.toContain(0);
      const glyphs = subsetGlyphs(file, gids);
      expect(Buffer.from(subsetFont(file, glyphs)).equals(Buffer.from(subsetFont(whole, glyphs)))).toBe(true);
      const reader = file.tableReader('CFF ')!;
      // The outlines are 8 MB; these glyphs, the dictionaries, subroutines and the glyph offsets are a few hundred KB.
      expect(reader.bytes.length).toBeGreaterThan(7_000_000);
      expect(reader.bytesRead).toBeGreaterThan(0);
      expect(reader.bytesRead).toBeLessThan(reader.bytes.length / 10);
    });
  }

  it('gives the same subset as the whole font for any glyph set, whatever was read before', () => {
    const path = bundledFontPath('regular');
    const file = faceFromFile(path);
    const whole = faceFromBytes(readFileSync(path), 0, path);
    const count = (whole.table('maxp')![4]! << 8) | whole.table('maxp')![5]!;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: count - 1 }), { minLength: 1, maxLength: 40 }), (gids) => {
        const glyphs = subsetGlyphs(file, gids);
        expect(Buffer.from(subsetFont(file, glyphs)).equals(Buffer.from(subsetFont(whole, glyphs)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
