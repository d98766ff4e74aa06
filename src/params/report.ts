/**
 * Turning a Problem plus a position into a Diagnostic, and the one order in which
 * diagnostics are listed (by file, then line and column), so that "the first error" is
 * the first one in the file.
 */
import { keyPathOf, text, type Diagnostic, type DiagnosticKind, type Severity } from '../diagnostics.js';
import type { SourceLocation } from './locate.js';
import type { Problem } from './messages.js';

export function toDiagnostic(
  kind: DiagnosticKind,
  p: Problem,
  where: { loc?: SourceLocation | undefined; file?: string | undefined; path?: readonly (string | number)[] },
  severity: Severity = 'error',
): Diagnostic {
  const file = where.loc?.file ?? where.file;
  return {
    kind,
    severity,
    code: p.code,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(where.loc ? { line: where.loc.line, column: where.loc.column } : {}),
    ...(where.path && where.path.length > 0 ? { keyPath: keyPathOf(where.path) } : {}),
  };
}

/** Errors first, then warnings; each by file (the main file first), line, column. */
export function sortDiagnostics(list: readonly Diagnostic[], mainFile?: string): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.file === undefined ? 2 : d.file === mainFile ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      rank(a) - rank(b) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.column ?? Infinity) - (b.column ?? Infinity),
  );
}

/** At most this many diagnostics are listed per file; the rest are counted in one line. */
export const MAX_DIAGNOSTICS = 100;

/**
 * The first MAX_DIAGNOSTICS of a sorted list, then one diagnostic "… and N more": 90,000
 * unknown keys must not print megabytes nobody reads.
 */
export function capDiagnostics(sorted: readonly Diagnostic[], file?: string, max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (sorted.length <= max) return [...sorted];
  const rest = sorted.slice(max);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const more: Diagnostic = {
    kind: rest.find((d) => d.severity === 'error')?.kind ?? rest[0]!.kind,
    severity: errors > 0 ? 'error' : 'warning',
    code: 'more-problems',
    // Located where the unlisted ones begin.
    ...(rest[0]!.file !== undefined ? { file: rest[0]!.file } : file !== undefined ? { file } : {}),
    ...(rest[0]!.line !== undefined ? { line: rest[0]!.line } : {}),
    ...(rest[0]!.column !== undefined ? { column: rest[0]!.column } : {}),
    message: text(
      `… and ${rest.length.toLocaleString('en')} more (${errors.toLocaleString('en')} errors); only the first ${max} are listed`,
      `…… 另有 ${rest.length} 个问题（其中 ${errors} 个错误）；只列出前 ${max} 个`,
    ),
  };
  return [...sorted.slice(0, max), more];
}
