import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { FontChoice } from '../../fonts/choice.js';
import { isFontFileSpec } from '../../fonts/resolve.js';
import { ContractError, text, type Diagnostic, type Locale } from '../../diagnostics.js';
import type { ManifestOptions } from '../../output/manifest.js';
import { renderThreads, runBatch, type InputResult } from '../../output/batch.js';
import { processInput } from '../../output/process-input.js';
import { resolveOutputTarget, type OutputTarget } from '../../output/target.js';
import type { Format } from '../../formats.js';
import { expandInputs, parseShard, selectShard } from '../inputs.js';
import { longRun, tuneForRun, tuneForWorkers } from '../tiering.js';
import { createProgress } from '../progress.js';
import { createReporter, diagnosticJson, displayName, exitCodeOf, type Reporter } from '../report.js';
import { detectLocale } from '../locale.js';
import { parseFormats, parseMaxWarnings, usage, warningLimitExit } from '../options.js';
import { emit, type CommandResult } from '../run.js';

export interface GenOptions {
  output?: string;
  outDir?: string;
  format?: string[];
  templates?: string;
  draft?: boolean;
  pdfa?: boolean;
  jobs?: string;
  json?: boolean;
  quiet?: boolean;
  shard?: string;
  maxWarnings?: string;
  watch?: boolean;
  manifest?: boolean;
  font?: string;
  baseDir?: string[];
}

/** `--jobs`: a number, or undefined for the default (defaultJobs, once the inputs are known). */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw usage(`--jobs must be a whole number from 1 to 64, got "${value}"`, `--jobs 必须是 1 到 64 之间的整数，实际为“${value}”`);
  return jobs;
}

/**
 * Inputs a thread takes on before another one pays. A second thread of a short batch is a worker
 * beside the main thread (renderHereFor), whose start (its own isolate, the renderers loaded with
 * the code cache) costs about what a few contracts cost in process. On 2 cores, distinct
 * contracts, in process (unoptimised below 16 inputs, tiering.ts) against the main thread and a
 * worker, ten runs each interleaved on a shared machine: 6 inputs 1.16-1.64 s (median 1.33)
 * against 1.11-1.50 s (median 1.35); 8 inputs 1.26-1.36 s (median 1.30) against 1.18-1.23 s
 * (median 1.21), at ~170 instead of ~105 MB peak RSS. (Before the main thread rendered, two
 * workers took over from 10 inputs: 8 inputs 1.33-1.46 s in process against 1.51-1.62 s.)
 */
const INPUTS_PER_WORKER = 4;

/**
 * Under --watch every generation starts its workers afresh, while one thread in process stays
 * warm from one generation to the next. From touching an input to the watch's next "watching"
 * line, distinct contracts on 2 cores, three times each: 20 inputs 1.37-1.51 s in process against
 * 1.96-2.31 s with two workers; 40 inputs 2.39-3.41 against 3.71-3.74 s; 80 inputs 5.29-6.05
 * against 5.68-6.92 s.
 */
const INPUTS_PER_WORKER_WATCHING = 64;

/**
 * Threads when `--jobs` is not given: one per INPUTS_PER_WORKER inputs (one thread in process
 * below that), up to one per core less one, which in a long batch, all workers, leaves a core to
 * the main thread, the garbage collector's and the optimising compiler's threads; on 2 cores,
 * two: there the main thread takes ~5% of a long batch's CPU, and two threads beat one in
 * process from ~8 inputs on (above).
 */
export function defaultJobs(inputs: number, cores: number, watching = false): number {
  const perWorker = watching ? INPUTS_PER_WORKER_WATCHING : INPUTS_PER_WORKER;
  return Math.max(1, Math.min(cores, Math.max(2, cores - 1), Math.floor(inputs / perWorker)));
}

/**
 * Whether the main thread renders as one of a batch's threads (one worker fewer) rather than
 * only write what the workers send: while the batch gives each thread fewer than
 * RENDER_HERE_BELOW inputs, and not under --watch.
 *
 * A worker's start costs ~0.5 s of CPU before its first contract is done (its own isolate, the
 * renderers loaded, everything run cold), against ~0.1 s for each contract after; the main
 * thread has the renderers loaded already, and would otherwise wait. A short batch pays that start for a large share of its time. The
 * longer the batch, the larger the main thread's heap grows, which V8 sizes as a process's (the
 * workers' are capped, worker-pool.ts). Distinct contracts, `-j 2` on 2 cores, against the main
 * thread only writing, side by side on a shared machine (wall time, then peak RSS):
 * - 10 inputs: 1.36-1.42 against 1.52-1.55 s; 173-179 against 156-159 MB;
 * - 16 inputs: 1.90-2.07 against 2.05-2.19 s; 178-181 against 162-164 MB;
 * - 23 inputs: 1.97-1.99 against 2.24-2.83 s; 190-193 against 167-168 MB;
 * - 31 inputs: 2.73-3.08 against 3.14-3.18 s, but 193-203 against 169-174 MB;
 * - 100 inputs: 5.76-5.91 against 6.40-6.45 s, but 268-281 against 187-189 MB.
 * (Measured before the workers took the code cache, lib/cli-worker.js.) Below 8 inputs one
 * thread in process is as fast (defaultJobs).
 */
export const RENDER_HERE_BELOW = 12;

export const renderHereFor = (inputs: number, threads: number, watching: boolean): boolean => !watching && threads > 1 && inputs / threads < RENDER_HERE_BELOW;

/**
 * `--font body=<file|family>,heading=<file|family>`: either role may be left out. A value may
 * itself hold commas (a family name); only `,body=` / `,heading=` start the next role.
 */
export function parseFontOption(value: string | undefined, cwd = process.cwd()): FontChoice | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/,(?=\s*(?:body|heading)\s*=)/);
  const out: { body?: string; heading?: string } = {};
  for (const part of parts) {
    const m = /^\s*(body|heading)\s*=(.*)$/s.exec(part);
    const spec = m?.[2]?.trim();
    if (!m || !spec) throw usage(`--font takes body=<file|family>,heading=<file|family>; got "${value}"`, `--font 的格式为 body=<文件|字体族>,heading=<文件|字体族>，实际为“${value}”`);
    const role = m[1] as 'body' | 'heading';
    if (out[role] !== undefined) throw usage(`--font names ${role} twice`, `--font 重复指定了 ${role}`);
    // Relative files are the working folder's: make them absolute for the worker threads.
    out[role] = isFontFileSpec(spec) && !isAbsolute(spec.replace(/#\d+$/, '')) && !spec.startsWith('~') ? resolve(cwd, spec) : spec;
  }
  return out;
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

/** Everything a run needs, checked once before any input is read. */
export interface GenPlan {
  readonly args: readonly string[];
  readonly options: GenOptions;
  readonly requested: Format[] | undefined;
  readonly reporter: Reporter;
  /** Undefined: the default for the inputs found (defaultJobs). */
  readonly jobs: number | undefined;
  readonly shard: { index: number; count: number } | undefined;
  readonly epoch: number | undefined;
  readonly maxWarnings: number | undefined;
  readonly fonts: FontChoice | undefined;
}

export function planGen(args: readonly string[], options: GenOptions): GenPlan {
  const { outputs, report } = parseFormats(options.format, options.json, true);
  if (options.output !== undefined && options.outDir !== undefined) throw usage('give -o or --out-dir, not both', '-o 与 --out-dir 只能给一个');
  if (options.watch && report === 'json') throw usage('--watch prints as it goes; it cannot end in one JSON report', '--watch 会持续输出，不能与 JSON 报告同用');
  return {
    args,
    options,
    requested: outputs,
    reporter: createReporter({ locale: detectLocale(), quiet: options.quiet === true, format: report }),
    jobs: parseJobs(options.jobs),
    shard: options.shard !== undefined ? parseShard(options.shard) : undefined,
    epoch: sourceDateEpoch(),
    maxWarnings: parseMaxWarnings(options.maxWarnings),
    fonts: parseFontOption(options.font),
  };
}

export interface GenOutcome {
  readonly exitCode: number;
  readonly inputs: readonly string[];
  readonly results: readonly InputResult[];
  /** Data for stdout: the JSON report, or the file's bytes with `-o -`. */
  readonly stdout: string | Uint8Array;
}

/** One generation of every input: used once by `gen`, and again on each change by `--watch`. */
export async function generateOnce(plan: GenPlan): Promise<GenOutcome> {
  const { reporter, options } = plan;
  const locale = reporter.locale;
  const expanded = await expandInputs(plan.args);
  const inputs = selectShard(expanded.files, plan.shard);
  const jobs = plan.jobs ?? defaultJobs(inputs.length, availableParallelism(), options.watch === true);
  const threads = renderThreads(inputs, jobs);
  const longRunning = longRun('gen', inputs.length, threads, options.watch === true);
  // With workers, TurboFan's setting waits for them to load their code (tiering.ts).
  let workersLoaded: (() => void) | undefined;
  if (threads === 1) tuneForRun(longRunning, threads);
  else workersLoaded = tuneForWorkers(longRunning, threads);
  const { target, formats } = resolveOutputTarget(options.output ?? options.outDir ?? 'out', plan.requested, inputs.length);
  if (target.kind === 'stdout') checkStdoutTarget(target, reporter);
  if (target.kind === 'stdout' && options.manifest) throw usage('--manifest lists files beside the outputs; -o - writes no file', '--manifest 在输出文件旁列出清单；-o - 不写文件');
  reporter.diagnostics(expanded.problems);
  if (inputs.length === 0) {
    if (plan.shard && expanded.problems.length === 0) reporter.info(locale === 'zh' ? '本分片没有输入文件' : 'no inputs in this shard');
    const exitCode = exitCodeOf(expanded.problems);
    return { exitCode, inputs, results: [], stdout: reporter.format === 'json' ? report([], expanded.problems, locale) : '' };
  }

  const render = {
    formats,
    draft: options.draft === true,
    pdfa: options.pdfa === true,
    diskCache: true,
    ...(options.templates !== undefined ? { templatesDir: options.templates } : {}),
    ...(plan.epoch !== undefined ? { sourceDateEpoch: plan.epoch } : {}),
    ...(plan.fonts !== undefined ? { fonts: plan.fonts } : {}),
    ...(options.baseDir !== undefined ? { baseDirs: options.baseDir } : {}),
  };

  if (target.kind === 'stdout') {
    const processed = await processInput(inputs[0]!, render);
    reporter.input(inputs[0]!, processed.diagnostics);
    reporter.flush();
    const exitCode = Math.max(exitCodeOf(expanded.problems), exitCodeOf(processed.diagnostics));
    const data = exitCode === 0 ? processed.files[0]?.data ?? new Uint8Array() : new Uint8Array();
    const result: InputResult = {
      input: processed.input,
      status: exitCode === 0 ? 'written' : 'invalid',
      outputs: [],
      diagnostics: processed.diagnostics,
      sources: processed.sources,
    };
    return { exitCode: warningLimitExit(exitCode, reporter, plan.maxWarnings), inputs, results: [result], stdout: data };
  }

  const progress = createProgress(inputs.length, !reporter.quiet && reporter.format === 'text' && inputs.length > 1);
  const results = await runBatch(inputs, {
    outDir: target.kind === 'folder' ? target.dir : '.',
    ...(target.kind === 'file' ? { outFile: target.path } : {}),
    jobs,
    renderHere: renderHereFor(inputs.length, threads, options.watch === true),
    ...(workersLoaded ? { onWorkersLoaded: workersLoaded } : {}),
    ...render,
    onResult: (result, done) => {
      progress.clear();
      reporter.input(result.input, result.diagnostics);
      progress.update(done);
    },
  });
  progress.done();
  reporter.flush();

  const manifest = options.manifest
    ? await writeRunManifest(results, {
        outDir: target.kind === 'folder' ? target.dir : dirname(target.path),
        formats,
        draft: render.draft,
        pdfa: render.pdfa,
        ...(options.templates !== undefined ? { templatesDir: options.templates } : {}),
        ...(plan.epoch !== undefined ? { sourceDateEpoch: plan.epoch } : {}),
        ...(plan.shard ? { shard: plan.shard } : {}),
      })
    : undefined;

  const exitCode = warningLimitExit(exitCodeOf([...expanded.problems, ...results.flatMap((r) => r.diagnostics)]), reporter, plan.maxWarnings);
  if (reporter.format === 'json') return { exitCode, inputs, results, stdout: report(results, expanded.problems, locale, manifest) };
  summarise(results, reporter);
  if (manifest) reporter.info(`${locale === 'zh' ? '已写出' : 'wrote'} ${manifest.sums}, ${manifest.json}`);
  return { exitCode, inputs, results, stdout: '' };
}

/** gen --manifest: written after the outputs; a failure to write it is an I/O error (exit 3). */
async function writeRunManifest(results: readonly InputResult[], options: ManifestOptions): Promise<{ sums: string; json: string }> {
  const { writeManifest } = await import('../../output/manifest.js');
  try {
    return await writeManifest(results, options);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ContractError([
      { kind: 'io', severity: 'error', code: 'write-failed', message: text(`could not write the manifest in ${options.outDir} (${reason})`, `无法在 ${options.outDir} 写出清单（${reason}）`) },
    ]);
  }
}

/** `-o -`: standard output takes the file, so nothing else may go there, and no binary into a terminal. */
function checkStdoutTarget(target: Extract<OutputTarget, { kind: 'stdout' }>, reporter: Reporter): void {
  if (reporter.format !== 'text') {
    throw usage(`-o - writes the file to standard output; --format ${reporter.format} cannot print there too`, `-o - 把文件写到标准输出，--format ${reporter.format} 不能同时输出到那里`);
  }
  if (target.format !== 'md' && process.stdout.isTTY) {
    throw usage(
      `not writing a ${target.format.toUpperCase()} file to the terminal: redirect it (> contract.${target.format}) or pipe it`,
      `不会把 ${target.format.toUpperCase()} 文件写到终端：请重定向（> contract.${target.format}）或通过管道传给其他程序`,
    );
  }
}

export async function runGen(args: string[], options: GenOptions): Promise<CommandResult> {
  const plan = planGen(args, options);
  if (options.watch) {
    const { watchGen } = await import('../watch.js');
    return watchGen(plan);
  }
  const outcome = await generateOnce(plan);
  return { exitCode: outcome.exitCode, stdout: outcome.stdout };
}

function report(results: readonly InputResult[], problems: readonly Diagnostic[], locale: Locale, manifest?: { sums: string; json: string }): string {
  const json = {
    ok: problems.length === 0 && results.every((r) => r.status === 'written'),
    summary: {
      inputs: results.length,
      written: results.filter((r) => r.status === 'written').length,
      invalid: results.filter((r) => r.status === 'invalid').length,
      failed: results.filter((r) => r.status === 'failed').length,
      files: results.reduce((n, r) => n + r.outputs.length, 0),
    },
    ...(problems.length > 0 ? { problems: problems.map((d) => diagnosticJson(d, locale)) } : {}),
    inputs: results.map((r) => ({
      input: r.input,
      status: r.status,
      ...(r.contractNumber !== undefined ? { contractNumber: r.contractNumber } : {}),
      outputs: r.outputs,
      diagnostics: r.diagnostics.map((d) => diagnosticJson(d, locale)),
    })),
    ...(manifest ? { manifest } : {}),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function summarise(results: readonly InputResult[], reporter: Reporter): void {
  const locale = reporter.locale;
  const written = results.filter((r) => r.status === 'written');
  const bad = results.filter((r) => r.status !== 'written');
  if (results.length === 1 && written.length === 1) {
    for (const o of written[0]!.outputs) reporter.info(`${locale === 'zh' ? '已写出' : 'wrote'} ${o.path} (${formatBytes(o.bytes)})`);
    return;
  }
  // One input that failed: its errors were the whole story.
  if (results.length === 1) return;
  const files = written.reduce((n, r) => n + r.outputs.length, 0);
  reporter.info(
    locale === 'zh'
      ? `${results.length} 个输入：${written.length} 个已生成（${files} 个文件），${bad.length} 个失败`
      : `${results.length} inputs: ${written.length} generated (${files} files), ${bad.length} failed`,
  );
  for (const r of bad) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    const elsewhere = first?.file !== undefined && first.file !== displayName(r.input);
    const why = !first ? '' : elsewhere ? (locale === 'zh' ? `${first.file} 中有错误` : `error in ${first.file}`) : first.message[locale];
    reporter.error(`  ${locale === 'zh' ? '失败' : 'failed'}: ${r.input}${why ? ` (${why})` : ''}`);
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`);

/** For `--watch`: write the stdout data of a run now, since the command does not end. */
export const emitNow = emit;
