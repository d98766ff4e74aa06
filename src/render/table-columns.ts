/**
 * How a table's columns share the text width, the same in the PDF and the DOCX: every column
 * gets its natural width when all fit; otherwise each keeps its narrowest width (its longest
 * unbreakable word) and the room left is shared in proportion to how much wider each would
 * like to be. Short columns (序号, 单位) never wrap.
 */
import { TABLE } from './house-style.js';

/** A column whose content is at most this share of the width is never wrapped. */
const SHORT_COLUMN = 0.2;

/** Widths in points filling `available`, from each cell's natural and narrowest text widths (without padding). */
export function fitColumns(cells: readonly (readonly { natural: number; min: number }[])[], columns: number, available: number): number[] {
  const pad = 2 * TABLE.padX;
  const natural = new Array<number>(columns).fill(pad);
  const min = new Array<number>(columns).fill(pad);
  for (const row of cells) {
    row.forEach((m, c) => {
      natural[c] = Math.max(natural[c]!, m.natural + pad);
      min[c] = Math.max(min[c]!, m.min + pad);
    });
  }
  natural.forEach((w, c) => {
    if (w <= available * SHORT_COLUMN) min[c] = w;
  });
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const totalNatural = sum(natural);
  if (totalNatural <= available) return natural.map((w) => (w * available) / totalNatural);
  const totalMin = sum(min);
  if (totalMin >= available) return min.map((w) => (w * available) / totalMin);
  const flex = natural.map((w, c) => w - min[c]!);
  const totalFlex = sum(flex) || 1;
  return min.map((w, c) => w + ((available - totalMin) * flex[c]!) / totalFlex);
}
