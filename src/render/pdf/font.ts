/**
 * The bundled CJK font (Noto Sans Hans, OFL, from @embedpdf/fonts-sc): opened once per
 * process, shared by every document. Metrics come from the cmap and hmtx (one lookup per
 * code point, cached): no shaping, which CJK text does not need.
 *
 * The files are 8 MB each, nearly all of it the CFF table (the outlines), which only building
 * a subset needs. So only the table directory and the small tables are read, with positional
 * reads of their exact size (about 33 KB for a glyph coverage check, 160 KB with the advances);
 * the CFF table is read when a subset has to be built, once per process, and the whole file
 * only for the fontkit fallback.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  SFNT_HEADER_SIZE,
  TABLE_RECORD_SIZE,
  charMap,
  fontMetrics,
  fontVersionId,
  tableCount,
  tableOffsets,
  type CharMap,
  type FontMetrics,
  type TableRecord,
} from './sfnt.js';
import type { FontStyle } from './style.js';

export interface LoadedFont {
  readonly style: FontStyle;
  /** Path of the font file. */
  readonly path: string;
  /** The whole file, read on first call (only the fontkit fallback needs it). */
  file(): Uint8Array;
  /** The raw 'CFF ' table, read on first call. */
  cff(): Uint8Array;
  readonly cmap: CharMap;
  /** Font-wide metrics for the FontDescriptor. */
  readonly metrics: FontMetrics;
  readonly postscriptName: string;
  /** Identifies the font file's version (head checkSumAdjustment and modified date): for cache keys. */
  readonly versionId: string;
  readonly glyphs: Map<number, GlyphMetrics>;
}

/** gid 0 means the font has no glyph for the code point. Advance in 1/1000 em. */
export interface GlyphMetrics {
  readonly gid: number;
  readonly advance: number;
}

const FILES: Record<FontStyle, { file: string; postscriptName: string }> = {
  regular: { file: 'NotoSansHans-Regular.otf', postscriptName: 'NotoSansHans-Regular' },
  bold: { file: 'NotoSansHans-Bold.otf', postscriptName: 'NotoSansHans-Bold' },
};

let fontDir: string | undefined;
const loaded = new Map<FontStyle, LoadedFont>();

function resolveFontDir(): string {
  if (fontDir === undefined) {
    // The package does not export ./package.json; its main entry sits in dist/, fonts/ beside it.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    fontDir = join(dirname(entry), '..', 'fonts');
  }
  return fontDir;
}

/** `length` bytes at `position` of an open file, into a buffer of exactly that size. */
function readAt(fd: number, position: number, length: number, path: string): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error(`${path}: unexpected end of file`);
    done += n;
  }
  return out;
}

/** Reads `f` with the file open, closing it whatever happens. */
function withFile<T>(path: string, f: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return f(fd);
  } finally {
    closeSync(fd);
  }
}

/** Tables read up front: everything the glyph check, the layout and the FontDescriptor need but hmtx. */
const EAGER = ['cmap', 'head', 'hhea', 'post', 'OS/2'];

function openFont(style: FontStyle): LoadedFont {
  const { file: name, postscriptName } = FILES[style];
  const path = join(resolveFontDir(), name);
  const tables = new Map<string, Uint8Array>();
  const directory = withFile(path, (fd) => {
    const header = readAt(fd, 0, SFNT_HEADER_SIZE, path);
    const n = tableCount(header);
    const records = readAt(fd, SFNT_HEADER_SIZE, n * TABLE_RECORD_SIZE, path);
    const start = new Uint8Array(SFNT_HEADER_SIZE + records.length);
    start.set(header);
    start.set(records, SFNT_HEADER_SIZE);
    const dir = tableOffsets(start);
    for (const tag of EAGER) {
      const t = dir.get(tag);
      if (t !== undefined) tables.set(tag, readAt(fd, t.offset, t.length, path));
    }
    return dir;
  });
  // Tables the eager read skipped (hmtx, and CFF through cff()) are read on first use.
  const table = (tag: string): Uint8Array | undefined => {
    let b = tables.get(tag);
    if (b === undefined) {
      const t: TableRecord | undefined = directory.get(tag);
      if (t === undefined) return undefined;
      b = withFile(path, (fd) => readAt(fd, t.offset, t.length, path));
      tables.set(tag, b);
    }
    return b;
  };
  if (!directory.has('CFF ')) throw new Error(`${name} has no CFF table`);
  let whole: Uint8Array | undefined;
  const head = table('head');
  if (head === undefined) throw new Error(`${name} has no head table`);
  return {
    style,
    path,
    file: () => (whole ??= readFileSync(path)),
    cff: () => table('CFF ')!,
    cmap: charMap(table),
    metrics: fontMetrics(table),
    postscriptName,
    versionId: fontVersionId(head),
    glyphs: new Map(),
  };
}

export function loadFont(style: FontStyle): LoadedFont {
  let entry = loaded.get(style);
  if (entry === undefined) {
    entry = openFont(style);
    loaded.set(style, entry);
  }
  return entry;
}

/** Glyph id and advance of a code point (gid 0: no glyph). */
export function glyphMetrics(font: LoadedFont, codePoint: number): GlyphMetrics {
  let m = font.glyphs.get(codePoint);
  if (m === undefined) {
    const gid = font.cmap.glyph(codePoint);
    m = gid === 0 ? { gid: 0, advance: 0 } : { gid, advance: Math.round((font.cmap.advance(gid) * 1000) / font.cmap.unitsPerEm) };
    font.glyphs.set(codePoint, m);
  }
  return m;
}

/** Characters that are layout controls, never drawn, so never "missing". */
const CONTROL = new Set(['\n', '\r', '\t']);

/**
 * Characters of `text` that the bundled font cannot draw (in regular or bold), each once, in
 * order of first appearance. The validation stage reports them with a location; the renderer
 * skips them rather than print an empty box. Needs only the cmaps (no advances).
 */
export function missingGlyphs(text: string): string[] {
  const regular = loadFont('regular').cmap;
  const bold = loadFont('bold').cmap;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch) || CONTROL.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (regular.glyph(cp) === 0 || bold.glyph(cp) === 0) out.push(ch);
  }
  return out;
}
