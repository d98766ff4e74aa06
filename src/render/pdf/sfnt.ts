/**
 * Direct reads of the sfnt tables the layout needs (cmap, hmtx): a code point's glyph id and
 * advance without going through fontkit's glyph objects, whose construction loads Unicode
 * property tables (about 100 ms on first use) that CJK layout never needs.
 *
 * Everything here works on single tables (offsets relative to the table's start), so that the
 * caller can read from the font file only the tables it needs (font.ts): the file is 8 MB,
 * almost all of it the CFF table, while a glyph coverage check needs only the 33 KB cmap.
 */

export interface CharMap {
  /** Glyph id of a code point, 0 if the font has none. */
  glyph(codePoint: number): number;
  /** Advance width in font units. */
  advance(gid: number): number;
  readonly unitsPerEm: number;
}

/** Where a table sits in the font file. */
export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/**
 * The bytes of one table, by tag ('cmap', 'head', 'OS/2', …), or undefined if the font has
 * none. May read the table on demand; callers ask for each table when they first need it.
 */
export type TableSource = (tag: string) => Uint8Array | undefined;

const u16 = (b: Uint8Array, p: number): number => (b[p]! << 8) | b[p + 1]!;
const u32 = (b: Uint8Array, p: number): number => ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
const i16 = (b: Uint8Array, p: number): number => (u16(b, p) << 16) >> 16;

/** Size of the sfnt header; `u16(header, 4)` is the number of table records that follow. */
export const SFNT_HEADER_SIZE = 12;
/** Size of one table record in the table directory. */
export const TABLE_RECORD_SIZE = 16;

/** Number of tables, from the first SFNT_HEADER_SIZE bytes of the file. */
export function tableCount(header: Uint8Array): number {
  if (header.length < SFNT_HEADER_SIZE) throw new Error('font file too short');
  return u16(header, 4);
}

/**
 * The table directory, from the start of the file: at least the header and all table
 * records (SFNT_HEADER_SIZE + tableCount * TABLE_RECORD_SIZE bytes); the whole file does too.
 */
export function tableOffsets(b: Uint8Array): Map<string, TableRecord> {
  const out = new Map<string, TableRecord>();
  const n = tableCount(b);
  if (b.length < SFNT_HEADER_SIZE + n * TABLE_RECORD_SIZE) throw new Error('font table directory truncated');
  for (let i = 0; i < n; i++) {
    const r = SFNT_HEADER_SIZE + i * TABLE_RECORD_SIZE;
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

function required(tables: TableSource, tag: string): Uint8Array {
  const t = tables(tag);
  if (t === undefined) throw new Error(`font has no ${tag} table`);
  return t;
}

/**
 * Glyph lookup from the cmap table, advances from hhea and hmtx. The cmap and head tables are
 * asked for at once, hhea and hmtx only on the first `advance` call.
 */
export function charMap(tables: TableSource): CharMap {
  const cmap = required(tables, 'cmap');
  const head = required(tables, 'head');
  let lookup: ((cp: number) => number) | undefined;
  let fallback: ((cp: number) => number) | undefined;
  const n = u16(cmap, 2);
  for (let i = 0; i < n; i++) {
    const r = 4 + i * 8;
    const platform = u16(cmap, r);
    const encoding = u16(cmap, r + 2);
    const sub = u32(cmap, r + 4);
    const format = u16(cmap, sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) lookup ??= format12(cmap, sub);
    else if (format === 4) fallback ??= format4(cmap, sub);
  }
  const glyph = lookup ?? fallback;
  if (glyph === undefined) throw new Error('font has no Unicode cmap');
  let hmtx: Uint8Array | undefined;
  let numberOfHMetrics = 0;
  return {
    glyph: (cp) => (cp >= 0 && cp <= 0x10ffff ? glyph(cp) : 0),
    advance: (gid) => {
      if (hmtx === undefined) {
        numberOfHMetrics = u16(required(tables, 'hhea'), 34);
        hmtx = required(tables, 'hmtx');
      }
      return u16(hmtx, 4 * Math.min(gid, numberOfHMetrics - 1));
    },
    unitsPerEm: u16(head, 18),
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

/** From the head, hhea, post and (if present) OS/2 tables. */
export function fontMetrics(tables: TableSource): FontMetrics {
  const head = required(tables, 'head');
  const hhea = required(tables, 'hhea');
  const post = required(tables, 'post');
  const os2 = tables('OS/2');
  const os2Version = os2 === undefined ? 0 : u16(os2, 0);
  const ascent = i16(hhea, 4);
  return {
    unitsPerEm: u16(head, 18),
    bbox: [i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)],
    italicAngle: i16(post, 4) + u16(post, 6) / 65536,
    ascent,
    descent: i16(hhea, 6),
    capHeight: os2 !== undefined && os2Version >= 2 ? i16(os2, 88) || ascent : ascent,
    xHeight: os2 !== undefined && os2Version >= 2 ? i16(os2, 86) : 0,
  };
}

/**
 * What identifies a font file's version, for cache keys: the head table's checkSumAdjustment
 * (a checksum of the whole file) and modified date, as hex.
 */
export function fontVersionId(head: Uint8Array): string {
  if (head.length < 36) throw new Error('font head table too short');
  const hex = (p: number, n: number): string => Array.from(head.subarray(p, p + n), (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex(8, 4)}${hex(28, 8)}`;
}
