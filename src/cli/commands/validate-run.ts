import { ContractError, type Diagnostic } from '../../diagnostics.js';
import { loadParamsFile, parseParamsText } from '../../params/index.js';
import { validate } from '../../pipeline.js';
import { readStdin } from '../../output/read-stdin.js';
import { expandInputs } from '../inputs.js';
import { detectLocale } from '../locale.js';
import { parseFormats, parseMaxWarnings, warningLimitExit } from '../options.js';
import { createReporter, diagnosticJson, exitCodeOf } from '../report.js';
import type { CommandResult } from '../run.js';
import { longRun, tuneForRun } from '../tiering.js';

export interface ValidateOptions {
  format?: string[];
  json?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
  baseDir?: string[];
}

async function validateOne(input: string, baseDirs: readonly string[]): Promise<readonly Diagnostic[]> {
  try {
    const loaded = input === '-' ? parseParamsText(await readStdin(), '<stdin>') : await loadParamsFile(input, { baseDirs });
    return (await validate(loaded)).diagnostics;
  } catch (error) {
    if (error instanceof ContractError) return error.diagnostics;
    throw error;
  }
}

export async function runValidate(args: string[], options: ValidateOptions): Promise<CommandResult> {
  const locale = detectLocale();
  const { report } = parseFormats(options.format, options.json, false);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const reporter = createReporter({ locale, quiet: options.quiet === true, format: report });
  const { files: inputs, problems } = await expandInputs(args);
  tuneForRun(longRun('validate', inputs.length));
  reporter.diagnostics(problems);
  const results: { input: string; diagnostics: readonly Diagnostic[] }[] = [];
  for (const input of inputs) {
    const diagnostics = await validateOne(input, options.baseDir ?? []);
    results.push({ input, diagnostics });
    reporter.input(input, diagnostics);
  }
  reporter.flush();
  const exitCode = warningLimitExit(exitCodeOf([...problems, ...results.flatMap((r) => r.diagnostics)]), reporter, maxWarnings);
  if (report === 'json') {
    const json = {
      ok: exitCode === 0,
      ...(problems.length > 0 ? { problems: problems.map((d) => diagnosticJson(d, locale)) } : {}),
      inputs: results.map((r) => ({
        input: r.input,
        valid: !r.diagnostics.some((d) => d.severity === 'error'),
        diagnostics: r.diagnostics.map((d) => diagnosticJson(d, locale)),
      })),
    };
    return { exitCode, stdout: `${JSON.stringify(json, null, 2)}\n` };
  }
  const invalid = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
  if (inputs.length > 0) {
    if (invalid === 0) reporter.info(locale === 'zh' ? `${inputs.length} 个文件均有效` : `${inputs.length} file(s) valid`);
    else reporter.info(locale === 'zh' ? `${invalid} / ${inputs.length} 个文件无效` : `${invalid} of ${inputs.length} file(s) invalid`);
  }
  return { exitCode, stdout: '' };
}
