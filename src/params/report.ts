/**
 * Turning a Problem plus a position into a Diagnostic, and the one order in which
 * diagnostics are listed (by file, then line and column), so that "the first error" is
 * the first one in the file.
 */
import { keyPathOf, type Diagnostic, type DiagnosticKind, type Severity } from '../diagnostics.js';
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
