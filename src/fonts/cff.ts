/**
 * Just enough of a CFF table to embed a subset in a PDF: whether it is CID-keyed, how many
 * glyphs it has, and which CID each glyph carries (its charset). In a PDF a CIDFontType0 font
 * finds a glyph by CID through that charset, so the content stream must use these CIDs.
 */

const u16 = (b: Uint8Array, p: number): number => (b[p]! << 8) | b[p + 1]!;

function offsetAt(b: Uint8Array, p: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + b[p + i]!;
  return v;
}

/** [start, end) of each item of the INDEX at `pos`, and where the INDEX ends. */
function readIndex(b: Uint8Array, pos: number): { items: [number, number][]; end: number } {
  const count = u16(b, pos);
  if (count === 0) return { items: [], end: pos + 2 };
  const size = b[pos + 2]!;
  if (size < 1 || size > 4) throw new Error('CFF: bad INDEX offset size');
  const base = pos + 3 + (count + 1) * size - 1;
  const items: [number, number][] = [];
  let prev = offsetAt(b, pos + 3, size);
  for (let i = 1; i <= count; i++) {
    const next = offsetAt(b, pos + 3 + i * size, size);
    items.push([base + prev, base + next]);
    prev = next;
  }
  return { items, end: base + prev };
}

/** The operands of each operator of a DICT (12 x is 1200 + x); reals are NaN (not needed here). */
function readDict(b: Uint8Array, start: number, end: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let operands: number[] = [];
  let p = start;
  while (p < end) {
    const b0 = b[p]!;
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + b[p + 1]! : b0;
      p += b0 === 12 ? 2 : 1;
      out.set(op, operands);
      operands = [];
    } else if (b0 === 28) {
      operands.push(((b[p + 1]! << 24) >> 16) | b[p + 2]!);
      p += 3;
    } else if (b0 === 29) {
      operands.push((b[p + 1]! << 24) | (b[p + 2]! << 16) | (b[p + 3]! << 8) | b[p + 4]!);
      p += 5;
    } else if (b0 === 30) {
      p++;
      while (p < end) {
        const nibbles = b[p++]!;
        if ((nibbles & 0x0f) === 0x0f || (nibbles & 0xf0) === 0xf0) break;
      }
      operands.push(Number.NaN);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push(b0 - 139);
      p++;
    } else if (b0 >= 247 && b0 <= 250) {
      operands.push((b0 - 247) * 256 + b[p + 1]! + 108);
      p += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      operands.push(-(b0 - 251) * 256 - b[p + 1]! - 108);
      p += 2;
    } else throw new Error(`CFF: bad DICT byte ${b0}`);
  }
  return out;
}

export interface CffInfo {
  readonly cidKeyed: boolean;
  readonly glyphCount: number;
  /** The CID (CID-keyed fonts) or the glyph index (others) of each glyph. */
  cidOf(gid: number): number;
}

export function cffInfo(b: Uint8Array): CffInfo {
  const names = readIndex(b, b[2]!);
  const tops = readIndex(b, names.end);
  const top = tops.items[0];
  if (top === undefined) throw new Error('CFF: no Top DICT');
  const dict = readDict(b, top[0], top[1]);
  const charStringsAt = dict.get(17)?.[0];
  if (charStringsAt === undefined || Number.isNaN(charStringsAt)) throw new Error('CFF: no CharStrings');
  const glyphCount = u16(b, charStringsAt);
  const cidKeyed = dict.has(1230);
  if (!cidKeyed) return { cidKeyed, glyphCount, cidOf: (gid) => gid };
  const charsetAt = dict.get(15)?.[0] ?? 0;
  // Predefined charsets (0, 1, 2) are for name-keyed fonts only.
  if (charsetAt <= 2) return { cidKeyed, glyphCount, cidOf: (gid) => gid };
  const cids = new Uint16Array(glyphCount);
  const format = b[charsetAt]!;
  let p = charsetAt + 1;
  let gid = 1;
  if (format === 0) {
    for (; gid < glyphCount; gid++, p += 2) cids[gid] = u16(b, p);
  } else if (format === 1 || format === 2) {
    while (gid < glyphCount) {
      const first = u16(b, p);
      const left = format === 1 ? b[p + 2]! : u16(b, p + 2);
      p += format === 1 ? 3 : 4;
      for (let k = 0; k <= left && gid < glyphCount; k++) cids[gid++] = first + k;
    }
  } else throw new Error(`CFF: charset format ${format}`);
  return { cidKeyed, glyphCount, cidOf: (g) => cids[g] ?? 0 };
}
