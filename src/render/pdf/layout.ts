/**
 * The page model the blocks are laid out into: a list of pages, each a list of drawing
 * operations in points with y growing downwards (pdfkit's page space), plus what the PDF
 * needs beside the content (outline entries, signature field rectangles). Laying out
 * everything first means the page count is known before any header or footer is drawn.
 */
import type { Line } from './line-break.js';
import { CONTENT_BOTTOM, PAGE, REDLINE, SPACING, type FontStyle, type TextStyle } from './style.js';

/** A device RGB colour, each component 0…1. */
export type Rgb = readonly [number, number, number];

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
      /** A colour in place of the gray (a redline's marks). */
      readonly color?: Rgb;
      /** `text` in runs of their own spacing (a justified line's words and numbers are not stretched). */
      readonly runs?: readonly { readonly text: string; readonly spacing: number }[];
      /** Counter-clockwise rotation in degrees. */
      readonly angle?: number;
    }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly width: number; readonly gray: number; readonly color?: Rgb }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill?: number; readonly stroke?: number; readonly width?: number }
  /** The operations of a form (Layout.forms), drawn where this stands. */
  | { readonly kind: 'form'; readonly name: string };

export interface Page {
  readonly ops: Op[];
  /** The running header's left part: the contract's title, or the annex on this page. */
  readonly header: string;
}

/** Where a cross-reference can point: `article:<id>` or `annex:<id>`. */
export type AnchorKey = string;

export interface Anchor {
  readonly page: number;
  /** Top of the heading. */
  readonly y: number;
}

/** A clickable area of a page that jumps to an anchor. */
export interface LinkRect {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly target: AnchorKey;
}

export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  /** Top of the heading. */
  readonly y: number;
  readonly children: OutlineEntry[];
}

export interface SignatureRect {
  /** Unique in the document: 甲方签章, 乙方签章, 甲方签章2 … (what signing tools fill). */
  readonly name: string;
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type LineAlign = 'left' | 'center' | 'right' | 'justify';

export interface LayoutSnapshot {
  readonly pages: number;
  readonly outline: number;
  readonly signatures: number;
  readonly links: number;
  readonly anchors: ReadonlySet<AnchorKey>;
  readonly y: number;
  readonly header: string;
}

const EPS = 0.01;

/** Baseline of a line whose box starts at `top`: the em box centred in the line height. */
export const baselineOf = (top: number, style: TextStyle): number => top + (style.lineHeight - style.size) / 2 + style.size * 0.88;

export class Layout {
  readonly pages: Page[] = [];
  readonly outline: OutlineEntry[] = [];
  readonly signatures: SignatureRect[] = [];
  readonly anchors = new Map<AnchorKey, Anchor>();
  readonly links: LinkRect[] = [];
  /**
   * Operations drawn once, in a form XObject, that pages draw by name: what differs from one
   * contract to the next on pages that are otherwise the same (the contract number in the running
   * header), so that those pages' content is the same in every contract (index.ts keeps it
   * compressed).
   */
  readonly forms = new Map<string, readonly Op[]>();
  y: number = PAGE.marginTop;
  /** The running header of pages started from now on. */
  header: string;

  constructor(header = '') {
    this.header = header;
    this.newPage();
  }

  get page(): number {
    return this.pages.length - 1;
  }

  get atTop(): boolean {
    return this.y <= PAGE.marginTop + EPS;
  }

  /**
   * A page whose text area ends higher than the others (see shortenPage): when the last page of
   * an annex would hold only a line or two, the page before gives some of its lines to it.
   */
  private short: { readonly page: number; readonly by: number } | undefined;

  get bottom(): number {
    return this.short !== undefined && this.short.page === this.page ? CONTENT_BOTTOM - this.short.by : CONTENT_BOTTOM;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  /** Height available on an empty page. */
  static get pageHeight(): number {
    return CONTENT_BOTTOM - PAGE.marginTop;
  }

  fits(h: number): boolean {
    return h <= this.remaining + EPS;
  }

  newPage(): void {
    this.pages.push({ ops: [], header: this.header });
    this.y = PAGE.marginTop;
  }

  /** Record where a heading that references may point at starts (the first record wins). */
  anchor(key: AnchorKey, y = this.y): void {
    if (!this.anchors.has(key)) this.anchors.set(key, { page: this.page, y });
  }

  /** Start a new page unless `h` fits here (or the page is still empty). */
  ensure(h: number): void {
    if (!this.fits(h) && !this.atTop) this.newPage();
  }

  /** Vertical space, dropped at the top of a page. */
  space(h: number): void {
    if (!this.atTop) this.y = Math.min(this.y + h, this.bottom);
  }

  /** Everything laid out so far, to lay a part out again from here (restore). */
  snapshot(): LayoutSnapshot {
    return { pages: this.pages.length, outline: this.outline.length, signatures: this.signatures.length, links: this.links.length, anchors: new Set(this.anchors.keys()), y: this.y, header: this.header };
  }

  restore(s: LayoutSnapshot): void {
    this.pages.length = s.pages;
    this.outline.length = s.outline;
    this.signatures.length = s.signatures;
    this.links.length = s.links;
    for (const key of [...this.anchors.keys()]) if (!s.anchors.has(key)) this.anchors.delete(key);
    this.y = s.y;
    this.header = s.header;
  }

  /** End page `page`'s text area `by` points early (until cleared with undefined). */
  shortenPage(short: { readonly page: number; readonly by: number } | undefined): void {
    this.short = short;
  }

  add(op: Op): void {
    this.pages[this.page]!.ops.push(op);
  }

  /** Draw one broken line with its box starting at `top`, in [x, x + width]. */
  drawLine(line: Line, x: number, width: number, top: number, style: TextStyle, align: LineAlign, gray = 0): void {
    const y = baselineOf(top, style);
    let spacing = 0;
    let start = x;
    if (align === 'justify' && !line.hard && line.gaps > 0) {
      const s = (width - line.width) / line.gaps;
      if (s > 0 && s <= SPACING.maxJustifyEm * style.size) spacing = s;
    } else if (align === 'center') start = x + (width - line.width) / 2;
    else if (align === 'right') start = x + width - line.width;
    for (const piece of line.pieces) {
      const advance = piece.width + piece.flexible * spacing;
      if (piece.text.trim() !== '') {
        const color = piece.mark ? REDLINE[piece.mark].color : undefined;
        // Words and numbers inside a justified line keep their own spacing.
        const runs = spacing > 0 && piece.runs.some((r) => r.rigid) ? { runs: piece.runs.map((r) => ({ text: r.text, spacing: r.rigid ? 0 : spacing })) } : {};
        this.add({ kind: 'text', font: piece.style, size: style.size, x: start, y, text: piece.text, spacing, gray, ...runs, ...(color ? { color } : {}) });
      }
      if (piece.mark !== undefined) {
        // Insertions underlined, deletions struck through, as Word shows tracked changes.
        const mark = REDLINE[piece.mark];
        const lineY = y + mark.offsetEm * style.size;
        const end = start + advance - (piece === line.pieces.at(-1) ? spacing : 0);
        this.add({ kind: 'line', x1: start, y1: lineY, x2: end, y2: lineY, width: mark.width, gray: 0, color: mark.color });
      }
      if (piece.link !== undefined) this.links.push({ page: this.page, x: start, y: top, w: advance, h: style.lineHeight, target: piece.link });
      start += advance;
    }
  }

  /**
   * Place paragraph lines at the cursor, moving to new pages as needed: no single first line
   * left at the foot of a page (orphan) and no single last line carried to the next (widow).
   * `xFirst` is where the first line starts (first-line indent or after a label). `keepAfter`:
   * the height of what must follow the last lines on their page (the signature block after the
   * last clause): the paragraph's last two lines go with it.
   */
  placeLines(lines: readonly Line[], x: number, width: number, xFirst: number, style: TextStyle, align: LineAlign, onFirst?: (top: number) => void, keepAfter = 0): void {
    const lh = style.lineHeight;
    const n = lines.length;
    let i = 0;
    while (i < n) {
      let fit = Math.floor((this.remaining + EPS) / lh);
      const left = n - i;
      if (fit >= left && keepAfter > 0 && !this.atTop && !this.fits(left * lh + keepAfter)) {
        // All that is left fits, but not with what must follow: the last lines go with it,
        // unless the whole paragraph and what follows cannot share a page anyway.
        const carry = Math.min(left, 2);
        if (carry * lh + keepAfter <= Layout.pageHeight) fit = left - carry;
        if (i === 0 && fit > 0 && fit < 2) fit = 0; // orphan
      } else if (fit < left && !this.atTop) {
        if (left - fit === 1) fit -= 1; // widow: the last line never goes alone
        if (i === 0 && fit < 2) fit = 0; // orphan: nor the first line stays alone
      }
      if (fit <= 0 && !this.atTop) {
        this.newPage();
        continue;
      }
      const count = Math.min(Math.max(fit, 1), left);
      for (let k = 0; k < count; k++, i++) {
        const top = this.y;
        const first = i === 0;
        if (first && onFirst) onFirst(top);
        const lx = first ? xFirst : x;
        this.drawLine(lines[i]!, lx, width - (lx - x), top, style, align);
        this.y += lh;
      }
      if (i < n) this.newPage();
    }
  }
}
