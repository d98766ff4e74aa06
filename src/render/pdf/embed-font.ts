/**
 * A font as embedded in one PDF: the glyphs used so far (new CIDs in order of first use),
 * their widths and Unicode values, written at the end as a CID-keyed CFF subset
 * (FontFile3/CIDFontType0C) with a ToUnicode CMap so that text can be searched and copied.
 * The compressed subset is cached per glyph list, in memory and (when the caller passes a
 * SubsetStore) across runs, so a document with the same characters as an earlier one skips
 * subsetting and reading the font's outlines; the bytes are the same either way.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { subsetCidCff } from './cff-subset.js';
import { glyphMetrics, type LoadedFont } from './font.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import type { SubsetStore } from './subset-store.js';

/**
 * Version of what a stored subset holds. Bump it whenever the bytes for the same font and
 * glyph list change: cff-subset.ts's output, the deflate call below, or this key's meaning.
 */
const SUBSET_FORMAT = 1;
/** deflate's output may differ between zlib versions: part of the key. */
const ZLIB = process.versions.zlib.replace(/[^A-Za-z0-9.-]/g, '-');

const CACHE_LIMIT = 16;
const subsetCache = new Map<string, Uint8Array>();
let cacheEnabled = true;
let useFontkit = false;

/**
 * For tests and benchmarks. `cache`: the in-memory cache (the output must be the same with it
 * on or off; a SubsetStore passed to renderPdf is used either way). `fontkit`: subset with
 * fontkit instead (slow; other bytes, the same glyphs drawn).
 */
export function configureSubsetting(options: { readonly cache?: boolean; readonly fontkit?: boolean }): void {
  cacheEnabled = options.cache ?? cacheEnabled;
  useFontkit = options.fontkit ?? useFontkit;
  subsetCache.clear();
}

const require = createRequire(import.meta.url);

/** The fallback subsetter, loaded only when needed (fontkit's import alone costs ~0.3 s). */
function fontkitSubset(font: LoadedFont, glyphs: readonly number[]): Uint8Array {
  const fontkit = require('fontkit') as typeof import('fontkit');
  const subset = fontkit.create(Buffer.from(font.file())).createSubset();
  for (const g of glyphs) subset.includeGlyph(g);
  return subset.encode();
}

/**
 * The cache key of a subset: file-name safe, and naming everything the bytes depend on (see
 * SUBSET_FORMAT). The glyph list goes in as a SHA-1.
 */
export function subsetKey(font: LoadedFont, glyphs: readonly number[]): string {
  const digest = createHash('sha1').update(glyphs.join(',')).digest('hex');
  return `cff-subset.v${SUBSET_FORMAT}.${useFontkit ? 'fontkit' : 'cid'}.${font.style}.${font.versionId}.zlib-${ZLIB}.${digest}`;
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

function compressedSubset(font: LoadedFont, glyphs: readonly number[], store: SubsetStore | undefined): Uint8Array {
  const key = subsetKey(font, glyphs);
  const hit = cacheEnabled ? subsetCache.get(key) : undefined;
  if (hit !== undefined) {
    subsetCache.delete(key);
    subsetCache.set(key, hit);
    return hit;
  }
  let out = storeGet(store, key);
  if (out === undefined) {
    let cff: Uint8Array;
    try {
      cff = useFontkit ? fontkitSubset(font, glyphs) : subsetCidCff(font.cff(), glyphs);
    } catch {
      cff = fontkitSubset(font, glyphs);
    }
    out = new Uint8Array(deflateSync(cff));
    storeSet(store, key, out);
  }
  if (cacheEnabled) {
    subsetCache.set(key, out);
    if (subsetCache.size > CACHE_LIMIT) subsetCache.delete(subsetCache.keys().next().value!);
  }
  return out;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

function unicodeHex(cp: number): string {
  if (cp <= 0xffff) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 | (v >> 10)) + hex4(0xdc00 | (v & 0x3ff));
}

/** Six capital letters from the glyph list: the subset tag of the font name. */
function subsetTag(glyphs: readonly number[], style: string): string {
  let h = 0x811c9dc5;
  for (const c of style) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  for (const g of glyphs) h = Math.imul(h ^ g, 0x01000193);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + ((h >>> 0) % 26));
    h = Math.imul(h ^ i, 0x01000193) >>> 0;
  }
  return tag;
}

export class EmbeddedFont {
  private dict: PdfRef | undefined;
  private readonly cids = new Map<number, number>();
  private readonly glyphs: number[] = [0];
  private readonly widths: number[] = [1000];
  private readonly unicode: number[] = [0];

  constructor(
    private readonly doc: PdfDoc,
    readonly font: LoadedFont,
    readonly id: string,
    /** Compressed subsets kept across runs (optional). */
    private readonly store?: SubsetStore,
  ) {}

  /** The font dictionary to list in a page's resources. */
  get ref(): PdfRef {
    this.dict ??= this.doc.ref();
    return this.dict;
  }

  /** Hex string of the CIDs of `text`; characters the font lacks are skipped. */
  encode(text: string): string {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const m = glyphMetrics(this.font, cp);
      if (m.gid === 0) continue;
      let cid = this.cids.get(m.gid);
      if (cid === undefined) {
        cid = this.glyphs.length;
        this.cids.set(m.gid, cid);
        this.glyphs.push(m.gid);
        this.widths.push(m.advance);
        this.unicode.push(cp);
      }
      out += hex4(cid);
    }
    return out;
  }

  /** Write the font objects (only if some page used the font). */
  embed(): void {
    if (this.dict === undefined) return;
    const doc = this.doc;
    const f = this.font.metrics;
    const scale = 1000 / f.unitsPerEm;
    const file = doc.ref({ Filter: 'FlateDecode', Subtype: 'CIDFontType0C' });
    file.end(compressedSubset(this.font, this.glyphs, this.store));
    const name = `${subsetTag(this.glyphs, this.font.style)}+${this.font.postscriptName}`;
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 4,
      FontBBox: f.bbox.map((v) => v * scale),
      ItalicAngle: f.italicAngle,
      Ascent: f.ascent * scale,
      Descent: f.descent * scale,
      CapHeight: (f.capHeight || f.ascent) * scale,
      XHeight: (f.xHeight || 0) * scale,
      StemV: 0,
      FontFile3: file,
    });
    descriptor.end();
    const descendant = doc.ref({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: this.widthArray(),
    });
    descendant.end();
    const toUnicode = doc.ref();
    toUnicode.end(this.toUnicodeCMap());
    Object.assign(this.dict.data, { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: toUnicode });
    this.dict.end();
  }

  /** `W` entries for runs of CIDs whose width is not the default 1000. */
  private widthArray(): (number | number[])[] {
    const out: (number | number[])[] = [];
    let run: number[] = [];
    let start = 0;
    this.widths.forEach((w, cid) => {
      if (w !== 1000) {
        if (run.length === 0) start = cid;
        run.push(w);
        return;
      }
      if (run.length > 0) out.push(start, run);
      run = [];
    });
    if (run.length > 0) out.push(start, run);
    return out;
  }

  private toUnicodeCMap(): string {
    const entries: string[] = [];
    for (let cid = 1; cid < this.unicode.length; cid++) entries.push(`<${hex4(cid)}> <${unicodeHex(this.unicode[cid]!)}>`);
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
