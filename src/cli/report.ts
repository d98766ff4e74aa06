import { EXIT_CODE, formatDiagnostic, type Diagnostic, type Locale } from '../diagnostics.js';

/** Everything the CLI prints goes through here: data to stdout, messages to stderr. */
export interface Reporter {
  readonly locale: Locale;
  readonly quiet: boolean;
  diagnostics(list: readonly Diagnostic[]): void;
  info(message: string): void;
  error(message: string): void;
}

export function createReporter(locale: Locale, quiet: boolean, stderr: NodeJS.WritableStream = process.stderr): Reporter {
  return {
    locale,
    quiet,
    diagnostics(list) {
      for (const d of list) {
        if (quiet && d.severity === 'warning') continue;
        stderr.write(`${formatDiagnostic(d, locale)}\n`);
      }
    },
    info(message) {
      if (!quiet) stderr.write(`${message}\n`);
    },
    error(message) {
      stderr.write(`${message}\n`);
    },
  };
}

/** The exit code for a set of diagnostics: the most severe kind wins (3 > 2 > 1). */
export function exitCodeOf(list: readonly Diagnostic[]): number {
  return list.filter((d) => d.severity === 'error').reduce((code, d) => Math.max(code, EXIT_CODE[d.kind]), 0);
}

/** Diagnostics as plain JSON for --json reports. */
export function diagnosticJson(d: Diagnostic, locale: Locale) {
  return {
    severity: d.severity,
    kind: d.kind,
    code: d.code,
    message: d.message[locale],
    ...(d.hint ? { hint: d.hint[locale] } : {}),
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.keyPath !== undefined ? { keyPath: d.keyPath } : {}),
  };
}
