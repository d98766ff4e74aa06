/**
 * Font subsetting: CID-keyed CFF by our own subsetter (cff-subset.ts), everything else (TrueType,
 * name-keyed CFF) by HarfBuzz's hb-subset (the harfbuzzjs package's WebAssembly build). CFF
 * charstrings are desubroutinized either way: for the few hundred glyphs of a contract that is
 * smaller than keeping the font's subroutines (the example's two subsets: 167 KB compressed,
 * against 257 KB with every subroutine slot kept). The CFF table alone is embedded; a TrueType
 * subset is a whole font.
 *
 * Glyphs keep their order: the subset's glyph i is the i-th smallest glyph id of
 * `subsetGlyphs` (which adds the parts of composite TrueType glyphs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { subsetCidCff } from './cff-subset.js';
import type { FontFace } from './face.js';
import { glyfClosure, tableOffsets, type OutlineKind } from './sfnt.js';

interface HarfBuzz {
  readonly memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_pin_all_axes_to_default(input: number, face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_MODE_WRITABLE = 2;
const FLAG_DESUBROUTINIZE = 0x04;
const FLAG_NO_LAYOUT_CLOSURE = 0x200;
const SETS_LAYOUT_FEATURE_TAG = 6;

const require = createRequire(import.meta.url);

/** The harfbuzzjs version: part of subset cache keys (another HarfBuzz may write other bytes). */
export const SUBSETTER_VERSION: string = (() => {
  try {
    // The package exports no ./package.json: read it beside its dist/ folder.
    const path = join(dirname(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')), '..', 'package.json');
    return String((JSON.parse(readFileSync(path, 'utf8')) as { version: unknown }).version);
  } catch {
    return 'unknown';
  }
})();

let hb: HarfBuzz | undefined;

/** Loaded on the first subset only: a run whose subsets are all cached never compiles it. */
function harfbuzz(): HarfBuzz {
  if (hb === undefined) {
    const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
    const exports = instance.exports as unknown as HarfBuzz & { _initialize?: () => void };
    exports._initialize?.();
    hb = exports;
  }
  return hb;
}

/** The tables hb-subset needs to subset outlines by glyph id; layout tables and names are left out. */
const KEEP: Readonly<Record<OutlineKind, readonly string[]>> = {
  cff: ['CFF ', 'head', 'hhea', 'hmtx', 'maxp', 'OS/2', 'post'],
  cff2: ['CFF2', 'head', 'hhea', 'hmtx', 'maxp', 'OS/2', 'post', 'fvar', 'avar', 'HVAR', 'MVAR'],
  glyf: ['glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp', 'OS/2', 'post', 'cvt ', 'fpgm', 'prep', 'gasp', 'fvar', 'gvar', 'avar', 'HVAR', 'MVAR'],
};

/** A single-face font holding only `tags` of `face`: what is copied into HarfBuzz's memory. */
function minimalFont(face: FontFace, tags: readonly string[]): Uint8Array {
  const tables = tags.flatMap((tag) => {
    const bytes = face.tags.includes(tag) ? face.table(tag) : undefined;
    return bytes === undefined ? [] : [[tag, bytes] as const];
  });
  let size = 12 + 16 * tables.length;
  for (const [, bytes] of tables) size += (bytes.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, face.outline === 'glyf' ? 0x00010000 : 0x4f54544f);
  view.setUint16(4, tables.length);
  let offset = 12 + 16 * tables.length;
  tables.forEach(([tag, bytes], i) => {
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    out.set(bytes, offset);
    offset += (bytes.length + 3) & ~3;
  });
  return out;
}

/** The whole face as a font of its own (outlines and metrics only): a reference for tests. */
export const wholeFont = (face: FontFace): Uint8Array => minimalFont(face, KEEP[face.outline]);

/** HarfBuzz faces kept for the process: building one parses the outlines (~0.2 s for a CJK font). */
const faces = new Map<FontFace, { face: number; data: number }>();
const MAX_FACES = 4;

function hbFace(h: HarfBuzz, face: FontFace): number {
  const hit = faces.get(face);
  if (hit !== undefined) return hit.face;
  const bytes = minimalFont(face, KEEP[face.outline]);
  const data = h.malloc(bytes.length);
  if (data === 0) throw new Error('HarfBuzz: out of memory');
  new Uint8Array(h.memory.buffer, data, bytes.length).set(bytes);
  const blob = h.hb_blob_create(data, bytes.length, MEMORY_MODE_WRITABLE, 0, 0);
  const hface = h.hb_face_create(blob, 0);
  h.hb_blob_destroy(blob);
  if (faces.size >= MAX_FACES) {
    const [oldKey, old] = faces.entries().next().value!;
    h.hb_face_destroy(old.face);
    h.free(old.data);
    faces.delete(oldKey);
  }
  faces.set(face, { face: hface, data });
  return hface;
}

/** The glyph ids a subset of `glyphs` holds, in their subset order (new glyph i = element i). */
export function subsetGlyphs(face: FontFace, glyphs: Iterable<number>): number[] {
  if (face.outline === 'glyf') return glyfClosure(face.table, glyphs);
  return [...new Set([0, ...glyphs])].sort((a, b) => a - b);
}

/**
 * The font program to embed for `glyphs` (as returned by subsetGlyphs): the subset's CFF table
 * for CFF fonts, or the whole subset TrueType font. CID-keyed CFF fonts (all CJK OpenType
 * fonts) go through our own desubroutinizing subsetter (cff-subset.ts: as small, and no
 * WebAssembly to start); anything else, or a CFF it cannot follow, through HarfBuzz. Throws if
 * HarfBuzz fails or keeps other glyphs than asked.
 */
export function subsetFont(face: FontFace, glyphs: readonly number[]): Uint8Array {
  if (face.outline === 'cff') {
    try {
      return subsetCidCff(face.tableReader('CFF ')!, glyphs);
    } catch {
      // Not CID-keyed, or charstrings it does not follow: HarfBuzz does it.
    }
  }
  return harfbuzzSubset(face, glyphs);
}

function harfbuzzSubset(face: FontFace, glyphs: readonly number[]): Uint8Array {
  const h = harfbuzz();
  const source = hbFace(h, face);
  const input = h.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('HarfBuzz: cannot start a subset');
  let result = 0;
  try {
    const set = h.hb_subset_input_glyph_set(input);
    for (const g of glyphs) h.hb_set_add(set, g);
    h.hb_set_clear(h.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG));
    h.hb_subset_input_set_flags(input, FLAG_DESUBROUTINIZE | FLAG_NO_LAYOUT_CLOSURE);
    if (face.tags.includes('fvar')) h.hb_subset_input_pin_all_axes_to_default(input, source);
    result = h.hb_subset_or_fail(source, input);
  } finally {
    h.hb_subset_input_destroy(input);
  }
  if (result === 0) throw new Error(`HarfBuzz could not subset ${face.source}`);
  try {
    const blob = h.hb_face_reference_blob(result);
    const length = h.hb_blob_get_length(blob);
    const bytes = new Uint8Array(h.memory.buffer, h.hb_blob_get_data(blob, 0), length).slice();
    h.hb_blob_destroy(blob);
    const tables = tableOffsets(bytes);
    const maxp = tables.get('maxp');
    const count = maxp === undefined ? -1 : (bytes[maxp.offset + 4]! << 8) | bytes[maxp.offset + 5]!;
    if (count !== glyphs.length) throw new Error(`HarfBuzz kept ${count} glyphs of ${face.source}, not the ${glyphs.length} asked for`);
    if (face.outline === 'glyf') return bytes;
    const cff = tables.get('CFF ');
    if (cff === undefined) throw new Error(`HarfBuzz wrote no CFF table for ${face.source}`);
    return bytes.slice(cff.offset, cff.offset + cff.length);
  } finally {
    h.hb_face_destroy(result);
  }
}
