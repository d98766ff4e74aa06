/**
 * The bundled CJK font (Noto Sans Hans, OFL, from @embedpdf/fonts-sc): read and parsed once
 * per process, shared by every document. Metrics come from the cmap and hmtx (one lookup per
 * code point, cached): no shaping, which CJK text does not need.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { charMap, fontMetrics, tableOffsets, type CharMap, type FontMetrics } from './sfnt.js';
import type { FontStyle } from './style.js';

export interface LoadedFont {
  readonly style: FontStyle;
  readonly file: Uint8Array;
  /** The raw 'CFF ' table (a view into `file`). */
  readonly cff: Uint8Array;
  readonly cmap: CharMap;
  /** Font-wide metrics for the FontDescriptor. */
  readonly metrics: FontMetrics;
  readonly postscriptName: string;
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

export function loadFont(style: FontStyle): LoadedFont {
  let entry = loaded.get(style);
  if (entry === undefined) {
    const file: Uint8Array = readFileSync(join(resolveFontDir(), FILES[style].file));
    // Tables are read straight from the file: fontkit costs a few hundred ms to import and
    // is only needed as the fallback subsetter (embed-font.ts).
    const table = tableOffsets(file).get('CFF ');
    if (table === undefined) throw new Error(`${FILES[style].file} has no CFF table`);
    const cff = file.subarray(table.offset, table.offset + table.length);
    entry = { style, file, cff, cmap: charMap(file), metrics: fontMetrics(file), postscriptName: FILES[style].postscriptName, glyphs: new Map() };
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
 * skips them rather than print an empty box.
 */
export function missingGlyphs(text: string): string[] {
  const regular = loadFont('regular');
  const bold = loadFont('bold');
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch) || CONTROL.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (glyphMetrics(regular, cp).gid === 0 || glyphMetrics(bold, cp).gid === 0) out.push(ch);
  }
  return out;
}
