/**
 * A consistency rule over validated params (eslint's lib/rules layout): one file per rule,
 * each with a stable id that becomes the `code` of its diagnostics. Rules never block: every
 * diagnostic they return is a warning (`--max-warnings 0` makes them fail CI).
 */
import type { Diagnostic, LocalizedText } from '../../diagnostics.js';
import type { KeyPath } from '../locate.js';
import type { ContractParams } from '../types.js';

export interface LintContext {
  /** A warning of this rule at `path` (the value the user should look at first). */
  warn(path: KeyPath, message: LocalizedText, hint?: LocalizedText): Diagnostic;
}

export interface LintRule {
  /** Stable, kebab-case; the `code` of every diagnostic the rule returns and its heading in docs/lint-rules.md. */
  readonly id: string;
  /** What the rule checks, in one sentence. */
  readonly description: LocalizedText;
  /**
   * The key paths (prefixes) the rule reads. In a draft, a rule that reads a value left open
   * does not run: it would judge the placeholder, not the contract.
   */
  readonly reads: readonly string[];
  check(params: ContractParams, context: LintContext): Diagnostic[];
}

/** Days of a term of `years` from `start` (both ISO dates), for rules that compare periods. */
export function daysOfYears(start: string, years: number): number {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y + years, m - 1, d) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** The day a term of `years` from `start` is over (the day after its last day), as an ISO date. */
export function dayAfterTerm(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  // 2024-02-29 + 1 year rolls to 2025-03-01: the term ran to 2025-02-28.
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}
