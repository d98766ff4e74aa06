/**
 * Diagnostics are plain data: every stage returns or throws them, only src/cli prints them.
 * A message is carried in both languages so that the CLI can pick one by locale without
 * the stages knowing about locales.
 */
/**
 * `input`: an input file could not be read or used (missing, unreadable, not a regular file,
 * too large; a PDF, certificate or image given to sign or verify that is not usable);
 * `io`: output could not be written.
 */
export type DiagnosticKind = 'yaml' | 'schema' | 'template' | 'input' | 'io' | 'usage' | 'internal';
export type Severity = 'error' | 'warning';

export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

export interface Diagnostic {
  readonly kind: DiagnosticKind;
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `unknown-key`, `credit-code-check`. */
  readonly code: string;
  readonly message: LocalizedText;
  readonly hint?: LocalizedText;
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** Dotted key path with [i] for list items: `fees.items[1].unitPrice`. */
  readonly keyPath?: string;
  /**
   * The source line `line` points into, when the stage that found the problem had it at hand
   * (templates); the CLI prints it with a caret under `column`.
   */
  readonly sourceLine?: string;
}

export function text(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** Thrown by a stage when it cannot go on; carries one or more diagnostics. */
export class ContractError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
    this.name = 'ContractError';
    this.diagnostics = diagnostics;
  }
  get kind(): DiagnosticKind {
    return this.diagnostics.find((d) => d.severity === 'error')?.kind ?? 'internal';
  }
}

export function keyPathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    // A hostile key can be a megabyte long; a message needs only its start.
    const name = String(segment).length > 64 ? `${String(segment).slice(0, 60)}…` : String(segment);
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? name : `.${name}`;
  }
  return out;
}

export type Locale = 'en' | 'zh';

/** `params.yaml:12:5: error: fees.items[1].unitPrice: must be >= 0` */
export function formatDiagnostic(d: Diagnostic, locale: Locale): string {
  const where = d.file
    ? `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}: `
    : '';
  const severity = locale === 'zh' ? (d.severity === 'error' ? '错误' : '警告') : d.severity;
  const key = d.keyPath ? `${d.keyPath}: ` : '';
  // A warning names its rule, like eslint, so that it can be looked up (docs/lint-rules.md) and counted.
  let out = `${where}${severity}: ${key}${d.message[locale]}${d.severity === 'warning' ? ` [${d.code}]` : ''}`;
  if (d.hint) out += `\n  ${locale === 'zh' ? '提示' : 'hint'}: ${d.hint[locale]}`;
  return out;
}

/**
 * One table from error kind to exit code (PRODUCT.md): 1 a problem with an input (reading it
 * included), 2 usage, 3 could not write output or internal.
 */
export const EXIT_CODE: Readonly<Record<DiagnosticKind, number>> = {
  yaml: 1,
  schema: 1,
  template: 1,
  input: 1,
  usage: 2,
  io: 3,
  internal: 3,
};
