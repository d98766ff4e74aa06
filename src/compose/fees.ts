import type { ContractParams, FeeCategory } from '../params/types.js';
import { FEE_CATEGORIES } from '../params/types.js';
import { FEE_CATEGORY_LABELS } from './labels.js';
import { Dec, toFen } from './money.js';

export interface FeeLine {
  readonly no: number;
  readonly name: string;
  readonly category: FeeCategory;
  readonly categoryLabel: string;
  readonly unit: string;
  readonly unitPrice: string;
  readonly quantity: string;
  readonly subtotal: string;
}

/** An amount split into 不含税金额, 税额 and 价税合计 (net + tax = gross exactly). */
/** An amount split for VAT. */
export interface TaxedAmount {
  /** 不含税金额 */
  readonly net: string;
  /** 增值税税额 */
  readonly tax: string;
  /** 价税合计 */
  readonly gross: string;
}

export interface FeeSummary {
  readonly lines: readonly FeeLine[];
  /** Decimals every unit price of the schedule prints with: the most any price has, at least 2. */
  readonly priceScale: number;
  readonly categories: readonly { readonly key: FeeCategory; readonly label: string; readonly subtotal: string; readonly recurring: boolean }[];
  /** Sum of the rounded line subtotals, as priced (with or without tax). */
  readonly total: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  /** Every line except 一次性费用, as priced: the estimated monthly bill. */
  readonly monthlyRecurring: string;
  readonly oneTime: string;
  /** The estimated monthly bill (月度服务费用), split for tax. */
  readonly monthly: TaxedAmount;
  /** The one-time fees, split for tax. */
  readonly oneTimeTaxed: TaxedAmount;
  /** Months of the initial term. */
  readonly termMonths: number;
  /** The estimated value of the whole initial term: monthly × months + one-time fees. */
  readonly term: TaxedAmount;
  /** Twelve estimated monthly bills (the fallback base of a liability cap in fees). */
  readonly twelveMonths: TaxedAmount;
}

/** Splits an amount priced with or without tax into net, tax and gross, each to the fen. */
function taxed(asPriced: Dec, rate: Dec, pricesIncludeTax: boolean): { net: Dec; tax: Dec } {
  if (pricesIncludeTax) {
    const net = toFen(asPriced.dividedBy(rate.plus(1)));
    return { net, tax: asPriced.minus(net) };
  }
  return { net: asPriced, tax: toFen(asPriced.times(rate)) };
}

const fixed = (a: { net: Dec; tax: Dec }): TaxedAmount => ({ net: a.net.toFixed(2), tax: a.tax.toFixed(2), gross: a.net.plus(a.tax).toFixed(2) });

/**
 * The fee schedule's figures. Each line rounds half-up to the fen; a total is the sum of the
 * rounded subtotals (what the invoice shows), never a rounding of the unrounded sum. Tax is
 * split out of (or added to) a monthly bill once, so 不含税金额 + 税额 = 价税合计 exactly, and
 * the term's figures are whole multiples of the month's, so they add up too.
 */
export function computeFees(fees: ContractParams['fees'], termYears = 1): FeeSummary {
  const lines: FeeLine[] = fees.items.map((item, index) => ({
    no: index + 1,
    name: item.name,
    category: item.category,
    categoryLabel: FEE_CATEGORY_LABELS[item.category],
    unit: item.unit,
    unitPrice: item.unitPrice,
    quantity: item.quantity,
    subtotal: toFen(new Dec(item.unitPrice).times(item.quantity)).toFixed(2),
  }));
  const sumOf = (selected: readonly FeeLine[]) => selected.reduce((sum, line) => sum.plus(line.subtotal), new Dec(0));
  const categories = FEE_CATEGORIES.flatMap((key) => {
    const inCategory = lines.filter((line) => line.category === key);
    return inCategory.length === 0
      ? []
      : [{ key, label: FEE_CATEGORY_LABELS[key], subtotal: sumOf(inCategory).toFixed(2), recurring: key !== 'oneTime' }];
  });
  const rate = new Dec(fees.taxRate).dividedBy(100);
  const total = sumOf(lines);
  const oneTime = sumOf(lines.filter((line) => line.category === 'oneTime'));
  const recurring = total.minus(oneTime);
  const all = taxed(total, rate, fees.pricesIncludeTax);
  const month = taxed(recurring, rate, fees.pricesIncludeTax);
  const once = taxed(oneTime, rate, fees.pricesIncludeTax);
  const termMonths = termYears * 12;
  const times = (a: { net: Dec; tax: Dec }, n: number) => ({ net: a.net.times(n), tax: a.tax.times(n) });
  const wholeTerm = times(month, termMonths);
  return {
    lines,
    priceScale: Math.max(2, ...fees.items.map((item) => new Dec(item.unitPrice).decimalPlaces())),
    categories,
    total: total.toFixed(2),
    ...fixed(all),
    monthlyRecurring: recurring.toFixed(2),
    oneTime: oneTime.toFixed(2),
    monthly: fixed(month),
    oneTimeTaxed: fixed(once),
    termMonths,
    term: fixed({ net: wholeTerm.net.plus(once.net), tax: wholeTerm.tax.plus(once.tax) }),
    twelveMonths: fixed(times(month, 12)),
  };
}
