/**
 * Tables drawn as grids. Column widths come from the content (natural and narrowest widths of
 * each column, fitted to the column the table sits in); cells wrap with the Chinese line
 * breaker; the header row repeats on every page the table runs onto; a row is never split
 * unless it is taller than a page, and then its lines continue on the next page (nothing is
 * ever cut).
 */
import { fitColumns } from '../table-columns.js';
import type { Align, TableBlock } from '../../model/types.js';
import type { Ctx } from './context.js';
import { toRuns } from './inlines.js';
import { baselineOf, Layout } from './layout.js';
import { breakLines, measureRuns, type Line, type Run } from './line-break.js';
import { loadFont } from './font.js';
import { MeasuredByBlock } from './measured.js';
import { SPACING, STYLES, TABLE } from './style.js';

interface Row {
  readonly cells: readonly (readonly Line[])[];
  readonly lines: number;
  readonly header: boolean;
}

const style = STYLES.table;
export function columnWidths(cells: readonly (readonly (readonly Run[])[])[], columns: number, available: number): number[] {
  return fitColumns(cells.map((row) => row.map((runs) => measureRuns(runs, style.size))), columns, available);
}

/** A table of at most this many body rows is never split (when it fits a page at all). */
export const KEEP_WHOLE_ROWS = TABLE.keepWholeRows;
/** A longer table leaves at least this many body rows on each side of a page break. */
const MIN_ROWS_PER_PAGE = TABLE.minRowsPerPage;

interface Prepared {
  readonly widths: readonly number[];
  readonly header: Row | undefined;
  readonly rows: readonly Row[];
  readonly columns: number;
}

/** A table is measured once per column width (a heading before it measures it first; measured.ts). */
const prepared = new MeasuredByBlock<TableBlock, { readonly table: Prepared | undefined }>();

function prepare(block: TableBlock, ctx: Ctx): Prepared | undefined {
  const key = `${ctx.width}|${loadFont('regular').key}|${loadFont('bold').key}`;
  return (prepared.get(block, key) ?? prepared.set(block, key, { table: measureTable(block, ctx) })).table;
}

function measureTable(block: TableBlock, ctx: Ctx): Prepared | undefined {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  if (columns === 0) return undefined;
  const headerRuns = block.header.map((c) => toRuns(c, 'bold'));
  const bodyRuns = block.rows.map((r) => r.map((c) => toRuns(c)));
  const widths = columnWidths([headerRuns, ...bodyRuns], columns, ctx.width);
  const makeRow = (runs: readonly (readonly Run[])[], header: boolean): Row => {
    const cells = widths.map((w, c) => breakLines(runs[c] ?? [], style.size, w - 2 * TABLE.padX, w - 2 * TABLE.padX));
    return { cells, lines: Math.max(...cells.map((l) => l.length)), header };
  };
  return {
    widths,
    header: headerRuns.length > 0 ? makeRow(headerRuns, true) : undefined,
    rows: bodyRuns.map((r) => makeRow(r, false)),
    columns,
  };
}

const heightOf = (lines: number): number => lines * style.lineHeight + 2 * TABLE.padY;

/** What a heading or an introduction keeps with a table: all of a short table, else its header and first rows. */
export function tableLeadHeight(block: TableBlock, ctx: Ctx): number {
  const t = prepare(block, ctx);
  if (t === undefined) return 0;
  const header = t.header ? heightOf(t.header.lines) : 0;
  const rows = t.rows.map((r) => heightOf(r.lines));
  const whole = header + rows.reduce((a, b) => a + b, 0);
  const lead = t.rows.length <= KEEP_WHOLE_ROWS && whole <= Layout.pageHeight ? whole : header + rows.slice(0, MIN_ROWS_PER_PAGE).reduce((a, b) => a + b, 0);
  return SPACING.tableBefore + Math.min(lead, Layout.pageHeight);
}

/**
 * Draw a table. A table of up to 12 body rows is never split; a longer one breaks between
 * rows only, leaving at least two body rows on each side (so a total row is never alone under
 * a repeated header), with the header on every page. `keepAfter`: the height that must follow
 * the last rows on their page.
 */
export function renderTable(layout: Layout, block: TableBlock, ctx: Ctx, keepAfter = 0): void {
  const t = prepare(block, ctx);
  if (t === undefined) return;
  const { widths, header, rows } = t;
  const headerHeight = header ? heightOf(header.lines) : 0;
  const heights = rows.map((r) => heightOf(r.lines));
  const total = headerHeight + heights.reduce((a, b) => a + b, 0);
  const align = (c: number, row: Row): Align => (row.header ? 'center' : (block.align?.[c] ?? 'left'));

  const draw = (row: Row, from: number, count: number): void => {
    const h = heightOf(count);
    let x = ctx.x;
    widths.forEach((w, c) => {
      if (row.header) layout.add({ kind: 'rect', x, y: layout.y, w, h, fill: TABLE.headerFillGray });
      layout.add({ kind: 'rect', x, y: layout.y, w, h, stroke: 0, width: TABLE.borderWidth });
      const lines = row.cells[c]!.slice(from, from + count);
      lines.forEach((line, i) => {
        const top = layout.y + TABLE.padY + i * style.lineHeight;
        const a = align(c, row);
        layout.drawLine(line, x + TABLE.padX, w - 2 * TABLE.padX, top, style, a === 'left' ? 'justify' : a);
      });
      x += w;
    });
    layout.y += h;
  };
  const newPageWithHeader = (): void => {
    layout.newPage();
    if (header) draw(header, 0, header.lines);
  };
  const sum = (from: number, to: number): number => heights.slice(from, to).reduce((a, b) => a + b, 0);

  layout.space(SPACING.tableBefore);
  const n = rows.length;
  if (n <= KEEP_WHOLE_ROWS && total <= Layout.pageHeight) {
    layout.ensure(total + keepAfter <= Layout.pageHeight ? total + keepAfter : total);
  } else {
    // The first page takes the header and at least two rows.
    const start = headerHeight + sum(0, MIN_ROWS_PER_PAGE);
    if (start <= Layout.pageHeight) layout.ensure(start);
  }
  if (header) draw(header, 0, header.lines);
  let onPage = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    const h = heights[r]!;
    let breakHere = !layout.fits(h) && onPage > 0;
    if (!breakHere && n > KEEP_WHOLE_ROWS && r === n - MIN_ROWS_PER_PAGE && onPage >= MIN_ROWS_PER_PAGE) {
      // The last rows go together (and with what must follow them): never one row alone.
      const tail = sum(r, n);
      if (!layout.fits(tail + keepAfter) && headerHeight + tail + keepAfter <= Layout.pageHeight) breakHere = true;
      else if (!layout.fits(tail) && headerHeight + tail <= Layout.pageHeight) breakHere = true;
    }
    if (!breakHere && !layout.fits(h) && onPage === 0 && !layout.atTop && headerHeight + h <= Layout.pageHeight) breakHere = true;
    if (breakHere) {
      newPageWithHeader();
      onPage = 0;
    }
    // A row taller than a page: its lines continue on the next pages, under the header again.
    let from = 0;
    let fresh = false;
    while (from < row.lines) {
      const fit = Math.floor((layout.remaining - 2 * TABLE.padY) / style.lineHeight + 1e-6);
      if (fit <= 0 && !fresh) {
        newPageWithHeader();
        fresh = true;
        continue;
      }
      const count = Math.min(Math.max(fit, 1), row.lines - from);
      draw(row, from, count);
      from += count;
      fresh = false;
      if (from < row.lines) {
        newPageWithHeader();
        fresh = true;
      }
    }
    onPage++;
  }
  layout.space(SPACING.tableAfter);
}
