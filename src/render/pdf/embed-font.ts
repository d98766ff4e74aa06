/**
 * A font as embedded in one PDF. The whole document is laid out before anything is written,
 * so the glyphs it uses are registered first (register), the subset is built once (finish),
 * and the content streams then name each glyph by the CID the subset gives it (encode):
 * - CFF outlines: a CIDFontType0 with the subset's CFF table (FontFile3/CIDFontType0C); a
 *   CID-keyed CFF finds glyphs by the CIDs of its charset, which the subset keeps;
 * - TrueType outlines: a CIDFontType2 with the subset font (FontFile2), CID = glyph index.
 * Widths and a ToUnicode CMap (search, copy, e-signing tools' anchor text) go with it.
 *
 * The compressed font program is cached per glyph list, in memory and (when the caller passes
 * a SubsetStore) across runs, and the build packages the bundled faces' shared subsets
 * (embed-face.ts); the bytes are the same on a hit or a miss.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { readBounded } from '../../io/read-bounded.js';
import { packageRoot } from '../../package-root.js';
import { cffInfo } from '../../fonts/cff.js';
import { glyphMetrics, type FontFace } from '../../fonts/face.js';
import { SUBSETTER_VERSION, subsetFont, subsetGlyphs, wholeFont } from '../../fonts/subset.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import type { SubsetStore } from './subset-store.js';

/**
 * Version of what a stored subset holds. Bump it whenever the bytes for the same face and
 * glyph list change: the subsetter's use (subset.ts), the deflate call below, or this key's
 * meaning.
 */
const SUBSET_FORMAT = 4;
/** deflate's output may differ between zlib versions: part of the key. */
const ZLIB = process.versions.zlib.replace(/[^A-Za-z0-9.-]/g, '-');
const HB = SUBSETTER_VERSION.replace(/[^A-Za-z0-9.-]/g, '-');

const CACHE_LIMIT = 16;
/** Where the build puts the shared subsets of the bundled faces (scripts/packaged-subsets.mjs). */
export const PACKAGED_SUBSETS = join('dist', 'data', 'subsets');
/** A packaged subset is ~100 KB; anything much larger is not one. */
const MAX_PACKAGED_BYTES = 4 * 1024 * 1024;
/** The CIDs of a cached program's glyphs (original glyph id -> CID), computed once per program. */
const cidCache = new WeakMap<Uint8Array, ReadonlyMap<number, number>>();
const subsetCache = new Map<string, Uint8Array>();
let cacheEnabled = true;
let embedWhole = false;
let usePackaged = true;

/**
 * For tests. `cache`: the in-memory cache (the output must be the same with it on or off; a
 * SubsetStore passed to renderPdf is used either way). `whole`: embed the whole font instead
 * of a subset (a reference: the subset must draw the same pixels). `packaged`: use the subsets
 * the build packaged (dist/data/subsets; the same bytes as those built here).
 */
export function configureSubsetting(options: { readonly cache?: boolean; readonly whole?: boolean; readonly packaged?: boolean }): void {
  cacheEnabled = options.cache ?? cacheEnabled;
  embedWhole = options.whole ?? embedWhole;
  usePackaged = options.packaged ?? usePackaged;
  subsetCache.clear();
}

/**
 * The subset of `face` holding the glyphs of `text`, as EmbeddedFont builds it: its key and
 * compressed program (scripts/packaged-subsets.mjs writes the bundled faces' shared subsets).
 */
export function subsetOfText(face: FontFace, text: string): { readonly key: string; readonly program: Uint8Array } {
  const gids: number[] = [];
  for (const ch of text) gids.push(glyphMetrics(face, ch.codePointAt(0)!).gid);
  const glyphs = subsetGlyphs(face, gids.filter((g) => g !== 0));
  return { key: subsetKey(face, glyphs), program: buildProgram(face, glyphs) };
}

/** A subset built and compressed here: what every cache and the package hold for its key. */
const buildProgram = (face: FontFace, glyphs: readonly number[]): Uint8Array => new Uint8Array(deflateSync(subsetFont(face, glyphs)));

/** A subset the build wrote beside the code, if there is one for `key`. */
function packagedSubset(key: string): Uint8Array | undefined {
  if (!usePackaged) return undefined;
  let root: string;
  try {
    root = packageRoot();
  } catch {
    return undefined;
  }
  const read = readBounded(join(root, PACKAGED_SUBSETS, `${key}.subset`), MAX_PACKAGED_BYTES);
  return read.ok && read.data.length > 0 ? new Uint8Array(read.data) : undefined;
}

/** The cache key of a subset: file-name safe, naming everything the bytes depend on. */
export function subsetKey(face: FontFace, glyphs: readonly number[]): string {
  const digest = createHash('sha1').update(glyphs.join(',')).digest('hex');
  return `font-subset.v${SUBSET_FORMAT}.hb-${HB}.${face.outline}.${face.key}.zlib-${ZLIB}.${digest}`;
}

/** A store that fails must not fail the render: a miss then. */
function storeGet(store: SubsetStore | undefined, key: string): Uint8Array | undefined {
  if (store === undefined) return undefined;
  try {
    const v = store.get(key);
    return v instanceof Uint8Array && v.length > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

function storeSet(store: SubsetStore | undefined, key: string, value: Uint8Array): void {
  try {
    store?.set(key, value);
  } catch {
    // A cache is only ever an optimisation.
  }
}

/** The whole font's program: its CFF table, or (TrueType) the face as a font of its own. */
const wholeProgram = (face: FontFace): Uint8Array => (face.outline === 'cff' ? face.table('CFF ')! : wholeFont(face));

function compressedProgram(face: FontFace, glyphs: readonly number[], store: SubsetStore | undefined): Uint8Array {
  if (embedWhole) return new Uint8Array(deflateSync(wholeProgram(face)));
  const key = subsetKey(face, glyphs);
  const hit = cacheEnabled ? subsetCache.get(key) : undefined;
  if (hit !== undefined) {
    subsetCache.delete(key);
    subsetCache.set(key, hit);
    return hit;
  }
  let out = packagedSubset(key) ?? storeGet(store, key);
  if (out !== undefined && face.outline === 'cff') {
    // A stored value is used only if it is what this key promises; its CIDs are read now.
    try {
      const info = cffInfo(inflateSync(out));
      if (info.glyphCount === glyphs.length) cidCache.set(out, cidMap(glyphs, info));
      else out = undefined;
    } catch {
      out = undefined;
    }
  }
  if (out === undefined) {
    out = buildProgram(face, glyphs);
    storeSet(store, key, out);
  }
  if (cacheEnabled) {
    subsetCache.set(key, out);
    if (subsetCache.size > CACHE_LIMIT) subsetCache.delete(subsetCache.keys().next().value!);
  }
  return out;
}

const HEX: string[] = [];
/** Four hex digits (CIDs repeat all over the content streams: computed once each). */
const hex4 = (n: number): string => (HEX[n] ??= n.toString(16).padStart(4, '0'));

/**
 * Original glyph id -> CID of a program holding `glyphs`: through the charset of a CFF (`info`),
 * else the glyph's index in the program. (A whole font keeps its glyph ids.)
 */
function cidMap(glyphs: readonly number[], info: ReturnType<typeof cffInfo> | undefined): Map<number, number> {
  const map = new Map<number, number>();
  glyphs.forEach((g, i) => {
    const index = embedWhole ? g : i;
    map.set(g, info === undefined ? index : info.cidOf(index));
  });
  return map;
}

function unicodeHex(cp: number): string {
  if (cp <= 0xffff) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

/** Six capital letters from the glyph list: the subset tag of the font name. */
function subsetTag(glyphs: readonly number[], key: string): string {
  let h = 0x811c9dc5;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  for (const g of glyphs) h = Math.imul(h ^ g, 0x01000193);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + ((h >>> 0) % 26));
    h = Math.imul(h ^ i, 0x01000193) >>> 0;
  }
  return tag;
}

/** A PDF name from a PostScript name: printable ASCII without delimiters. */
const pdfName = (name: string): string => name.replace(/[^A-Za-z0-9+\-_.]/g, '') || 'Font';

/** Whether fonts are embedded whole (configureSubsetting). */
export const embedsWholeFonts = (): boolean => embedWhole;

interface FontTables {
  readonly widths: (number | number[])[];
  /** The ToUnicode CMap's stream, deflated as pdfkit would (its text and a newline, zlib's defaults). */
  readonly toUnicode: Uint8Array;
}

/** A fixed font's widths and ToUnicode CMap, per compressed program. */
const fixedTables = new WeakMap<Uint8Array, FontTables>();

export class EmbeddedFont {
  private dict: PdfRef | undefined;
  /** Original glyph id -> the first code point drawn with it (ToUnicode), and its width. */
  private readonly used = new Map<number, { readonly cp: number; readonly width: number }>();
  private cidOf: ReadonlyMap<number, number> | undefined;
  private program: Uint8Array | undefined;
  private glyphs: readonly number[] = [];

  constructor(
    private readonly doc: PdfDoc,
    readonly face: FontFace,
    readonly id: string,
    /** Compressed subsets kept across runs (optional). */
    private readonly store?: SubsetStore,
    /**
     * `fixed`: the font's characters are the same in every document (embed-face.ts), so its
     * widths and ToUnicode CMap are made once per subset.
     */
    private readonly options: { readonly fixed?: boolean } = {},
  ) {}

  /** The font dictionary to list in a page's resources. */
  get ref(): PdfRef {
    this.dict ??= this.doc.ref();
    return this.dict;
  }

  get isUsed(): boolean {
    return this.used.size > 0;
  }

  /** Code points seen by register; after finish, each one's CID as hex ('' if the font lacks it). */
  private readonly seen = new Set<number>();
  private readonly hexOf = new Map<number, string>();

  /** Note the glyphs of `text` (before finish). Characters the font lacks are skipped. */
  register(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      this.registerCodePoint(cp);
    }
  }

  /** Note the glyph of one code point (before finish). */
  registerCodePoint(cp: number): void {
    if (this.seen.has(cp)) return;
    if (this.cidOf !== undefined) throw new Error('EmbeddedFont: register after finish');
    this.seen.add(cp);
    const m = glyphMetrics(this.face, cp);
    if (m.gid !== 0 && !this.used.has(m.gid)) this.used.set(m.gid, { cp, width: m.advance });
  }

  /** Build (or fetch) the subset and number its glyphs. */
  finish(): void {
    if (this.cidOf !== undefined || this.used.size === 0) return;
    this.glyphs = embedWhole ? [...this.used.keys()].sort((a, b) => a - b) : subsetGlyphs(this.face, this.used.keys());
    this.program = compressedProgram(this.face, this.glyphs, this.store);
    let cids = cidCache.get(this.program);
    if (cids === undefined) {
      cids = this.face.outline === 'cff' ? cidMap(this.glyphs, cffInfo(inflateSync(this.program))) : cidMap(this.glyphs, undefined);
      cidCache.set(this.program, cids);
    }
    this.cidOf = cids;
    for (const cp of this.seen) {
      const gid = glyphMetrics(this.face, cp).gid;
      this.hexOf.set(cp, gid === 0 ? '' : hex4(cids.get(gid)!));
    }
  }

  /** Hex string of the CIDs of `text` (after finish); characters the font lacks are skipped. */
  encode(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      out += this.encodeCodePoint(cp);
    }
    return out;
  }

  /** Hex string of one code point's CID (after finish); '' if the font lacks it. */
  encodeCodePoint(cp: number): string {
    const hex = this.hexOf.get(cp);
    if (hex === undefined) throw new Error('EmbeddedFont: text was not registered before finish');
    return hex;
  }

  /** Write the font objects (only if some page used the font). */
  embed(): void {
    if (this.dict === undefined || this.program === undefined || this.cidOf === undefined) return;
    const doc = this.doc;
    const f = this.face.metrics;
    const scale = 1000 / f.unitsPerEm;
    const truetype = this.face.outline === 'glyf';
    const tables = this.tables();
    const file = doc.ref(truetype ? { Filter: 'FlateDecode' } : { Filter: 'FlateDecode', Subtype: 'CIDFontType0C' });
    file.end(this.program);
    const name = `${subsetTag(this.glyphs, this.face.key)}+${pdfName(this.face.postscriptName)}`;
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 4,
      FontBBox: f.bbox.map((v) => Math.round(v * scale)),
      ItalicAngle: f.italicAngle,
      Ascent: Math.round(f.ascent * scale),
      Descent: Math.round(f.descent * scale),
      CapHeight: Math.round((f.capHeight || f.ascent) * scale),
      XHeight: Math.round((f.xHeight || 0) * scale),
      StemV: 0,
      ...(truetype ? { FontFile2: file } : { FontFile3: file }),
    });
    descriptor.end();
    const descendant = doc.ref({
      Type: 'Font',
      Subtype: truetype ? 'CIDFontType2' : 'CIDFontType0',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: tables.widths,
      ...(truetype ? { CIDToGIDMap: 'Identity' } : {}),
    });
    descendant.end();
    // Deflated here, once for a fixed font: pdfkit would turn the text into bytes a character at
    // a time in JavaScript and deflate it again for every document. The dictionary is the one
    // pdfkit writes for a stream it compresses itself.
    const toUnicode = doc.ref({ Length: 0, Filter: 'FlateDecode' });
    toUnicode.end(tables.toUnicode);
    Object.assign(this.dict.data, { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode });
    this.dict.end();
  }

  private tables(): FontTables {
    const program = this.program!;
    const kept = this.options.fixed && cacheEnabled ? fixedTables.get(program) : undefined;
    if (kept !== undefined) return kept;
    const byCid = this.byCid();
    const tables = { widths: this.widthArray(byCid), toUnicode: new Uint8Array(deflateSync(Buffer.from(`${this.toUnicodeCMap(byCid)}\n`, 'latin1'))) };
    if (this.options.fixed) fixedTables.set(program, tables);
    return tables;
  }

  /** CIDs in increasing order with their glyph's code point and width. */
  private byCid(): { cid: number; cp: number; width: number }[] {
    const out: { cid: number; cp: number; width: number }[] = [];
    for (const [gid, u] of this.used) out.push({ cid: this.cidOf!.get(gid)!, ...u });
    return out.sort((a, b) => a.cid - b.cid);
  }

  /** `W` entries for runs of consecutive CIDs whose width is not the default 1000. */
  private widthArray(byCid: readonly { readonly cid: number; readonly width: number }[]): (number | number[])[] {
    const out: (number | number[])[] = [];
    let run: number[] = [];
    let start = -1;
    let next = -1;
    for (const { cid, width } of byCid) {
      if (width === 1000) continue;
      if (run.length > 0 && cid === next) run.push(width);
      else {
        if (run.length > 0) out.push(start, run);
        start = cid;
        run = [width];
      }
      next = cid + 1;
    }
    if (run.length > 0) out.push(start, run);
    return out;
  }

  private toUnicodeCMap(byCid: readonly { readonly cid: number; readonly cp: number }[]): string {
    const entries = byCid.map(({ cid, cp }) => `<${hex4(cid)}> <${unicodeHex(cp)}>`);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}
