/**
 * One face as embedded in one PDF, as two fonts when a shared text is given:
 * - `shared`: the glyphs of every character of the face's shared text (shared-text.ts: for the
 *   body face the templates' text, numbering, amounts in words; for the heading face the
 *   headings), whether this contract draws them all or not. Its subset
 *   is the same for every contract, so it is built and compressed once per process (and kept on
 *   disk by a SubsetStore) instead of once per contract;
 * - `own`: the glyphs of this contract's other characters (party names, addresses), a small
 *   subset that is quick to build.
 * A contract's own words change the glyph list of a single subset, so a subset of everything
 * would miss every cache from one contract to the next: building and compressing it was a
 * tenth of a batch's time.
 *
 * Text is routed by glyph: a character whose glyph is in the shared subset is drawn with it.
 * Without a shared text, one font.
 */
import { glyphMetrics, type FontFace } from '../../fonts/face.js';
import { EmbeddedFont, embedsWholeFonts } from './embed-font.js';
import type { PdfDoc } from './pdfkit-internals.js';
import type { SubsetStore } from './subset-store.js';
import { LruMap } from '../../lru.js';

/**
 * One stretch of text drawn with one font: its CIDs, two bytes each, as the inside of a PDF
 * literal string (one latin1 character a byte; `(`, `)`, `\` and CR escaped). Half the bytes
 * of hex before compression.
 */
export interface EncodedRun {
  readonly font: EmbeddedFont;
  readonly bytes: string;
}

/** A byte inside a literal string: as itself, but for the three that delimit or escape, and CR (read as LF there). */
const literalByte = (b: number): string => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? '\\r' : String.fromCharCode(b));

/** Hex digits (the font's encoding of a code point) as literal-string bytes. */
export function literalOfHex(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += literalByte(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

interface SharedGlyphs {
  readonly gids: ReadonlySet<number>;
  /** Whether a code point's glyph is one of `gids`, as looked up so far. */
  readonly byCodePoint: Map<number, boolean>;
  /** The code points of the shared text that the face draws (their glyph is one of `gids`). */
  readonly drawn: ReadonlySet<number>;
  /**
   * Texts made only of `drawn` code points, as the shared font's bytes. The shared font is the
   * same in every document (its glyphs and CIDs are those of the shared text), so these bytes
   * are too: most lines of a batch's contracts are the templates' text, and are encoded once.
   */
  readonly lines: LruMap<string, string>;
}

/** Lines kept per face and shared text: a contract of the example draws ~1,300 texts with the body face. */
const MAX_SHARED_LINES = 4096;

/** Per face and shared text (a face can be both the body and the heading face): kept across documents. */
const sharedOf = new WeakMap<FontFace, Map<string, SharedGlyphs>>();
/** Every store of kept lines, for configureSharedLines and sharedLineStats (a WeakMap cannot be listed). */
const lineStores = new Set<LruMap<string, string>>();

function sharedGlyphs(face: FontFace, text: string): SharedGlyphs {
  let ofFace = sharedOf.get(face);
  if (ofFace === undefined) sharedOf.set(face, (ofFace = new Map()));
  let made = ofFace.get(text);
  if (made === undefined) {
    const gids = new Set<number>();
    const drawn = new Set<number>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const gid = glyphMetrics(face, cp).gid;
      if (gid === 0) continue;
      gids.add(gid);
      drawn.add(cp);
    }
    const lines = new LruMap<string, string>(MAX_SHARED_LINES);
    lineStores.add(lines);
    ofFace.set(text, (made = { gids, byCodePoint: new Map(), drawn, lines }));
  }
  return made;
}

/** Whether every code point of `text` is one of `drawn`. */
function allDrawn(text: string, drawn: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!drawn.has(cp)) return false;
  }
  return true;
}

let keeping = true;
/**
 * Lines are kept from the second document a process renders on, as line-break.ts keeps broken
 * lines: a one-contract run (a cold `contract gen`) would pay for keeping them and never use them.
 */
let armed = false;

/** Called when a document has been rendered: the next ones keep their shared lines. */
export function keepSharedLines(): void {
  armed = true;
}

/**
 * For tests: encode every line afresh (`keep: false`), or keep lines again; forgets the lines
 * kept, and `untilNextDocument` keeps none until a document has been rendered, as in a new process.
 */
export function configureSharedLines(options: { readonly keep: boolean; readonly untilNextDocument?: boolean }): void {
  keeping = options.keep;
  if (options.untilNextDocument) armed = false;
  for (const lines of lineStores) lines.clear();
}

/** Texts encoded from the kept lines since the process started. */
let sharedLineHits = 0;

/** For tests: texts encoded from kept lines since the process started, and lines kept now. */
export function sharedLineStats(): { readonly hits: number; readonly kept: number } {
  let kept = 0;
  for (const lines of lineStores) kept += lines.size;
  return { hits: sharedLineHits, kept };
}

export class EmbeddedFace {
  private readonly shared: EmbeddedFont | undefined;
  private readonly own: EmbeddedFont;
  private readonly sharedGlyphs: SharedGlyphs | undefined;
  /** Per code point (after finish): its font and CID. */
  private readonly encoded = new Map<number, { readonly font: EmbeddedFont; readonly bytes: string }>();

  constructor(doc: PdfDoc, readonly face: FontFace, ids: { readonly own: string; readonly shared?: string }, options: { readonly store?: SubsetStore; readonly sharedText?: string } = {}) {
    this.own = new EmbeddedFont(doc, face, ids.own, options.store);
    const text = options.sharedText ?? '';
    // A whole font (a test's reference) is the same font either way: one is enough.
    if (text === '' || ids.shared === undefined || embedsWholeFonts()) return;
    this.sharedGlyphs = sharedGlyphs(face, text);
    this.shared = new EmbeddedFont(doc, face, ids.shared, options.store, { fixed: true });
    this.shared.register(text);
  }

  /** The fonts written, each once. */
  get fonts(): readonly EmbeddedFont[] {
    return this.shared === undefined ? [this.own] : [this.shared, this.own];
  }

  private fontOf(cp: number): EmbeddedFont {
    const shared = this.sharedGlyphs;
    if (shared === undefined) return this.own;
    let isShared = shared.byCodePoint.get(cp);
    if (isShared === undefined) shared.byCodePoint.set(cp, (isShared = shared.gids.has(glyphMetrics(this.face, cp).gid)));
    return isShared ? this.shared! : this.own;
  }

  /**
   * Note the glyphs of `text` (before finish). A character outside the shared text whose glyph
   * is a shared one (a variant form) goes to the shared font too: the font stays the same, as
   * the glyph is there already; it only learns the character's CID.
   */
  register(text: string): void {
    // Shared text only: the shared font registered all of it when it was made.
    if (this.sharedGlyphs?.lines.has(text)) return;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      this.fontOf(cp).registerCodePoint(cp);
    }
  }

  finish(): void {
    for (const font of this.fonts) font.finish();
  }

  /** `text` as runs of one font each (after finish); characters the face lacks are skipped. */
  encode(text: string): EncodedRun[] {
    const shared = this.sharedGlyphs;
    const kept = shared?.lines.get(text);
    if (kept !== undefined) {
      sharedLineHits++;
      return [{ font: this.shared!, bytes: kept }];
    }
    const runs: EncodedRun[] = [];
    let font: EmbeddedFont | undefined;
    let bytes = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let e = this.encoded.get(cp);
      if (e === undefined) {
        const f = this.fontOf(cp);
        this.encoded.set(cp, (e = { font: f, bytes: literalOfHex(f.encodeCodePoint(cp)) }));
      }
      if (e.bytes === '') continue;
      if (e.font !== font) {
        if (font !== undefined) runs.push({ font, bytes });
        font = e.font;
        bytes = '';
      }
      bytes += e.bytes;
    }
    if (font !== undefined) runs.push({ font, bytes });
    if (shared !== undefined && keeping && armed && runs.length === 1 && runs[0]!.font === this.shared && allDrawn(text, shared.drawn)) shared.lines.set(text, runs[0]!.bytes);
    return runs;
  }

  /** Write the fonts some page used. */
  embed(): void {
    for (const font of this.fonts) font.embed();
  }
}
