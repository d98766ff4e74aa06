import { isAbsolute, relative } from 'node:path';
import { EXIT_CODE, type Diagnostic, type Locale } from '../diagnostics.js';
import { readBounded } from '../io/read-bounded.js';
import { sourceFrame } from './frame.js';
import { createStyle, type Style } from './style.js';

/** How problems are printed: text for people, GitHub Actions annotations, or one JSON report. */
export const MESSAGE_FORMATS = ['text', 'json', 'github'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];

/** Everything the CLI prints goes through here: data to stdout, messages to stderr. */
export interface Reporter {
  readonly locale: Locale;
  readonly quiet: boolean;
  readonly format: MessageFormat;
  readonly style: Style;
  /**
   * The diagnostics of one input, as it finishes. Those that point into another file (a base
   * it extends, a template) are held back and printed once by `flush`, with the inputs they
   * concern, however many inputs share them.
   */
  input(input: string, list: readonly Diagnostic[]): void;
  /** Diagnostics that belong to no input (usage errors). */
  diagnostics(list: readonly Diagnostic[]): void;
  flush(): void;
  /** Warnings seen so far, each counted once however many inputs share it. */
  readonly warnings: number;
  info(message: string): void;
  error(message: string): void;
}

export interface ReporterOptions {
  readonly locale: Locale;
  readonly quiet?: boolean;
  readonly format?: MessageFormat;
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdout?: NodeJS.WritableStream;
}

/** The name an input goes by in diagnostics: `-` is read as `<stdin>`. */
export const displayName = (input: string) => (input === '-' ? '<stdin>' : input);

const PARAMS_KINDS = new Set(['yaml', 'schema', 'input']);
const SHOWN_INPUTS = 10;

interface Shared {
  readonly diagnostic: Diagnostic;
  readonly inputs: string[];
}

export function createReporter(options: ReporterOptions): Reporter {
  const { locale } = options;
  const quiet = options.quiet === true;
  const format = options.format ?? 'text';
  const stderr = options.stderr ?? process.stderr;
  const stdout = options.stdout ?? process.stdout;
  const style = createStyle(stderr);
  const shared = new Map<string, Shared>();
  const sources = new Map<string, string[] | undefined>();
  let warnings = 0;

  const sourceLineOf = (d: Diagnostic): string | undefined => {
    if (d.sourceLine !== undefined) return d.sourceLine;
    // A params file's line is shown on a terminal only (tsc's --pretty default): CI logs stay one line per problem.
    if (!style.terminal || d.file === undefined || d.line === undefined || !PARAMS_KINDS.has(d.kind)) return undefined;
    if (!sources.has(d.file)) {
      const read = readBounded(d.file, 4 * 1024 * 1024);
      sources.set(d.file, read.ok ? read.data.toString('utf8').split('\n') : undefined);
    }
    return sources.get(d.file)?.[d.line - 1];
  };

  const print = (d: Diagnostic, inputs: readonly string[] = []) => {
    if (d.severity === 'warning') warnings += 1;
    if (quiet && d.severity === 'warning') return;
    if (format === 'json') return;
    if (format === 'github') stdout.write(`${githubAnnotation(d, locale, inputs)}\n`);
    else stderr.write(`${formatText(d, locale, style, sourceLineOf(d), inputs).join('\n')}\n`);
  };

  return {
    locale,
    quiet,
    format,
    style,
    get warnings() {
      return warnings;
    },
    input(input, list) {
      const own = displayName(input);
      for (const d of list) {
        if (d.file === undefined || d.file === own) {
          print(d);
          continue;
        }
        const key = [d.kind, d.code, d.severity, d.file, d.line, d.column, d.keyPath, d.message.en].join('\0');
        const entry = shared.get(key) ?? { diagnostic: d, inputs: [] };
        if (!entry.inputs.includes(own)) entry.inputs.push(own);
        shared.set(key, entry);
      }
    },
    diagnostics(list) {
      for (const d of list) print(d);
    },
    flush() {
      for (const { diagnostic, inputs } of shared.values()) print(diagnostic, inputs);
      shared.clear();
    },
    info(message) {
      if (!quiet && format !== 'json') stderr.write(`${message}\n`);
    },
    error(message) {
      stderr.write(`${message}\n`);
    },
  };
}

/** `a.yaml, b.yaml and 3 more`: the inputs a shared problem concerns. */
function inputList(inputs: readonly string[], locale: Locale): string {
  const shown = inputs.slice(0, SHOWN_INPUTS).join(', ');
  const more = inputs.length - SHOWN_INPUTS;
  if (more <= 0) return shown;
  return locale === 'zh' ? `${shown} 等（另有 ${more} 个）` : `${shown} and ${more} more`;
}

function concerns(d: Diagnostic, inputs: readonly string[], locale: Locale): string | undefined {
  // A template's problem concerns every input alike: worth saying only when there are several.
  if (!PARAMS_KINDS.has(d.kind) && inputs.length < 2) return undefined;
  const list = inputList(inputs, locale);
  if (PARAMS_KINDS.has(d.kind)) return locale === 'zh' ? `继承它的文件：${list}` : `inherited by: ${list}`;
  return locale === 'zh' ? `涉及的输入：${list}` : `for the inputs: ${list}`;
}

/**
 * `params.yaml:12:5: error: fees.items[1].unitPrice: must be >= 0`, then the source line
 * with a caret when known, then the hint, then which inputs a shared problem concerns.
 */
export function formatText(d: Diagnostic, locale: Locale, style: Style, sourceLine?: string, inputs: readonly string[] = []): string[] {
  const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}: ` : '';
  const severity =
    d.severity === 'error' ? style.red(style.bold(locale === 'zh' ? '错误' : 'error')) : style.yellow(style.bold(locale === 'zh' ? '警告' : 'warning'));
  const key = d.keyPath ? `${d.keyPath}: ` : '';
  const lines = [`${style.bold(where)}${severity}: ${key}${d.message[locale]}`];
  if (sourceLine !== undefined && d.line !== undefined) lines.push(...sourceFrame(d.line, d.column ?? 1, sourceLine, style));
  if (d.hint) lines.push(`  ${style.cyan(locale === 'zh' ? '提示' : 'hint')}: ${d.hint[locale]}`);
  const who = inputs.length > 0 ? concerns(d, inputs, locale) : undefined;
  if (who) lines.push(`  ${style.dim(who)}`);
  return lines;
}

/** GitHub's workflow command escaping: data and property values differ. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A path as GitHub expects it: relative to the checkout (the working directory). */
function repoPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** `::error file=params.yaml,line=12,col=5,title=schema::fees.items[1].unitPrice: must be >= 0` */
export function githubAnnotation(d: Diagnostic, locale: Locale, inputs: readonly string[] = []): string {
  const props: string[] = [];
  if (d.file !== undefined && !d.file.startsWith('<')) props.push(`file=${escapeProperty(repoPath(d.file))}`);
  if (d.line !== undefined) props.push(`line=${d.line}`);
  if (d.column !== undefined) props.push(`col=${d.column}`);
  props.push(`title=${escapeProperty(`contract ${d.code}`)}`);
  let message = `${d.keyPath ? `${d.keyPath}: ` : ''}${d.message[locale]}`;
  if (d.hint) message += `\n${locale === 'zh' ? '提示' : 'hint'}: ${d.hint[locale]}`;
  const who = inputs.length > 0 ? concerns(d, inputs, locale) : undefined;
  if (who) message += `\n${who}`;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}`;
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
