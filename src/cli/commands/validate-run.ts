import { ContractError, text, type Diagnostic } from '../../diagnostics.js';
import { loadParamsFile, parseParamsText } from '../../params/index.js';
import { validate } from '../../pipeline.js';
import { readStdin } from '../../output/read-stdin.js';
import { expandInputs } from '../inputs.js';
import { detectLocale } from '../locale.js';
import { createReporter, diagnosticJson, exitCodeOf } from '../report.js';
import type { CommandResult } from '../run.js';

async function validateOne(input: string, baseDirs: readonly string[]): Promise<readonly Diagnostic[]> {
  try {
    const loaded =
      input === '-'
        ? parseParamsText(await readStdin(), '<stdin>')
        : await loadParamsFile(input, { baseDirs });
    return (await validate(loaded)).diagnostics;
  } catch (error) {
    if (error instanceof ContractError) return error.diagnostics;
    throw error;
  }
}

export async function runValidate(inputArgs: string[], options: { json?: boolean; quiet?: boolean; baseDir?: string[] }): Promise<CommandResult> {
  const locale = detectLocale();
  const reporter = createReporter(locale, options.quiet === true || options.json === true);
  const inputs = expandInputs(inputArgs);
  if (inputs.length === 0) {
    throw new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text('no input files', '没有输入文件') }]);
  }
  const results: { input: string; diagnostics: readonly Diagnostic[] }[] = [];
  for (const input of inputs) {
    const diagnostics = await validateOne(input, options.baseDir ?? []);
    results.push({ input, diagnostics });
    if (!options.json) reporter.diagnostics(diagnostics);
  }
  const all = results.flatMap((r) => r.diagnostics);
  const exitCode = exitCodeOf(all);
  if (options.json) {
    const report = {
      ok: exitCode === 0,
      inputs: results.map((r) => ({
        input: r.input,
        valid: !r.diagnostics.some((d) => d.severity === 'error'),
        diagnostics: r.diagnostics.map((d) => diagnosticJson(d, locale)),
      })),
    };
    return { exitCode, stdout: `${JSON.stringify(report, null, 2)}\n` };
  }
  const invalid = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
  if (invalid === 0) reporter.info(locale === 'zh' ? `${inputs.length} 个文件均有效` : `${inputs.length} file(s) valid`);
  else reporter.info(locale === 'zh' ? `${invalid} / ${inputs.length} 个文件无效` : `${invalid} of ${inputs.length} file(s) invalid`);
  return { exitCode, stdout: '' };
}
