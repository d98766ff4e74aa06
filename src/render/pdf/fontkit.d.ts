/** The small part of fontkit 2 that the PDF renderer uses (fontkit ships no types). */
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
  }
  export interface TableDirectoryEntry {
    readonly offset: number;
    readonly length: number;
  }
  export interface Subset {
    includeGlyph(glyph: number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly xHeight: number;
    readonly italicAngle: number;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
    readonly directory: { readonly tables: Readonly<Record<string, TableDirectoryEntry>> };
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
    createSubset(): Subset;
    /** fontkit dispatches on the layout method to accept a parsed font (pdfkit does too). */
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
