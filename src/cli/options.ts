import { ContractError, text } from '../diagnostics.js';
import { FORMATS, type Format } from '../formats.js';
import { MESSAGE_FORMATS, type MessageFormat, type Reporter } from './report.js';

/** Option values shared by `gen` and `validate`. */
export function usage(en: string, zh: string): ContractError {
  return new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text(en, zh) }]);
}

/** commander's collector: `-f pdf -f github` and `-f pdf,github` both give every value. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export interface FormatChoice {
  /** Output formats, when any was named (undefined: the default, or what `-o` implies). */
  readonly outputs?: Format[];
  readonly report: MessageFormat;
}

/**
 * `-f, --format`: on `gen` a list of output formats (docx, pdf, md) and at most one report
 * format (text, json, github), eslint's `--format github` included; on `validate` only the
 * report format. `--json` is `-f json`.
 */
export function parseFormats(values: readonly string[] | undefined, json: boolean | undefined, allowOutputs: boolean): FormatChoice {
  const items = (values ?? []).flatMap((v) => v.split(',')).map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  const outputs = items.filter((f) => (FORMATS as readonly string[]).includes(f)) as Format[];
  const reports = items.filter((f) => (MESSAGE_FORMATS as readonly string[]).includes(f)) as MessageFormat[];
  const unknown = items.filter((f) => !outputs.includes(f as Format) && !reports.includes(f as MessageFormat));
  const accepted = allowOutputs ? [...FORMATS, ...MESSAGE_FORMATS] : [...MESSAGE_FORMATS];
  if (unknown.length > 0 || (values !== undefined && items.length === 0) || (!allowOutputs && outputs.length > 0)) {
    const got = (values ?? []).join(',');
    throw usage(`--format takes ${accepted.join(', ')}; got "${got}"`, `--format 的取值为 ${accepted.join('、')}；实际为“${got}”`);
  }
  if (json) reports.push('json');
  const distinct = [...new Set(reports)];
  if (distinct.length > 1) {
    throw usage(`choose one report format, not ${distinct.join(' and ')}`, `报告格式只能选一种，不能同时用 ${distinct.join(' 和 ')}`);
  }
  return { ...(outputs.length > 0 ? { outputs: [...new Set(outputs)] } : {}), report: distinct[0] ?? 'text' };
}

/** `--max-warnings <n>` (eslint's): a whole number from 0. */
export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw usage(`--max-warnings takes a whole number from 0, got "${value}"`, `--max-warnings 的取值应为不小于 0 的整数，实际为“${value}”`);
  }
  return Number(value);
}

/** Exit 1 when the warnings printed (each counted once) exceed `--max-warnings`. */
export function warningLimitExit(exitCode: number, reporter: Reporter, maxWarnings: number | undefined): number {
  if (maxWarnings === undefined || reporter.warnings <= maxWarnings) return exitCode;
  reporter.error(
    reporter.locale === 'zh'
      ? `contract：共 ${reporter.warnings} 个警告，超过 --max-warnings ${maxWarnings} 的上限`
      : `contract: ${reporter.warnings} warning${reporter.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows`,
  );
  return Math.max(exitCode, 1);
}
