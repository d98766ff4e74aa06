/**
 * The signature block as the PDF lays it out (src/render/pdf/signatures.ts): two parties side by
 * side, each field a row so both parties' fields line up, `甲方（盖章）：name` first, then
 * `label：value`, or `label：` and a line to sign, seal or date on. The lines are cell borders,
 * never typed underscores, each with a row's height of room above it (the hand-filled lines of a
 * party at least 3 cm together). A short label has its line beside it (label and line cells); a
 * long one has the line below it across the column. A value or name that would wrap beside its
 * label starts on the line below it instead, so a company name is never broken mid-name. Rows
 * never split and every paragraph keeps with the next, so the block stays on one page; the
 * paragraph before it is kept with it (flow.ts). In a sample form the lines are dotted.
 */
import { BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, type IBorderOptions, type ITableCellBorders } from 'docx';
import type { SignatureParty, SignaturesBlock } from '../../model/types.js';
import { SIGNATURE, SIGNING_ROOM, STYLES } from '../house-style.js';
import { textRuns } from './inlines.js';
import { textEm } from './measure.js';
import { STYLE_ID } from './style-ids.js';
import { twipWidths, type TablePlace } from './tables.js';
import { ReusableTable } from './reuse.js';
import { eighths, twips } from './units.js';

const style = STYLES.signature;
const size = style.size;

type Row =
  | { readonly kind: 'text'; readonly label: string; readonly bold: boolean; readonly value: string; readonly below: boolean; readonly lines: number }
  | { readonly kind: 'blank'; readonly label: string; readonly below: boolean; height: number };

/** Fields where a hand signature or seal goes (as the PDF counts them). */
const isSigning = (label: string): boolean => /签|章/.test(label);

const widthOf = (text: string): number => textEm(text) * size;

/** Lines a text takes in a column, breaking anywhere (Chinese). */
const linesOf = (text: string, width: number): number => Math.max(1, Math.ceil(widthOf(text) / Math.max(width, size)));

function rowsOf(party: SignatureParty, width: number): Row[] {
  const textRow = (label: string, bold: boolean, value: string): Row => {
    const labelWidth = widthOf(label);
    const valueWidth = widthOf(value);
    // A value that would wrap beside its label but fits a line of its own goes below it.
    const below = width - labelWidth < width / 3 || (valueWidth > width - labelWidth && valueWidth <= width);
    return { kind: 'text', label, bold, value, below, lines: (below ? 1 : 0) + linesOf(value, below ? width : width - labelWidth) };
  };
  const rows: Row[] = [textRow(`${party.role}（盖章）：`, true, party.name)];
  for (const field of party.fields) {
    const label = `${field.label}：`;
    if (field.value !== null) rows.push(textRow(label, false, field.value));
    else {
      const below = width - widthOf(label) < SIGNATURE.minBlankWidth;
      rows.push({ kind: 'blank', label, below, height: SIGNATURE.blankLineHeight + (below ? style.lineHeight : 0) });
    }
  }
  // Room to sign and seal: the hand-filled lines of a party together at least SIGNING_ROOM high.
  const blanks = rows.filter((r): r is Extract<Row, { kind: 'blank' }> => r.kind === 'blank');
  const room = blanks.reduce((h, r) => h + r.height, 0);
  const last = blanks.filter((r) => isSigning(r.label)).at(-1) ?? blanks.at(-1);
  if (last && room < SIGNING_ROOM) last.height += SIGNING_ROOM - room;
  return rows;
}

const rowHeight = (row: Row): number => (row.kind === 'blank' ? row.height : row.lines * style.lineHeight);

interface Grid {
  /** Twips of the label column (0: no line beside a label), the whole party column, the gap. */
  readonly label: number;
  readonly column: number;
  readonly gap: number;
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const paragraph = (children: ReturnType<typeof textRuns>) => new Paragraph({ style: STYLE_ID.signature, children });

function cell(width: number, span: number, children: Paragraph[], options: { line?: IBorderOptions; align?: 'top' | 'bottom' } = {}): TableCell {
  const borders: ITableCellBorders = options.line ? { bottom: options.line } : {};
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(span > 1 ? { columnSpan: span } : {}),
    verticalAlign: options.align === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
    borders,
    children: children.length > 0 ? children : [paragraph([])],
  });
}

/** The cells of one party's row: one across its column, or a label cell and a line cell. */
function partyCells(row: Row | undefined, grid: Grid, line: IBorderOptions): TableCell[] {
  const span = grid.label > 0 ? 2 : 1;
  if (row === undefined) return [cell(grid.column, span, [])];
  if (row.kind === 'text') {
    const label = textRuns(row.label, row.bold ? { bold: true, boldComplexScript: true } : {});
    const value = textRuns(row.value);
    const runs = row.below ? [...label, ...textRuns('\n'), ...value] : [...label, ...value];
    return [cell(grid.column, span, [paragraph(runs)])];
  }
  if (row.below || grid.label === 0) return [cell(grid.column, span, [paragraph(textRuns(row.label))], { line, align: 'top' })];
  return [cell(grid.label, 1, [paragraph(textRuns(row.label))], { align: 'bottom' }), cell(grid.column - grid.label, 1, [paragraph([])], { line, align: 'bottom' })];
}

export function signaturesTable(block: SignaturesBlock, place: TablePlace & { readonly sample: boolean }): Table {
  const width = (place.width - SIGNATURE.columnGap) / 2;
  const line: IBorderOptions = { style: place.sample ? BorderStyle.DOTTED : BorderStyle.SINGLE, size: eighths(SIGNATURE.ruleWidth), color: '000000', space: 0 };
  const pairs: SignatureParty[][] = [];
  for (let i = 0; i < block.parties.length; i += 2) pairs.push(block.parties.slice(i, i + 2));
  if (pairs.length === 0) pairs.push([]);
  const laidOut = pairs.map((pair) => pair.map((p) => rowsOf(p, width)));
  // The label column: as wide as the widest label that has its line beside it, plus the gap the PDF leaves.
  const besideLabels = laidOut.flat(2).filter((r) => r.kind === 'blank' && !r.below);
  const labelWidth = besideLabels.length > 0 ? Math.max(...besideLabels.map((r) => widthOf(r.label))) + 2 : 0;
  const [column, gap] = twipWidths([width, SIGNATURE.columnGap], twips(width + SIGNATURE.columnGap));
  const grid: Grid = { label: labelWidth > 0 ? twips(labelWidth) : 0, column: column!, gap: gap! };
  const partyGrid = grid.label > 0 ? [grid.label, grid.column - grid.label] : [grid.column];
  const columnWidths = [...partyGrid, grid.gap, ...partyGrid];

  const rows: TableRow[] = [];
  laidOut.forEach((parties) => {
    const count = Math.max(...parties.map((r) => r.length), 1);
    for (let k = 0; k < count; k++) {
      const cells = [parties[0]?.[k], parties[1]?.[k]];
      const height = Math.max(...cells.map((r) => (r ? rowHeight(r) : 0)));
      const hasBlank = cells.some((r) => r?.kind === 'blank');
      rows.push(
        new TableRow({
          cantSplit: true,
          ...(hasBlank ? { height: { value: twips(height), rule: HeightRule.ATLEAST } } : {}),
          children: [...partyCells(cells[0], grid, line), cell(grid.gap, 1, []), ...partyCells(cells[1], grid, line)],
        }),
      );
    }
  });
  return new ReusableTable({
    rows,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    ...(place.x > 0 ? { indent: { size: twips(place.x), type: WidthType.DXA } } : {}),
    borders: NO_BORDERS,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}
