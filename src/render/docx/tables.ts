/**
 * Data tables: single borders, a header row repeated on every page (w:tblHeader), rows
 * that never split across pages (w:cantSplit), fixed column widths from content length
 * that fit the page, per-column alignment from the model.
 */
import type { Align, Inline, TableBlock } from '../../model/types.js';
import { inlineRuns, inlineText } from './inlines.js';
import { COLORS, SIZE, TEXT_WIDTH } from './layout.js';
import { pPr, type Jc } from './props.js';
import { STYLE } from './styles.js';
import { columnWidths, displayUnits } from './widths.js';

const CELL_MARGIN = 85; // twips, left and right
/** A half-width character at the table's font size, in twips (size is in half-points). */
const UNIT_TWIPS = SIZE.table * 5 + 5;

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${COLORS.tableBorder}"/>`;
const BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
const NO_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="nil"/>`).join('')}</w:tblBorders>`;
const cellMargins = (top: number, side: number) =>
  `<w:tblCellMar><w:top w:w="${top}" w:type="dxa"/><w:left w:w="${side}" w:type="dxa"/><w:bottom w:w="${top}" w:type="dxa"/><w:right w:w="${side}" w:type="dxa"/></w:tblCellMar>`;

/** `<w:tblPr>` and `<w:tblGrid>` of a fixed-layout table across the text width. */
export function tableStart(widths: readonly number[], options: { borders: boolean; top: number; side: number }): string {
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>` +
    (options.borders ? BORDERS : NO_BORDERS) +
    `<w:tblLayout w:type="fixed"/>${cellMargins(options.top, options.side)}` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`
  );
}

export function cell(width: number, content: string, options: { fill?: string; vAlign?: 'center' | 'top' } = {}): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (options.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${options.fill}"/>` : '') +
    (options.vAlign ? `<w:vAlign w:val="${options.vAlign}"/>` : '') +
    `</w:tcPr>${content}</w:tc>`
  );
}

export function contractTable(block: TableBlock): string {
  if (block.header.length === 0 && block.rows.length === 0) return ''; // Word refuses a table without rows
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const units = Array.from({ length: columns }, (_, c) =>
    Math.max(displayUnits(inlineText(block.header[c] ?? [])), ...block.rows.map((r) => displayUnits(inlineText(r[c] ?? [])))),
  );
  const widths = columnWidths(units, TEXT_WIDTH, UNIT_TWIPS, CELL_MARGIN * 2 + 20);
  const row = (cells: readonly (readonly Inline[])[], header: boolean): string => {
    let x = `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
    widths.forEach((width, c) => {
      const paragraph = cellParagraph(cells[c] ?? [], header ? undefined : block.align?.[c], header);
      x += cell(width, paragraph, { vAlign: 'center', ...(header ? { fill: COLORS.tableHeaderFill } : {}) });
    });
    return `${x}</w:tr>`;
  };
  let x = tableStart(widths, { borders: true, top: 30, side: CELL_MARGIN });
  if (block.header.length > 0) x += row(block.header, true);
  for (const r of block.rows) x += row(r, false);
  return `${x}</w:tbl>`;
}

const JC: Readonly<Record<Align, Jc>> = { left: 'left', center: 'center', right: 'right' };

function cellParagraph(inlines: readonly Inline[], align: Align | undefined, header: boolean): string {
  const jc = align && align !== 'left' ? JC[align] : undefined;
  return `<w:p>${pPr({ style: header ? STYLE.tableHeader : STYLE.tableText, ...(jc ? { jc } : {}) })}${inlineRuns(inlines)}</w:p>`;
}
