/**
 * Data tables as the PDF draws them: single 0.6 pt borders, a grey header row repeated on every
 * page the table runs onto (w:tblHeader), rows that never split across pages (w:cantSplit), the
 * house style's cell padding, fixed column widths from the content (short columns such as 序号 or
 * a date never wrap, the rest share what is left by how much they would need), per-column
 * alignment from the model (left-aligned text is justified, as in the PDF).
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Align, Inline, TableBlock } from '../../model/types.js';
import { STYLES, TABLE } from '../house-style.js';
import { fitColumns } from '../table-columns.js';
import { inlineRuns, inlineText } from './inlines.js';
import { measureText } from './measure.js';
import { paragraphMark, type References } from './references.js';
import { STYLE_ID } from './style-ids.js';
import { ReusableTable } from './reuse.js';
import { eighths, grayHex, twips } from './units.js';

const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: eighths(TABLE.borderWidth), color: '000000', space: 0 };
const BORDERS = { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule };
const HEADER_FILL = grayHex(TABLE.headerFillGray);
/**
 * The PDF draws a row's rules on its edges, inside its height; Word and LibreOffice add each rule
 * to the rows' height. Half a rule less padding above and below keeps the rows the PDF's height.
 */
const CELL_PAD_Y = twips(TABLE.padY - TABLE.borderWidth / 2);
const ALIGN = { left: AlignmentType.BOTH, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Column widths in points filling `available`, measured as the PDF measures them (src/render/table-columns.ts). */
export function columnWidths(cells: readonly (readonly string[])[], columns: number, available: number): number[] {
  const size = STYLES.table.size;
  const measured = cells.map((row) =>
    row.map((text) => {
      const m = measureText(text);
      return { natural: m.natural * size, min: m.min * size };
    }),
  );
  return fitColumns(measured, columns, available);
}

/** Points to twips, the last column taking the rounding so the sum is exact. */
export function twipWidths(widths: readonly number[], total: number): number[] {
  const out = widths.map((w) => Math.floor(twips(w)));
  if (out.length > 0) out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export interface TablePlace {
  /** Left edge, in points from the margin. */
  readonly x: number;
  readonly width: number;
}

export function contractTable(block: TableBlock, refs: References, place: TablePlace): Table | undefined {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 0);
  if (columns === 0 || (block.header.length === 0 && block.rows.length === 0)) return undefined; // Word refuses a table without rows
  const texts = [block.header, ...block.rows].map((r) => r.map(inlineText));
  const total = twips(place.width);
  const widths = twipWidths(columnWidths(texts, columns, place.width), total);
  // Word keeps rows together through keep-with-next on their paragraphs: as the PDF does, a
  // table of up to TABLE.keepWholeRows body rows stays whole, and a longer one keeps its header
  // with the first rows and never leaves fewer than TABLE.minRowsPerPage rows at its end.
  const bodyRows = block.rows.length;
  const keepsNext = (index: number, header: boolean): boolean => {
    if (header) return bodyRows > 0;
    if (index === bodyRows - 1) return false;
    if (bodyRows <= TABLE.keepWholeRows) return true;
    return index < TABLE.minRowsPerPage - 1 || index >= bodyRows - TABLE.minRowsPerPage;
  };
  const row = (cells: readonly (readonly Inline[])[], header: boolean, index = -1): TableRow => {
    const revision = header ? undefined : block.rowRevisions?.[index];
    const mark = revision === undefined ? {} : revision === 'ins' ? { insertion: refs.revision() } : { deletion: refs.revision() };
    return new TableRow({
      cantSplit: true,
      ...mark,
      ...(header ? { tableHeader: true } : {}),
      children: widths.map(
        (width, c) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(header ? { shading: { fill: HEADER_FILL, color: 'auto', type: ShadingType.CLEAR } } : {}),
            children: [
              new Paragraph({
                style: header ? STYLE_ID.tableHeader : STYLE_ID.tableText,
                ...(keepsNext(index, header) ? { keepNext: true } : {}),
                ...(header ? {} : { alignment: ALIGN[block.align?.[c] ?? ('left' satisfies Align)] }),
                ...paragraphMark(revision, refs),
                children: inlineRuns(cells[c] ?? [], refs),
              }),
            ],
          }),
      ),
    });
  };
  return new ReusableTable({
    rows: [...(block.header.length > 0 ? [row(block.header, true)] : []), ...block.rows.map((r, i) => row(r, false, i))],
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(place.x > 0 ? { indent: { size: twips(place.x), type: WidthType.DXA } } : {}),
    borders: BORDERS,
    margins: { top: CELL_PAD_Y, bottom: CELL_PAD_Y, left: twips(TABLE.padX), right: twips(TABLE.padX) },
  });
}
