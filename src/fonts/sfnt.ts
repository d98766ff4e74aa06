/**
 * Direct reads of the sfnt tables (OpenType, TrueType and their collections): a code point's
 * glyph id and advance, the names and weight of a face, the metrics a PDF font descriptor
 * needs, and the composite glyphs a TrueType glyph is built from. No shaping: CJK layout
 * needs none, and fontkit's glyph objects load Unicode property tables (about 100 ms on
 * first use) for nothing.
 *
 * Everything here works on single tables (offsets relative to the table's start), so that a
 * caller can read from a font file only the tables it needs: the bundled font is 8 MB, almost
 * all of it outlines, while a glyph coverage check needs only the 33 KB cmap.
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

/** Number of tables, from the first SFNT_HEADER_SIZE bytes of a face's header. */
export function tableCount(header: Uint8Array): number {
  if (header.length < SFNT_HEADER_SIZE) throw new Error('font file too short');
  return u16(header, 4);
}

/** What the first four bytes of a font file say it is. */
export type SfntKind = 'truetype' | 'cff' | 'collection' | 'unknown';

export function sfntKind(start: Uint8Array): SfntKind {
  if (start.length < 4) return 'unknown';
  const tag = String.fromCharCode(start[0]!, start[1]!, start[2]!, start[3]!);
  if (tag === 'ttcf') return 'collection';
  if (tag === 'OTTO') return 'cff';
  if (tag === '\0\x01\0\0' || tag === 'true') return 'truetype';
  return 'unknown';
}

/**
 * Where each face of a TrueType/OpenType collection (.ttc, .otc) starts, from the start of the
 * file (12 bytes plus 4 per face are enough).
 */
export function collectionOffsets(b: Uint8Array): number[] {
  if (sfntKind(b) !== 'collection') throw new Error('not a font collection');
  if (b.length < 12) throw new Error('font collection header truncated');
  const n = u32(b, 8);
  if (n === 0 || n > 10_000) throw new Error('font collection has an impossible face count');
  if (b.length < 12 + 4 * n) throw new Error('font collection header truncated');
  return Array.from({ length: n }, (_, i) => u32(b, 12 + 4 * i));
}

/**
 * The table directory of the face whose header starts at `at`, read from `b` (the whole file,
 * or a buffer holding at least the header and all table records at that position).
 */
export function tableOffsets(b: Uint8Array, at = 0): Map<string, TableRecord> {
  const out = new Map<string, TableRecord>();
  if (b.length < at + SFNT_HEADER_SIZE) throw new Error('font file too short');
  const n = u16(b, at + 4);
  if (b.length < at + SFNT_HEADER_SIZE + n * TABLE_RECORD_SIZE) throw new Error('font table directory truncated');
  for (let i = 0; i < n; i++) {
    const r = at + SFNT_HEADER_SIZE + i * TABLE_RECORD_SIZE;
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

/** The names and style of a face, from its name, OS/2 and head tables. */
export interface FaceNames {
  /** The family (typographic family if the font has one), in English where given. */
  readonly family: string;
  /** Every family name the face carries, in every language (宋体 and SimSun). */
  readonly families: readonly string[];
  /** Style within the family: Regular, Bold, Light, … */
  readonly style: string;
  readonly postscriptName: string;
  /** 100 … 900 (OS/2 usWeightClass), 400 if unknown. */
  readonly weight: number;
}

const MAC_ROMAN_SAFE = /^[\x20-\x7e]*$/;

function decodeName(b: Uint8Array, platform: number, encoding: number, start: number, length: number): string | undefined {
  const bytes = b.subarray(start, start + length);
  if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(u16(bytes, i));
    return out;
  }
  if (platform === 1 && encoding === 0) {
    const s = String.fromCharCode(...bytes);
    return MAC_ROMAN_SAFE.test(s) ? s : undefined;
  }
  return undefined;
}

export function faceNames(tables: TableSource): FaceNames {
  const name = required(tables, 'name');
  const count = u16(name, 2);
  const storage = u16(name, 4);
  /** nameID -> [language score, text]; English (US) preferred, then any Unicode record. */
  const best = new Map<number, [number, string]>();
  const families = new Set<string>();
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (r + 12 > name.length) break;
    const platform = u16(name, r);
    const encoding = u16(name, r + 2);
    const language = u16(name, r + 4);
    const id = u16(name, r + 6);
    if (![1, 2, 4, 6, 16, 17].includes(id)) continue;
    const length = u16(name, r + 8);
    const offset = storage + u16(name, r + 10);
    if (offset + length > name.length) continue;
    const value = decodeName(name, platform, encoding, offset, length)?.replace(/\0/g, '').trim();
    if (!value) continue;
    if (id === 1 || id === 16) families.add(value);
    const score = platform === 3 && language === 0x409 ? 3 : platform === 1 && language === 0 ? 2 : 1;
    const prev = best.get(id);
    if (prev === undefined || score > prev[0]) best.set(id, [score, value]);
  }
  const get = (id: number): string | undefined => best.get(id)?.[1];
  const os2 = tables('OS/2');
  const weight = os2 !== undefined && os2.length >= 6 ? u16(os2, 4) : 400;
  const family = get(16) ?? get(1) ?? get(6) ?? 'Unknown';
  return {
    family,
    families: [...families],
    style: get(17) ?? get(2) ?? 'Regular',
    postscriptName: get(6) ?? family.replace(/[^A-Za-z0-9-]/g, ''),
    weight: weight >= 1 && weight <= 1000 ? weight : 400,
  };
}

/** The outline format of a face: what its subset embeds as in a PDF. */
export type OutlineKind = 'cff' | 'cff2' | 'glyf';

export function outlineKind(has: (tag: string) => boolean): OutlineKind | undefined {
  if (has('CFF ')) return 'cff';
  if (has('CFF2')) return 'cff2';
  if (has('glyf') && has('loca')) return 'glyf';
  return undefined;
}

/**
 * `glyphs` and every glyph their composite TrueType glyphs are built from, sorted: the glyph
 * ids a subset holds, in the order it numbers them.
 */
export function glyfClosure(tables: TableSource, glyphs: Iterable<number>): number[] {
  const head = required(tables, 'head');
  const loca = required(tables, 'loca');
  const glyf = required(tables, 'glyf');
  const long = i16(head, 50) === 1;
  const count = (long ? loca.length / 4 : loca.length / 2) - 1;
  const at = (gid: number): [number, number] =>
    long ? [u32(loca, gid * 4), u32(loca, gid * 4 + 4)] : [u16(loca, gid * 2) * 2, u16(loca, gid * 2 + 2) * 2];
  const seen = new Set<number>([0]);
  const todo = [...glyphs];
  while (todo.length > 0) {
    const gid = todo.pop()!;
    if (gid < 0 || gid >= count || (seen.has(gid) && gid !== 0)) continue;
    seen.add(gid);
    const [start, end] = at(gid);
    if (end - start < 10 || i16(glyf, start) >= 0) continue;
    // A composite glyph: a list of components, each with flags and a glyph index.
    let p = start + 10;
    for (;;) {
      if (p + 4 > end) break;
      const flags = u16(glyf, p);
      const component = u16(glyf, p + 2);
      if (!seen.has(component)) todo.push(component);
      p += 4 + (flags & 0x0001 ? 4 : 2);
      if (flags & 0x0008) p += 2;
      else if (flags & 0x0040) p += 4;
      else if (flags & 0x0080) p += 8;
      if (!(flags & 0x0020)) break;
    }
  }
  return [...seen].sort((a, b) => a - b);
}
