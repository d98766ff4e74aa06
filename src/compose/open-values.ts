/**
 * Draft: the values validation left open (missing required values, filled with placeholders)
 * print as blanks, and so does every figure computed from them. This runs on the escaped
 * template context, the one place where a value of any type may become a blank marker.
 */
import { chineseLabel, openText } from '../params/draft.js';
import type { TemplateContext } from './context.js';

type Path = readonly (string | number)[];
type Mutable = Record<string | number, unknown>;

const blank = (path: Path) => openText(chineseLabel(path));

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Mutable | undefined;
  for (const seg of path.slice(0, -1)) {
    node = node?.[seg] as Mutable | undefined;
    if (typeof node !== 'object' || node === null) return;
  }
  if (node && path.length > 0) node[path[path.length - 1]!] = value;
}

const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

/** Every money figure of the fee summary, as a blank (one open price or quantity makes them all unknown). */
function blankFees(fees: Mutable): void {
  const money = blank(['fees']);
  for (const key of ['total', 'net', 'tax', 'gross', 'monthlyRecurring', 'oneTime']) fees[key] = money;
  for (const key of ['monthly', 'oneTimeTaxed', 'term', 'twelveMonths']) fees[key] = { net: money, tax: money, gross: money };
  fees['categories'] = (fees['categories'] as Mutable[]).map((c) => ({ ...c, subtotal: money }));
}

/** Puts a blank at each open path of `context.p` and at every computed value that depends on one. */
export function blankOpenValues(context: TemplateContext, open: readonly Path[]): TemplateContext {
  if (open.length === 0) return context;
  const c = context as unknown as Mutable;
  const fees = c['fees'] as Mutable;
  const services = c['services'] as Mutable;
  const sla = c['sla'] as Mutable;
  for (const path of open) {
    setAt(c['p'], path, blank(path));
    const [a, b, i, field] = path;
    if (startsWith(path, ['contract', 'term']) || startsWith(path, ['contract', 'signing', 'date'])) {
      (c['term'] as Mutable)['endDate'] = blank(['contract', 'term']);
      if (startsWith(path, ['contract', 'term', 'years'])) {
        fees['termMonths'] = blank(path);
        fees['term'] = { net: blank(path), tax: blank(path), gross: blank(path) };
      }
    }
    if (a === 'fees' && b === 'items' && typeof i === 'number') {
      const line = (fees['lines'] as Mutable[])[i];
      if (line && (field === 'unitPrice' || field === 'quantity' || field === 'category')) {
        if (field === 'category') line['categoryLabel'] = blank(path);
        line['subtotal'] = blank(path);
        blankFees(fees);
        sla['example'] = null;
      }
      if (line && (field === 'name' || field === 'unit' || field === 'unitPrice' || field === 'quantity')) line[field] = blank(path);
    }
    if (a === 'services' && b === 'numbers' && typeof i === 'number') {
      const number = (services['numbers'] as Mutable[])[i];
      if (number && field === 'kind') number['kindLabel'] = number['kind'] = blank(path);
      if (number && field === 'channels') {
        number['channels'] = blank(path);
        services['totalChannels'] = blank(path);
      }
      if (number && (field === 'number' || field === 'region')) number[field] = blank(path);
    }
    if (a === 'sla' && b === 'credits' && typeof i === 'number') {
      const tier = (sla['tiers'] as Mutable[])[i];
      if (tier && (field === 'below' || field === 'creditPercent')) {
        tier[field] = blank(path);
        if (field === 'below') tier['downtimeMinutes'] = blank(path);
        const previous = (sla['tiers'] as Mutable[])[i - 1];
        if (previous && field === 'below') previous['from'] = blank(path);
        sla['example'] = null;
      }
    }
    if (a === 'disputes') (c['disputes'] as Mutable)['forum'] = blank(path);
    if (a === 'maintenance' && typeof b === 'number' && typeof i === 'string') {
      const row = (c['maintenance'] as Mutable[])[b];
      if (row) row[i] = blank(path);
    }
    if (a === 'changes' && typeof b === 'number' && typeof i === 'string') {
      const row = (c['changes'] as Mutable[])[b];
      if (row) row[i] = blank(path);
    }
  }
  return context;
}
