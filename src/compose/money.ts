import { Decimal } from 'decimal.js';

/**
 * Exact decimal arithmetic for money. A private Decimal constructor keeps the precision and
 * rounding settings from leaking into (or being changed by) other users of decimal.js.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
export type DecimalValue = Decimal.Value;

/** Round half-up to the fen (0.01), as invoices do. */
export function toFen(value: DecimalValue): Dec {
  return new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** 12345.6 -> "12,345.60" (no currency sign). */
export function groupedAmount(value: DecimalValue): string {
  const fixed = toFen(value).toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

/** 12345.6 -> "¥12,345.60" */
export function formatMoney(value: DecimalValue): string {
  const text = groupedAmount(value);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/**
 * A unit price as written but with at least two decimals (or `scale`, for a column): 0.12 -> ¥0.12, 0.125 -> ¥0.125,
 * 200 -> ¥200.00. Unit prices may carry a third decimal; rounding them would misstate the price.
 */
export function formatUnitPrice(value: DecimalValue, scale?: number): string {
  const d = new Dec(value);
  // A column of prices prints every price with the same number of decimals (`scale`), never fewer than the price has.
  const places = Math.max(2, d.decimalPlaces(), scale ?? 0);
  const [whole = '0', fraction = ''] = d.toFixed(places).split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** A quantity as written, grouped: 50000 -> 50,000; 1.5 -> 1.5. */
export function formatQuantity(value: DecimalValue): string {
  const [whole = '0', fraction] = new Dec(value).toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A decimal in its shortest exact form: "99.90" -> "99.9", "43.200" -> "43.2". */
export function plainDecimal(value: DecimalValue): string {
  return new Dec(value).toFixed();
}
