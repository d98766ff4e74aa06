import { Dec, toFen } from './money.js';

/** Minutes of a 30-day month, the month the worked examples use. */
export const MINUTES_PER_MONTH = 30 * 24 * 60;

/** Month lengths the illustrations of allowed downtime show: February, 30 and 31 days. */
export const ILLUSTRATED_MONTH_DAYS = [28, 30, 31] as const;

export interface SlaFigures {
  /** Allowed downtime of a 30-day month at the promised availability (an illustration). */
  readonly allowedDowntimeMinutes: string;
  /** The same for a month of each illustrated length. */
  readonly allowedDowntime: readonly { readonly days: number; readonly totalMinutes: number; readonly minutes: string }[];
  readonly tiers: readonly {
    readonly no: number;
    readonly from: string;
    readonly below: string;
    readonly creditPercent: string;
    /** Downtime of a 30-day month at which this tier starts (an illustration). */
    readonly downtimeMinutes: string;
  }[];
  readonly example: {
    readonly availability: string;
    readonly downtimeMinutes: string;
    readonly creditPercent: string;
    readonly base: string;
    readonly credit: string;
    /** The pro-rata refund of the same downtime: base × downtime ÷ minutes of the month. */
    readonly refund: string;
    /** credit + refund, before the monthly cap. */
    readonly sum: string;
    /** What is paid: the sum, capped at monthlyCap % of the base. */
    readonly paid: string;
    readonly capped: boolean;
  } | null;
}

/** Downtime that a monthly availability allows in a month of `days` days: 99.9% of 30 days -> 43.2 minutes. */
export function downtimeMinutes(availabilityPercent: string, days = 30): string {
  return new Dec(100).minus(availabilityPercent).dividedBy(100).times(days * 24 * 60).toDecimalPlaces(2).toFixed();
}

export interface SlaInput {
  readonly availability: string;
  readonly credits: readonly { readonly below: string; readonly creditPercent: string }[];
  readonly outageRefund: boolean;
  readonly monthlyCap: string;
}

/**
 * Service credits and a worked example. The example month has 30 days and sits in the middle
 * of the second band (or the first, if there is only one), on `monthlyBase`: the month's fees.
 */
export function computeSla(input: SlaInput, monthlyBase: string): SlaFigures {
  const credits = input.credits;
  const tiers = credits.map((credit, index) => ({
    no: index + 1,
    from: credits[index + 1]?.below ?? '',
    below: credit.below,
    creditPercent: credit.creditPercent,
    downtimeMinutes: downtimeMinutes(credit.below),
  }));
  const band = tiers[1] ?? tiers[0];
  let example: SlaFigures['example'] = null;
  if (band) {
    const lower = band.from === '' ? new Dec(band.below).minus(1).clamp(0, 100) : new Dec(band.from);
    const availability = lower.plus(band.below).dividedBy(2).toDecimalPlaces(2).toFixed();
    const downtime = downtimeMinutes(availability);
    const base = new Dec(monthlyBase);
    const credit = toFen(base.times(band.creditPercent).dividedBy(100));
    const refund = input.outageRefund ? toFen(base.times(downtime).dividedBy(MINUTES_PER_MONTH)) : new Dec(0);
    const sum = credit.plus(refund);
    const cap = toFen(base.times(input.monthlyCap).dividedBy(100));
    example = {
      availability,
      downtimeMinutes: downtime,
      creditPercent: band.creditPercent,
      base: base.toFixed(2),
      credit: credit.toFixed(2),
      refund: refund.toFixed(2),
      sum: sum.toFixed(2),
      paid: Dec.min(sum, cap).toFixed(2),
      capped: sum.gt(cap),
    };
  }
  return {
    allowedDowntimeMinutes: downtimeMinutes(input.availability),
    allowedDowntime: ILLUSTRATED_MONTH_DAYS.map((days) => ({ days, totalMinutes: days * 24 * 60, minutes: downtimeMinutes(input.availability, days) })),
    tiers,
    example,
  };
}
