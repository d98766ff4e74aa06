import type { ContractParams } from '../params/types.js';
import { Dec, toFen } from './money.js';

/** Minutes in the 30-day month that availability targets are quoted against. */
export const MINUTES_PER_MONTH = 30 * 24 * 60;

export interface SlaFigures {
  readonly allowedDowntimeMinutes: string;
  readonly tiers: readonly {
    readonly no: number;
    readonly from: string;
    readonly below: string;
    readonly creditPercent: string;
    readonly downtimeMinutes: string;
  }[];
  readonly example: {
    readonly availability: string;
    readonly downtimeMinutes: string;
    readonly creditPercent: string;
    readonly base: string;
    readonly credit: string;
  } | null;
}

/** Downtime a monthly availability allows: 99.9% -> 43.2 minutes of 43,200. */
export function downtimeMinutes(availabilityPercent: string): string {
  return new Dec(100).minus(availabilityPercent).dividedBy(100).times(MINUTES_PER_MONTH).toDecimalPlaces(2).toFixed();
}

/**
 * Service credits and a worked example. The example month sits in the middle of the second
 * band (or the first, if there is only one), on `monthlyBase`: the month's recurring fees.
 */
export function computeSla(params: Pick<ContractParams, 'quality' | 'sla'>, monthlyBase: string): SlaFigures {
  const credits = params.sla.credits;
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
    example = {
      availability,
      downtimeMinutes: downtimeMinutes(availability),
      creditPercent: band.creditPercent,
      base: monthlyBase,
      credit: toFen(new Dec(monthlyBase).times(band.creditPercent).dividedBy(100)).toFixed(2),
    };
  }
  return { allowedDowntimeMinutes: downtimeMinutes(params.quality.availability), tiers, example };
}
