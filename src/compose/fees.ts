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

export interface FeeSummary {
  readonly lines: readonly FeeLine[];
  readonly categories: readonly { readonly key: FeeCategory; readonly label: string; readonly subtotal: string }[];
  readonly total: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
  readonly monthlyRecurring: string;
  readonly oneTime: string;
}

/**
 * The fee schedule's figures. Each line rounds half-up to the fen; the total is the sum of
 * the rounded subtotals (what the invoice shows), never a rounding of the unrounded sum.
 * Tax is split out of (or added to) the total once, so 不含税金额 + 税额 = 价税合计 exactly.
 */
export function computeFees(fees: ContractParams['fees']): FeeSummary {
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
  const sumOf = (selected: readonly FeeLine[]) =>
    selected.reduce((sum, line) => sum.plus(line.subtotal), new Dec(0));
  const categories = FEE_CATEGORIES.flatMap((key) => {
    const inCategory = lines.filter((line) => line.category === key);
    return inCategory.length === 0
      ? []
      : [{ key, label: FEE_CATEGORY_LABELS[key], subtotal: sumOf(inCategory).toFixed(2) }];
  });
  const total = sumOf(lines);
  const rate = new Dec(fees.taxRate).dividedBy(100);
  let net: Dec;
  let tax: Dec;
  if (fees.pricesIncludeTax) {
    net = toFen(total.dividedBy(rate.plus(1)));
    tax = total.minus(net);
  } else {
    net = total;
    tax = toFen(total.times(rate));
  }
  const oneTime = sumOf(lines.filter((line) => line.category === 'oneTime'));
  return {
    lines,
    categories,
    total: total.toFixed(2),
    net: net.toFixed(2),
    tax: tax.toFixed(2),
    gross: net.plus(tax).toFixed(2),
    monthlyRecurring: total.minus(oneTime).toFixed(2),
    oneTime: oneTime.toFixed(2),
  };
}
