import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { ContractError, text } from '../../diagnostics.js';
import { runBatch, type InputResult } from '../../output/batch.js';
import { FORMATS, type Format } from '../../pipeline.js';
import { expandInputs, parseShard, selectShard } from '../inputs.js';
import { createProgress } from '../progress.js';
import { createReporter, diagnosticJson, exitCodeOf } from '../report.js';
import { detectLocale } from '../locale.js';
import type { CommandResult } from '../run.js';

interface GenOptions {
  outDir: string;
  format: string;
  templates?: string;
  draft?: boolean;
  pdfa?: boolean;
  jobs?: string;
  json?: boolean;
  quiet?: boolean;
  shard?: string;
}

function usage(en: string, zh: string): ContractError {
  return new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text(en, zh) }]);
}

export function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    throw usage(`--format takes a list of ${FORMATS.join(', ')}; got "${value}"`, `--format 的取值为 ${FORMATS.join('、')} 的组合，实际为“${value}”`);
  }
  return [...new Set(formats)] as Format[];
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw usage(`--jobs must be a whole number from 1 to 64, got "${value}"`, `--jobs 必须是 1 到 64 之间的整数，实际为“${value}”`);
  return jobs;
}

/** SOURCE_DATE_EPOCH (reproducible builds convention): seconds since 1970. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw usage(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`, `SOURCE_DATE_EPOCH 必须是整数秒，实际为“${raw}”`);
  return Number(raw);
}

export async function runGen(inputArgs: string[], options: GenOptions): Promise<CommandResult> {
  const locale = detectLocale();
  const reporter = createReporter(locale, options.quiet === true || options.json === true);
  const formats = parseFormats(options.format);
  const jobs = parseJobs(options.jobs);
  const shard = options.shard !== undefined ? parseShard(options.shard) : undefined;
  const epoch = sourceDateEpoch();
  const inputs = selectShard(expandInputs(inputArgs), shard);
  if (inputs.length === 0) {
    if (shard) {
      reporter.info(locale === 'zh' ? '本分片没有输入文件' : 'no inputs in this shard');
      return { exitCode: 0, stdout: options.json ? `${JSON.stringify({ ok: true, inputs: [] }, null, 2)}\n` : '' };
    }
    throw usage('no input files (give params files, directories or - for standard input)', '没有输入文件（请给出参数文件、目录或用 - 表示标准输入）');
  }

  const progress = createProgress(inputs.length, !reporter.quiet && inputs.length > 1);
  const results = await runBatch(inputs, {
    outDir: options.outDir,
    formats,
    jobs,
    draft: options.draft === true,
    pdfa: options.pdfa === true,
    ...(options.templates !== undefined ? { templatesDir: options.templates } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    onResult: (result, done) => {
      progress.clear();
      reporter.diagnostics(result.diagnostics);
      progress.update(done);
    },
  });
  progress.done();

  const all = results.flatMap((r) => r.diagnostics);
  const exitCode = exitCodeOf(all);
  if (options.json) return { exitCode, stdout: `${JSON.stringify(jsonReport(results, locale), null, 2)}\n` };
  summarise(results, reporter, locale);
  return { exitCode, stdout: '' };
}

function jsonReport(results: readonly InputResult[], locale: 'en' | 'zh') {
  return {
    ok: results.every((r) => r.status === 'written'),
    summary: {
      inputs: results.length,
      written: results.filter((r) => r.status === 'written').length,
      invalid: results.filter((r) => r.status === 'invalid').length,
      failed: results.filter((r) => r.status === 'failed').length,
      files: results.reduce((n, r) => n + r.outputs.length, 0),
    },
    inputs: results.map((r) => ({
      input: r.input,
      status: r.status,
      ...(r.contractNumber !== undefined ? { contractNumber: r.contractNumber } : {}),
      outputs: r.outputs,
      diagnostics: r.diagnostics.map((d) => diagnosticJson(d, locale)),
    })),
  };
}

function summarise(results: readonly InputResult[], reporter: ReturnType<typeof createReporter>, locale: 'en' | 'zh'): void {
  const written = results.filter((r) => r.status === 'written');
  const bad = results.filter((r) => r.status !== 'written');
  if (results.length === 1 && written.length === 1) {
    for (const o of written[0]!.outputs) reporter.info(`${locale === 'zh' ? '已写出' : 'wrote'} ${o.path} (${formatBytes(o.bytes)})`);
    return;
  }
  const files = written.reduce((n, r) => n + r.outputs.length, 0);
  reporter.info(
    locale === 'zh'
      ? `${results.length} 个输入：${written.length} 个已生成（${files} 个文件），${bad.length} 个失败`
      : `${results.length} inputs: ${written.length} generated (${files} files), ${bad.length} failed`,
  );
  for (const r of bad) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    reporter.error(`  ${locale === 'zh' ? '失败' : 'failed'}: ${r.input}${first ? ` (${first.message[locale]})` : ''}`);
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

export function registerGen(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('gen')
    .description('validate params files, then write the contract as DOCX and PDF for each')
    .argument('<inputs...>', 'params files (YAML), directories of them, or - for standard input')
    .option('-o, --out-dir <dir>', 'output directory', 'out')
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(', ')}`, 'docx,pdf')
    .option('--templates <dir>', 'a folder whose files override built-in templates of the same name')
    .option('--draft', 'print unfilled optional blanks as ____ and mark every page 草稿 DRAFT')
    .option('--pdfa', 'write the PDF as PDF/A-2b for archiving')
    .option('-j, --jobs <n>', 'parallel workers (default: number of cores)')
    .option('--shard <k/n>', 'process only shard k of n (a stable split for CI matrices)')
    .option('--json', 'print one machine-readable report on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Output files are named after contract.number: out/YDH-2025-0001.docx, out/YDH-2025-0001.pdf.
Set SOURCE_DATE_EPOCH for byte-identical output across runs.

Examples:
  contract gen params.yaml
  contract gen customers/ -o build/contracts -j 4
  contract gen params.yaml -f md          # review the text as Markdown
  cat params.yaml | contract gen - -f pdf
  contract gen customers/ --shard 2/3 --json > report.json

Exit codes: 0 all written, 1 some input invalid, 2 usage error, 3 could not write or internal error.`,
    )
    .action((inputs: string[], options: GenOptions) => run(() => runGen(inputs, options)));
}
