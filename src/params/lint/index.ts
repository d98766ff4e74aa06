/**
 * The consistency rules (`contract validate` prints their findings as warnings, each with
 * its rule id as the code; docs/lint-rules.md documents every rule).
 */
import type { Diagnostic, LocalizedText } from '../../diagnostics.js';
import type { KeyPath, SourceLocation } from '../locate.js';
import { problem } from '../messages.js';
import { toDiagnostic } from '../report.js';
import type { ContractParams } from '../types.js';
import { creditCapBelowTier } from './credit-cap-below-tier.js';
import { forceMajeureEvidenceBeforeNotice } from './force-majeure-evidence-before-notice.js';
import { latinText } from './latin-text.js';
import { liabilityCapBelowFees } from './liability-cap-below-fees.js';
import { maintenanceAfterSigning } from './maintenance-after-signing.js';
import { maintenanceOutsideTerm } from './maintenance-outside-term.js';
import { maintenanceShortNotice } from './maintenance-short-notice.js';
import { paymentVsStatement } from './payment-vs-statement.js';
import { precedenceAmendmentsFirst } from './precedence-amendments-first.js';
import { renewalNoticeVsRenewal } from './renewal-notice-vs-renewal.js';
import { retentionVsConfidentiality } from './retention-vs-confidentiality.js';
import { slaGapBelowAvailability } from './sla-gap-below-availability.js';
import { supportHoursVsAvailability } from './support-hours-vs-availability.js';
import { supportSingleChannel } from './support-single-channel.js';
import { unitUndefined } from './unit-undefined.js';
import type { LintRule } from './types.js';

export type { LintContext, LintRule } from './types.js';

export const LINT_RULES: readonly LintRule[] = [
  renewalNoticeVsRenewal,
  slaGapBelowAvailability,
  creditCapBelowTier,
  maintenanceShortNotice,
  maintenanceAfterSigning,
  maintenanceOutsideTerm,
  retentionVsConfidentiality,
  paymentVsStatement,
  liabilityCapBelowFees,
  precedenceAmendmentsFirst,
  supportHoursVsAvailability,
  supportSingleChannel,
  forceMajeureEvidenceBeforeNotice,
  unitUndefined,
  latinText,
];

export interface LintOptions {
  /** Where a key path was written, for file:line:column. */
  readonly locate?: (path: KeyPath) => SourceLocation | undefined;
  readonly file?: string;
  /** Key paths left open in a draft: a rule that reads one of them does not run. */
  readonly open?: readonly KeyPath[];
}

const dotted = (path: KeyPath) => path.map(String).join('.');
const within = (path: string, prefix: string) => prefix === '' || path === prefix || path.startsWith(`${prefix}.`);

/** Runs every rule; each finding is a warning whose code is the rule id. */
export function lintParams(params: ContractParams, options: LintOptions = {}): Diagnostic[] {
  const open = (options.open ?? []).map(dotted);
  return LINT_RULES.flatMap((rule) => {
    if (open.some((path) => rule.reads.some((prefix) => within(path, prefix) || within(prefix, path)))) return [];
    const context = {
      warn: (path: KeyPath, message: LocalizedText, hint?: LocalizedText) =>
        toDiagnostic('schema', problem(rule.id, message, hint), { loc: options.locate?.(path), file: options.file, path }, 'warning'),
    };
    return rule.check(params, context);
  });
}

/** One line per rule, for `--help`-style listings and the docs test. */
export function describeRules(): { id: string; description: LocalizedText }[] {
  return LINT_RULES.map((rule) => ({ id: rule.id, description: rule.description }));
}
