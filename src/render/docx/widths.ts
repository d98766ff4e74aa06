/**
 * Column widths that fit the page, derived from content length: a CJK (wide) character
 * counts as two, as it takes twice the width of a Latin letter. Columns whose text fits
 * their fair share keep their natural width; the rest share what is left in proportion.
 */

/** Width of a character in half-width units: 2 for East Asian wide/fullwidth characters. */
function charUnits(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1;
}

/** Display length of a string in half-width units (the widest line when it has several). */
export function displayUnits(text: string): number {
  let widest = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '\n') {
      widest = Math.max(widest, current);
      current = 0;
      continue;
    }
    current += charUnits(ch.codePointAt(0)!);
  }
  return Math.max(widest, current);
}

/**
 * Widths in twips summing to `total` (exactly), for columns whose widest cell measures
 * `units[i]` half-width characters, at `unitTwips` per unit plus `padding` per cell.
 */
export function columnWidths(units: readonly number[], total: number, unitTwips: number, padding: number, minUnits = 2): number[] {
  const n = units.length;
  if (n === 0) return [];
  const natural = units.map((u) => Math.max(u, minUnits) * unitTwips + padding);
  const sum = natural.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (sum <= total) {
    widths = natural.map((w) => (w * total) / sum);
  } else {
    // Give narrow columns their natural width, share the rest among the wide ones.
    const fixed = new Array<boolean>(n).fill(false);
    let remaining = total;
    let changed = true;
    while (changed) {
      changed = false;
      const open = natural.filter((_, i) => !fixed[i]);
      const share = remaining / Math.max(open.length, 1);
      natural.forEach((w, i) => {
        if (!fixed[i] && w <= share) {
          fixed[i] = true;
          remaining -= w;
          changed = true;
        }
      });
    }
    const openSum = natural.reduce((a, w, i) => (fixed[i] ? a : a + w), 0);
    widths = natural.map((w, i) => (fixed[i] ? w : (w * remaining) / openSum));
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[n - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
