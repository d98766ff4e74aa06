import { availableParallelism } from 'node:os';
import { ContractError, text } from '../../diagnostics.js';
import { runBatch, type InputResult } from '../../output/batch.js';
import { FORMATS, type Format } from '../../formats.js';
import { expandInputs, parseShard, selectShard } from '../inputs.js';
import { createProgress } from '../progress.js';
import { createReporter, diagnosticJson, exitCodeOf } from '../report.js';
import { detectLocale } from '../locale.js';
import type { CommandResult } from '../run.js';

export interface GenOptions {
  outDir: string;
  format: string;
  templates?: string;
  draft?: boolean;
  pdfa?: boolean;
  jobs?: string;
  json?: boolean;
  quiet?: boolean;
  shard?: string;
  baseDir?: string[];
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
  // Beyond 9999-12-31 no file format here can hold the date (PDF and DOCX dates have four-digit years).
  if (Number(raw) > 253_402_300_799) throw usage(`SOURCE_DATE_EPOCH must be at most 253402300799 (9999-12-31), got "${raw}"`, `SOURCE_DATE_EPOCH 不能大于 253402300799（9999-12-31），实际为“${raw}”`);
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
    diskCache: true,
    ...(options.templates !== undefined ? { templatesDir: options.templates } : {}),
    ...(options.baseDir !== undefined ? { baseDirs: options.baseDir } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    onResult: (result, done) => {
      progress.clear();
      // With --json every diagnostic is in the report; stderr stays empty for the CI log.
      if (!options.json) reporter.diagnostics(result.diagnostics);
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
