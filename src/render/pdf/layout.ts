/**
 * The page model the blocks are laid out into: a list of pages, each a list of drawing
 * operations in points with y growing downwards (pdfkit's page space), plus what the PDF
 * needs beside the content (outline entries, signature field rectangles). Laying out
 * everything first means the page count is known before any header or footer is drawn.
 */
import type { Line } from './line-break.js';
import { CONTENT_BOTTOM, PAGE, SPACING, type FontStyle, type TextStyle } from './style.js';

export type Op =
  | {
      readonly kind: 'text';
      readonly font: FontStyle;
      readonly size: number;
      /** Start of the baseline. */
      readonly x: number;
      readonly y: number;
      readonly text: string;
      /** Extra space after each character (justification). */
      readonly spacing: number;
      /** 0 black … 1 white. */
      readonly gray: number;
      /** Counter-clockwise rotation in degrees. */
      readonly angle?: number;
    }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly width: number; readonly gray: number }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill?: number; readonly stroke?: number; readonly width?: number };

export interface Page {
  readonly ops: Op[];
}

export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  /** Top of the heading. */
  readonly y: number;
  readonly children: OutlineEntry[];
}

export interface SignatureRect {
  readonly name: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type LineAlign = 'left' | 'center' | 'right' | 'justify';

const EPS = 0.01;

/** Baseline of a line whose box starts at `top`: the em box centred in the line height. */
export const baselineOf = (top: number, style: TextStyle): number => top + (style.lineHeight - style.size) / 2 + style.size * 0.88;

export class Layout {
  readonly pages: Page[] = [];
  readonly outline: OutlineEntry[] = [];
  readonly signatures: SignatureRect[] = [];
  y: number = PAGE.marginTop;

  constructor() {
    this.newPage();
  }

  get page(): number {
    return this.pages.length - 1;
  }

  get atTop(): boolean {
    return this.y <= PAGE.marginTop + EPS;
  }

  get remaining(): number {
    return CONTENT_BOTTOM - this.y;
  }

  /** Height available on an empty page. */
  static get pageHeight(): number {
    return CONTENT_BOTTOM - PAGE.marginTop;
  }

  fits(h: number): boolean {
    return h <= this.remaining + EPS;
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = PAGE.marginTop;
  }

  /** Start a new page unless `h` fits here (or the page is still empty). */
  ensure(h: number): void {
    if (!this.fits(h) && !this.atTop) this.newPage();
  }

  /** Vertical space, dropped at the top of a page. */
  space(h: number): void {
    if (!this.atTop) this.y = Math.min(this.y + h, CONTENT_BOTTOM);
  }

  add(op: Op): void {
    this.pages[this.page]!.ops.push(op);
  }

  /** Draw one broken line with its box starting at `top`, in [x, x + width]. */
  drawLine(line: Line, x: number, width: number, top: number, style: TextStyle, align: LineAlign, gray = 0): void {
    const y = baselineOf(top, style);
    let spacing = 0;
    let start = x;
    if (align === 'justify' && !line.hard && line.chars > 1) {
      const s = (width - line.width) / (line.chars - 1);
      if (s > 0 && s <= SPACING.maxJustifyEm * style.size) spacing = s;
    } else if (align === 'center') start = x + (width - line.width) / 2;
    else if (align === 'right') start = x + width - line.width;
    for (const piece of line.pieces) {
      if (piece.text.trim() !== '') {
        this.add({ kind: 'text', font: piece.style, size: style.size, x: start, y, text: piece.text, spacing, gray });
      }
      start += piece.width + piece.chars * spacing;
    }
  }

  /**
   * Place paragraph lines at the cursor, moving to new pages as needed: no single first line
   * left at the foot of a page (orphan) and no single last line carried to the next (widow).
   * `xFirst` is where the first line starts (first-line indent or after a label).
   */
  placeLines(lines: readonly Line[], x: number, width: number, xFirst: number, style: TextStyle, align: LineAlign, onFirst?: (top: number) => void): void {
    const lh = style.lineHeight;
    let i = 0;
    while (i < lines.length) {
      let fit = Math.floor((this.remaining + EPS) / lh);
      const left = lines.length - i;
      if (fit < left && !this.atTop) {
        if (i === 0 && fit < 2 && left > 1) fit = 0; // orphan
        else if (left - fit === 1 && fit >= 2) fit -= 1; // widow
        if (fit <= 0) {
          this.newPage();
          continue;
        }
      }
      const n = Math.min(Math.max(fit, 1), left);
      for (let k = 0; k < n; k++, i++) {
        const top = this.y;
        const first = i === 0;
        if (first && onFirst) onFirst(top);
        const lx = first ? xFirst : x;
        this.drawLine(lines[i]!, lx, width - (lx - x), top, style, align);
        this.y += lh;
      }
      if (i < lines.length) this.newPage();
    }
  }
}
