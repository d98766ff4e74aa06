/**
 * The house style is in points (src/render/house-style.ts); WordprocessingML measures in
 * twentieths of a point (twips), half-points (type sizes) and eighths of a point (borders).
 */

/** Points to twips (w:ind, w:spacing, w:pgMar, widths). */
export const twips = (pt: number): number => Math.round(pt * 20);

/** Points to half-points (w:sz). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Points to eighths of a point (border w:sz), at least the thinnest line Word draws. */
export const eighths = (pt: number): number => Math.max(2, Math.round(pt * 8));

/** A gray level of the house style (0 black … 1 white) as an RGB hex colour. */
export function grayHex(gray: number): string {
  const byte = Math.round(Math.min(Math.max(gray, 0), 1) * 255)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0');
  return byte.repeat(3);
}
