import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeFees } from '../../src/compose/fees.js';
import { computeSla, downtimeMinutes } from '../../src/compose/sla.js';
import { Dec, formatMoney, formatQuantity, formatUnitPrice, toFen } from '../../src/compose/money.js';
import type { ContractParams } from '../../src/params/types.js';

type Fees = ContractParams['fees'];
const fees = (items: Fees['items'], taxRate = '6', pricesIncludeTax = true): Fees => ({
  currency: 'CNY',
  taxRate,
  pricesIncludeTax,
  items,
  billing: { statementDay: 'monthEnd', paymentDays: 10, method: '银行转账', increment: 'minute', inbound400Charged: true },
  invoice: 'special',
  suspension: { overdueDays: 30, cureWorkingDays: 10, restoreWorkingDays: 1 },
  units: {},
});
const item = (unitPrice: string, quantity: string, category: Fees['items'][number]['category'] = 'monthly') => ({
  name: '项目',
  category,
  unit: '个/月',
  unitPrice,
  quantity,
});

describe('money', () => {
  it('adds exactly: 0.1 + 0.2 is 0.30', () => {
    expect(toFen(new Dec('0.1').plus('0.2')).toFixed(2)).toBe('0.30');
    expect(formatMoney(new Dec('0.1').plus('0.2'))).toBe('¥0.30');
  });
  it('formats with grouping and two decimals', () => {
    expect(formatMoney('12345.6')).toBe('¥12,345.60');
    expect(formatMoney('0')).toBe('¥0.00');
    expect(formatMoney('1234567.005')).toBe('¥1,234,567.01');
    expect(formatUnitPrice('0.125')).toBe('¥0.125');
    expect(formatUnitPrice('200')).toBe('¥200.00');
    expect(formatQuantity('50000')).toBe('50,000');
    expect(formatQuantity('1.5')).toBe('1.5');
  });
  it('rounds half-up to the fen, never through binary floats (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (milli) => {
        const value = `${milli / 1000n}.${String(milli % 1000n).padStart(3, '0')}`;
        const expectedFen = (milli + 5n) / 10n; // half-up at the third decimal
        expect(toFen(value).toFixed(2)).toBe(`${expectedFen / 100n}.${String(expectedFen % 100n).padStart(2, '0')}`);
      }),
    );
  });
});

describe('computeFees', () => {
  it('computes the example schedule (hand-checked)', () => {
    const summary = computeFees(
      fees([
        item('200.00', '1'),
        item('50.00', '1'),
        item('0.12', '50000', 'usage'),
        item('0.30', '2000', 'usage'),
        item('20.00', '30', 'valueAdded'),
      ]),
    );
    expect(summary.lines.map((l) => l.subtotal)).toEqual(['200.00', '50.00', '6000.00', '600.00', '600.00']);
    expect(summary.categories).toEqual([
      { key: 'monthly', label: '月租费', subtotal: '250.00', recurring: true },
      { key: 'usage', label: '通话费用', subtotal: '6600.00', recurring: true },
      { key: 'valueAdded', label: '增值服务费用', subtotal: '600.00', recurring: true },
    ]);
    expect(summary.total).toBe('7450.00');
    // 7450 / 1.06 = 7028.3018… -> 7028.30; tax is the remainder so the parts add up.
    expect(summary.net).toBe('7028.30');
    expect(summary.tax).toBe('421.70');
    expect(summary.gross).toBe('7450.00');
    expect(summary.monthlyRecurring).toBe('7450.00');
    expect(summary.priceScale).toBe(2);
  });

  it('states the whole term: 24 monthly bills, each split for tax, add up exactly', () => {
    const summary = computeFees(fees([item('200.00', '1'), item('0.12', '50000', 'usage'), item('500.00', '1', 'oneTime')]), 2);
    expect(summary.monthly).toEqual({ net: '5849.06', tax: '350.94', gross: '6200.00' });
    expect(summary.oneTimeTaxed).toEqual({ net: '471.70', tax: '28.30', gross: '500.00' });
    expect(summary.termMonths).toBe(24);
    // 24 × 6200.00 + 500.00; the net and the tax are 24 × the month's plus the one-time fee's.
    expect(summary.term).toEqual({ net: '140849.14', tax: '8450.86', gross: '149300.00' });
    expect(summary.twelveMonths.gross).toBe('74400.00');
  });

  it('prints every unit price of a column with the most decimals any of them has', () => {
    const summary = computeFees(fees([item('0.005', '10'), item('39.60', '1'), item('7.924', '1')]));
    expect(summary.priceScale).toBe(3);
    expect(summary.lines.map((l) => formatUnitPrice(l.unitPrice, summary.priceScale))).toEqual(['¥0.005', '¥39.600', '¥7.924']);
    expect(formatUnitPrice('1234.5', 2)).toBe('¥1,234.50');
  });

  it('adds tax on top when prices exclude it', () => {
    const summary = computeFees(fees([item('100.00', '3'), item('999.99', '1', 'oneTime')], '6', false));
    expect(summary.total).toBe('1299.99');
    expect(summary.net).toBe('1299.99');
    expect(summary.tax).toBe('78.00'); // 77.9994 -> 78.00
    expect(summary.gross).toBe('1377.99');
    expect(summary.oneTime).toBe('999.99');
    expect(summary.monthlyRecurring).toBe('300.00');
  });

  it('rounds each line half-up and sums the rounded subtotals', () => {
    const summary = computeFees(fees([item('0.125', '3'), item('0.005', '1'), item('0.005', '1')]));
    expect(summary.lines.map((l) => l.subtotal)).toEqual(['0.38', '0.01', '0.01']);
    expect(summary.total).toBe('0.40');
  });

  it('net + tax = gross for any schedule (property)', () => {
    const price = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((m) => `${m / 1000n}.${String(m % 1000n).padStart(3, '0')}`);
    const qty = fc.integer({ min: 1, max: 100000 }).map(String);
    fc.assert(
      fc.property(fc.array(fc.tuple(price, qty), { minLength: 1, maxLength: 40 }), fc.constantFrom('0', '3', '6', '9', '13'), fc.boolean(), (lines, rate, incl) => {
        const s = computeFees(fees(lines.map(([p, q]) => item(p, q)), rate, incl));
        expect(new Dec(s.net).plus(s.tax).toFixed(2)).toBe(s.gross);
        expect(s.lines.reduce((sum, l) => sum.plus(l.subtotal), new Dec(0)).toFixed(2)).toBe(s.total);
      }),
    );
  });
});

describe('SLA figures', () => {
  it('allowed downtime per 30-day month', () => {
    expect(downtimeMinutes('99.9')).toBe('43.2');
    expect(downtimeMinutes('99.99')).toBe('4.32');
    expect(downtimeMinutes('99')).toBe('432');
    expect(downtimeMinutes('95')).toBe('2160');
    expect(downtimeMinutes('100')).toBe('0');
  });

  it('tiers and a worked example from the monthly fees', () => {
    const sla = computeSla(
      {
        availability: '99.9',
        credits: [ { below: '99.9', creditPercent: '10' }, { below: '99.0', creditPercent: '25' }, { below: '95.0', creditPercent: '50' } ],
        outageRefund: true,
        monthlyCap: '100',
      },
      '7450.00',
    );
    expect(sla.allowedDowntimeMinutes).toBe('43.2');
    expect(sla.tiers.map((t) => [t.from, t.below, t.downtimeMinutes])).toEqual([
      ['99.0', '99.9', '43.2'],
      ['95.0', '99.0', '432'],
      ['', '95.0', '2160'],
    ]);
    // 1296 of 43,200 minutes refunded pro rata (¥223.50) on top of the 25% tier credit.
    expect(sla.example).toEqual({
      availability: '97', downtimeMinutes: '1296', creditPercent: '25', base: '7450.00', credit: '1862.50',
      refund: '223.50', sum: '2086.00', paid: '2086.00', capped: false,
    });
    expect(sla.allowedDowntime).toEqual([
      { days: 28, totalMinutes: 40320, minutes: '40.32' },
      { days: 30, totalMinutes: 43200, minutes: '43.2' },
      { days: 31, totalMinutes: 44640, minutes: '44.64' },
    ]);
  });

  it('caps a month of credits and refunds at monthlyCap', () => {
    const sla = computeSla({ availability: '99.9', credits: [{ below: '99.9', creditPercent: '30' }], outageRefund: true, monthlyCap: '20' }, '1000.00');
    expect(sla.example).toMatchObject({ credit: '300.00', paid: '200.00', capped: true });
    const noRefund = computeSla({ availability: '99.9', credits: [{ below: '99.9', creditPercent: '10' }], outageRefund: false, monthlyCap: '100' }, '1000.00');
    expect(noRefund.example).toMatchObject({ refund: '0.00', paid: '100.00' });
  });
});
