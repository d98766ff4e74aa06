/** Dates are ISO `YYYY-MM-DD` strings, validated upstream; all arithmetic in UTC. */

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 2025-03-01 -> 2025年3月1日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
}

/** The last day of a term of `years` starting on `iso`: 2025-03-01 + 2y -> 2027-02-28. */
export function termEndDate(iso: string, years: number): string {
  const [y, m, d] = parts(iso);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 2024-02-29 + 1 year: no Feb 29 in 2025, so the term runs to Feb 28 (Date rolls to Mar 1).
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Number of days from `from` (inclusive) to `to` (exclusive). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
