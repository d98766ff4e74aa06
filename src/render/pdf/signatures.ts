/**
 * The signature block: one column per party (two per row), `甲方（盖章）：name` then each field
 * as `label：value`, or `label：` and a drawn line to fill in by hand. Never split across pages.
 * The blank of each party's signature line (法定代表人或授权代表（签字）) becomes an AcroForm
 * signature field: over the empty space above the rule, never over a printed name or label.
 */
import type { SignatureParty, SignaturesBlock } from '../../model/types.js';
import type { Ctx } from './context.js';
import { baselineOf, Layout } from './layout.js';
import { breakLines, type Line } from './line-break.js';
import { textWidth } from './measure.js';
import { SIGNATURE, SPACING, STYLES } from './style.js';

const style = STYLES.signature;

type Row =
  | {
      readonly kind: 'text';
      readonly label: string;
      readonly bold: boolean;
      readonly labelWidth: number;
      /** The value wraps beside the label, or starts on the line below a long label. */
      readonly below: boolean;
      readonly lines: readonly Line[];
      readonly signing: boolean;
    }
  | { readonly kind: 'blank'; readonly label: string; readonly labelWidth: number; readonly below: boolean; readonly signing: boolean };

/** Fields where a hand signature or seal goes: they make up the signature field's area. */
const isSigning = (label: string): boolean => /签|章/.test(label);

function rowsOf(party: SignatureParty, width: number): Row[] {
  const textRow = (label: string, bold: boolean, value: string, signing: boolean): Row => {
    const labelWidth = textWidth(bold ? 'bold' : 'regular', label, style.size);
    const valueWidth = textWidth('regular', value, style.size);
    // A value that would wrap beside its label but fits a line of its own goes below it.
    const below = width - labelWidth < width / 3 || (valueWidth > width - labelWidth && valueWidth <= width);
    const w = below ? width : width - labelWidth;
    return { kind: 'text', label, bold, labelWidth, below, lines: breakLines([{ text: value, style: 'regular' }], style.size, w, w), signing };
  };
  const rows: Row[] = [textRow(`${party.role}（盖章）：`, true, party.name, false)];
  for (const field of party.fields) {
    const label = `${field.label}：`;
    const signing = isSigning(field.label);
    if (field.value !== null) rows.push(textRow(label, false, field.value, signing));
    else {
      const labelWidth = textWidth('regular', label, style.size);
      rows.push({ kind: 'blank', label, labelWidth, below: width - labelWidth < SIGNATURE.minBlankWidth, signing });
    }
  }
  return rows;
}

function rowHeight(row: Row): number {
  if (row.kind === 'text') return (row.lines.length + (row.below ? 1 : 0)) * style.lineHeight;
  return (row.signing ? SIGNATURE.signingLineHeight : SIGNATURE.blankLineHeight) + (row.below ? style.lineHeight : 0);
}

/** The empty area of a blank row whose top is `top`: right of (or below) its label, above the rule. */
function blankArea(row: Extract<Row, { kind: 'blank' }>, x: number, top: number, width: number): { x: number; y: number; w: number; h: number } {
  const lineTop = top + rowHeight(row) - style.lineHeight;
  const ruleY = baselineOf(lineTop, style) + 2;
  const left = row.below ? x : x + row.labelWidth + 2;
  const areaTop = row.below ? top + style.lineHeight : top;
  return { x: left, y: areaTop, w: x + width - left, h: ruleY - SIGNATURE.ruleWidth - areaTop };
}

const columnWidth = (ctx: Ctx): number => (ctx.width - SIGNATURE.columnGap) / 2;

function pairs(parties: readonly SignatureParty[]): SignatureParty[][] {
  const out: SignatureParty[][] = [];
  for (let i = 0; i < parties.length; i += 2) out.push(parties.slice(i, i + 2));
  return out;
}

/** Row heights of a pair of parties, the k-th rows of both side by side. */
function pairRows(pair: readonly SignatureParty[], width: number): { rows: Row[][]; heights: number[] } {
  const rows = pair.map((p) => rowsOf(p, width));
  const heights: number[] = [];
  const count = Math.max(...rows.map((r) => r.length));
  for (let k = 0; k < count; k++) {
    heights.push(Math.max(...rows.map((r) => { const row = r[k]; return row ? rowHeight(row) : 0; })));
  }
  return { rows, heights };
}

const pairHeight = (pair: readonly SignatureParty[], width: number): number => pairRows(pair, width).heights.reduce((a, b) => a + b, 0);

/** Height of the whole block, without the space before it. */
export function signaturesHeight(block: SignaturesBlock, ctx: Ctx): number {
  const w = columnWidth(ctx);
  return pairs(block.parties).reduce((h, pair) => h + pairHeight(pair, w), 0);
}

export function renderSignatures(layout: Layout, block: SignaturesBlock, ctx: Ctx): void {
  const width = columnWidth(ctx);
  const total = signaturesHeight(block, ctx);
  layout.space(SPACING.signaturesBefore);
  if (total <= Layout.pageHeight) layout.ensure(total);
  for (const pair of pairs(block.parties)) {
    const { rows, heights } = pairRows(pair, width);
    const height = heights.reduce((a, b) => a + b, 0);
    layout.ensure(height);
    const top = layout.y;
    pair.forEach((party, i) => {
      const x = ctx.x + i * (width + SIGNATURE.columnGap);
      let y = top;
      let field: { x: number; y: number; w: number; h: number } | undefined;
      rows[i]!.forEach((row, k) => {
        // Text at the top of its slot, a line to fill in at its foot.
        const rowTop = row.kind === 'blank' ? y + heights[k]! - rowHeight(row) : y;
        drawRow(layout, row, x, rowTop, width);
        if (row.kind === 'blank' && row.signing && field === undefined) field = blankArea(row, x, rowTop, width);
        y += heights[k]!;
      });
      if (!ctx.sign || field === undefined) return;
      // Field names must be unique in the document (the NDA and the change agreement sign too),
      // or a signing tool treats the blocks as one field.
      const taken = new Set(layout.signatures.map((s) => s.name));
      let name = `${party.role}签章`;
      for (let k = 2; taken.has(name); k++) name = `${party.role}签章${k}`;
      layout.signatures.push({ name, page: layout.page, ...field });
    });
    layout.y = top + height;
  }
}

function drawRow(layout: Layout, row: Row, x: number, top: number, width: number): void {
  const font = row.kind === 'text' && row.bold ? 'bold' : 'regular';
  if (row.kind === 'text') {
    layout.add({ kind: 'text', font, size: style.size, x, y: baselineOf(top, style), text: row.label, spacing: 0, gray: 0 });
    const tx = row.below ? x : x + row.labelWidth;
    const first = row.below ? top + style.lineHeight : top;
    row.lines.forEach((line, i) => layout.drawLine(line, tx, x + width - tx, first + i * style.lineHeight, style, 'left'));
    return;
  }
  // A line to fill in by hand, its baseline at the foot of the row.
  const lineTop = top + rowHeight(row) - style.lineHeight;
  const labelTop = row.below ? top : lineTop;
  layout.add({ kind: 'text', font, size: style.size, x, y: baselineOf(labelTop, style), text: row.label, spacing: 0, gray: 0 });
  const ruleY = baselineOf(lineTop, style) + 2;
  const from = row.below ? x : x + row.labelWidth + 2;
  layout.add({ kind: 'line', x1: from, y1: ruleY, x2: x + width, y2: ruleY, width: SIGNATURE.ruleWidth, gray: 0 });
}
