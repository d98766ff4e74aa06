/**
 * Direct reads of the sfnt tables the layout needs (cmap, hmtx): a code point's glyph id and
 * advance without going through fontkit's glyph objects, whose construction loads Unicode
 * property tables (about 100 ms on first use) that CJK layout never needs.
 */

export interface CharMap {
  /** Glyph id of a code point, 0 if the font has none. */
  glyph(codePoint: number): number;
  /** Advance width in font units. */
  advance(gid: number): number;
  readonly unitsPerEm: number;
}

const u16 = (b: Uint8Array, p: number): number => (b[p]! << 8) | b[p + 1]!;
const u32 = (b: Uint8Array, p: number): number => ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;

export function tableOffsets(b: Uint8Array): Map<string, { offset: number; length: number }> {
  const out = new Map<string, { offset: number; length: number }>();
  const n = u16(b, 4);
  for (let i = 0; i < n; i++) {
    const r = 12 + i * 16;
    const tag = String.fromCharCode(b[r]!, b[r + 1]!, b[r + 2]!, b[r + 3]!);
    out.set(tag, { offset: u32(b, r + 8), length: u32(b, r + 12) });
  }
  return out;
}

function format12(b: Uint8Array, p: number): (cp: number) => number {
  const groups = u32(b, p + 12);
  const base = p + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = base + mid * 12;
      if (cp < u32(b, g)) hi = mid - 1;
      else if (cp > u32(b, g + 4)) lo = mid + 1;
      else return u32(b, g + 8) + cp - u32(b, g);
    }
    return 0;
  };
}

function format4(b: Uint8Array, p: number): (cp: number) => number {
  const segX2 = u16(b, p + 6);
  const ends = p + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u16(b, ends + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const s = lo * 2;
    if (cp < u16(b, starts + s) || cp > u16(b, ends + s)) return 0;
    const delta = u16(b, deltas + s);
    const rangeOffset = u16(b, ranges + s);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const gp = ranges + s + rangeOffset + (cp - u16(b, starts + s)) * 2;
    const g = u16(b, gp);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
}

export function charMap(b: Uint8Array): CharMap {
  const tables = tableOffsets(b);
  const cmap = tables.get('cmap');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const head = tables.get('head');
  if (!cmap || !hhea || !hmtx || !head) throw new Error('font lacks cmap, hhea, hmtx or head');
  let lookup: ((cp: number) => number) | undefined;
  let fallback: ((cp: number) => number) | undefined;
  const n = u16(b, cmap.offset + 2);
  for (let i = 0; i < n; i++) {
    const r = cmap.offset + 4 + i * 8;
    const platform = u16(b, r);
    const encoding = u16(b, r + 2);
    const sub = cmap.offset + u32(b, r + 4);
    const format = u16(b, sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) lookup ??= format12(b, sub);
    else if (format === 4) fallback ??= format4(b, sub);
  }
  const glyph = lookup ?? fallback;
  if (glyph === undefined) throw new Error('font has no Unicode cmap');
  const numberOfHMetrics = u16(b, hhea.offset + 34);
  return {
    glyph: (cp) => (cp >= 0 && cp <= 0x10ffff ? glyph(cp) : 0),
    advance: (gid) => u16(b, hmtx.offset + 4 * Math.min(gid, numberOfHMetrics - 1)),
    unitsPerEm: u16(b, head.offset + 18),
  };
}

/** The font-wide metrics a PDF FontDescriptor needs, in font units. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

const i16 = (b: Uint8Array, p: number): number => (u16(b, p) << 16) >> 16;

export function fontMetrics(b: Uint8Array): FontMetrics {
  const tables = tableOffsets(b);
  const at = (tag: string) => {
    const t = tables.get(tag);
    if (t === undefined) throw new Error(`font has no ${tag} table`);
    return t.offset;
  };
  const head = at('head');
  const hhea = at('hhea');
  const post = at('post');
  const os2 = tables.get('OS/2')?.offset;
  const os2Version = os2 === undefined ? 0 : u16(b, os2);
  const ascent = i16(b, hhea + 4);
  return {
    unitsPerEm: u16(b, head + 18),
    bbox: [i16(b, head + 36), i16(b, head + 38), i16(b, head + 40), i16(b, head + 42)],
    italicAngle: i16(b, post + 4) + u16(b, post + 6) / 65536,
    ascent,
    descent: i16(b, hhea + 6),
    capHeight: os2 !== undefined && os2Version >= 2 ? i16(b, os2 + 88) || ascent : ascent,
    xHeight: os2 !== undefined && os2Version >= 2 ? i16(b, os2 + 86) : 0,
  };
}
