import { basename, dirname, join, resolve } from 'node:path';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import type { Format, RenderOptions } from '../pipeline.js';
import { expectManyDocuments } from '../many-documents.js';
import { OutputSetError, sweepOutputDir, writeOutputSet } from './output-set.js';
import { processInput, type LoadOptions, type ProcessedInput } from './process-input.js';
import { checkCacheDirSetting } from './subset-store.js';

export type InputStatus = 'written' | 'invalid' | 'failed';

export interface InputResult {
  readonly input: string;
  readonly status: InputStatus;
  readonly contractNumber?: string;
  readonly outputs: readonly { readonly format: Format; readonly path: string; readonly bytes: number }[];
  readonly diagnostics: readonly Diagnostic[];
  /** The params files read for the input: itself and the bases it extends, or the files its errors are in. */
  readonly sources: readonly string[];
}

export interface BatchOptions extends RenderOptions, LoadOptions {
  readonly outDir: string;
  /**
   * With one input and one format: write exactly this file instead of
   * `<outDir>/<contract number>.<format>` (`-o contract.pdf`).
   */
  readonly outFile?: string;
  /** How long to wait for another run writing the same output set; default 30 s. */
  readonly lockWaitMs?: number;
  /** Threads that render at once: 1 processes in this thread; more are worker threads. */
  readonly jobs?: number;
  /**
   * With `jobs` above 1: this thread renders too, as one of the `jobs` (one worker fewer is
   * started). By default every one is a worker, which leaves this thread to its host (a server's
   * event loop); the CLI lets a short batch's main thread render (gen-run.ts).
   */
  readonly renderHere?: boolean;
  /**
   * With worker threads: called once the first ones have loaded their code. V8 takes a code
   * cache only under the flags it was made with, and they are the process's: the CLI changes
   * them from then on (gen-run.ts).
   */
  readonly onWorkersLoaded?: () => void;
  readonly onResult?: (result: InputResult, done: number, total: number) => void;
}

/** How many threads a batch renders on: `jobs` workers at most, one per input; standard input can only be read by this thread. */
export function renderThreads(inputs: readonly string[], jobs = 1): number {
  return inputs.includes('-') ? 1 : Math.max(1, Math.min(jobs, inputs.length));
}

/** Only the plain data of the options crosses to a worker (no callbacks). */
function renderOptionsOf(options: BatchOptions): RenderOptions & LoadOptions {
  const { formats, draft, templatesDir, sourceDateEpoch, pdfa, diskCache, baseDirs, fonts } = options;
  return {
    ...(fonts !== undefined ? { fonts } : {}),
    ...(baseDirs !== undefined ? { baseDirs } : {}),
    ...(diskCache !== undefined ? { diskCache } : {}),
    ...(formats ? { formats } : {}),
    ...(draft !== undefined ? { draft } : {}),
    ...(templatesDir !== undefined ? { templatesDir } : {}),
    ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
    ...(pdfa !== undefined ? { pdfa } : {}),
  };
}

const hasError = (list: readonly Diagnostic[]) => list.some((d) => d.severity === 'error');

/**
 * Processes every input; one failure never stops the others. Files are written only after an
 * input rendered completely, each atomically, and never over another input's output.
 */
export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<InputResult[]> {
  if (options.outDir.trim() === '') {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'empty-out-dir',
        message: text('the output folder is empty (-o ""); name a folder, e.g. -o out', '输出目录为空（-o ""）；请给出目录，例如 -o out'),
      },
    ]);
  }
  if (options.diskCache) checkCacheDirSetting();
  // What killed runs left in the output folder (temporary files, half-done sets) is finished
  // or removed first.
  await sweepOutputDir(options.outFile !== undefined ? dirname(options.outFile) : options.outDir);
  const claimed = new Map<string, string>();
  const results: InputResult[] = new Array(inputs.length);
  let done = 0;

  // One set is written at a time (results come back from several workers): a killed run
  // leaves the files of at most one half-written set, and results are reported in that order.
  let writing: Promise<void> = Promise.resolve();
  const finish = (index: number, processed: ProcessedInput): Promise<void> => {
    const next = writing.then(async () => {
      const result = await write(processed, options, claimed);
      results[index] = result;
      done += 1;
      options.onResult?.(result, done, inputs.length);
    });
    writing = next.catch(() => undefined);
    return next;
  };

  const jobs = renderThreads(inputs, options.jobs);
  // This thread renders more than one of them: what they share is kept from the first.
  if (inputs.length > 1 && (jobs === 1 || options.renderHere)) expectManyDocuments();
  if (jobs > 1) {
    const { processInParallel } = await import('./worker-pool.js');
    const here = options.renderHere ? (input: string) => processInput(input, options) : undefined;
    await processInParallel(inputs, renderOptionsOf(options), here ? jobs - 1 : jobs, finish, here, options.onWorkersLoaded);
  } else {
    for (const [index, input] of inputs.entries()) await finish(index, await processInput(input, options));
  }
  return results;
}

async function write(processed: ProcessedInput, options: BatchOptions, claimed: Map<string, string>): Promise<InputResult> {
  const base = { input: processed.input, ...(processed.contractNumber ? { contractNumber: processed.contractNumber } : {}), sources: processed.sources };
  if (hasError(processed.diagnostics) || !processed.baseName) {
    return { ...base, status: 'invalid', outputs: [], diagnostics: processed.diagnostics };
  }
  const key = processed.baseName.toLowerCase();
  const owner = claimed.get(key);
  if (owner !== undefined) {
    const collision: Diagnostic = {
      kind: 'schema',
      severity: 'error',
      code: 'output-name-collision',
      file: processed.input,
      keyPath: 'contract.number',
      message: text(
        `the output file name "${processed.baseName}" is already used by ${owner}; nothing was written for this input`,
        `输出文件名“${processed.baseName}”已被 ${owner} 使用；本输入未写出任何文件`,
      ),
      hint: text('give each contract its own contract.number', '请为每份合同设置不同的 contract.number'),
    };
    return { ...base, status: 'invalid', outputs: [], diagnostics: [...processed.diagnostics, collision] };
  }
  claimed.set(key, processed.input);
  const dir = options.outFile !== undefined ? dirname(options.outFile) : options.outDir;
  const nameOf = (format: Format) => (options.outFile !== undefined ? basename(options.outFile) : `${processed.baseName}.${format}`);
  const outputs = processed.files.map((file) => ({ format: file.format, path: join(dir, nameOf(file.format)), bytes: file.data.byteLength }));
  try {
    await writeOutputSet(
      dir,
      options.outFile !== undefined ? basename(options.outFile) : processed.baseName,
      processed.files.map((file) => ({ name: nameOf(file.format), data: file.data })),
      { lockWaitMs: options.lockWaitMs ?? lockWaitFromEnv() },
    );
  } catch (error) {
    return { ...base, status: 'failed', outputs: [], diagnostics: [...processed.diagnostics, outputWriteProblem(error, processed.input, dir)] };
  }
  return { ...base, status: 'written', outputs, diagnostics: processed.diagnostics };
}

/** CONTRACT_LOCK_TIMEOUT: seconds to wait for another run writing the same set (default 30). */
function lockWaitFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['CONTRACT_LOCK_TIMEOUT'];
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
  return Math.min(Number(raw) * 1000, 3_600_000);
}

export function outputWriteProblem(error: unknown, input: string, outDir: string): Diagnostic {
  const dir = resolve(outDir);
  const io = (code: string, en: string, zh: string, hint?: [string, string]): Diagnostic => ({
    kind: 'io',
    severity: 'error',
    code,
    file: input,
    message: text(en, zh),
    ...(hint ? { hint: text(...hint) } : {}),
  });
  if (!(error instanceof OutputSetError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return io('write-failed', `could not write to ${dir} (${reason}); nothing was changed there`, `无法写入 ${dir}（${reason}）；该目录未作任何改动`);
  }
  const path = resolve(error.path);
  switch (error.problem) {
    case 'locked':
      return io(
        'output-locked',
        `could not write to ${dir}: another contract run (${error.detail}) is writing the same files; nothing was written for this input`,
        `无法写入 ${dir}：另一个 contract 进程（${error.detail}）正在写同一组文件；本输入未写出任何文件`,
        [`wait for it to finish (CONTRACT_LOCK_TIMEOUT sets how long to wait, in seconds), or remove ${path} if no run is active`, `请等待其完成（CONTRACT_LOCK_TIMEOUT 设置等待秒数）；如确无进程在运行，可删除 ${path}`],
      );
    case 'read-only':
      return io(
        'output-read-only',
        `could not write to ${dir}: ${path} is read-only, so it and the other files of this contract are kept as they are`,
        `无法写入 ${dir}：${path} 为只读，该文件及本合同的其他文件均保持原样`,
        ['make it writable (chmod u+w) or remove it to replace it, or write elsewhere with -o', '如需替换，请先设为可写（chmod u+w）或删除；也可用 -o 写到其他目录'],
      );
    case 'not-a-file':
      return io('write-failed', `could not write to ${dir}: ${path} exists and is not a regular file (${error.detail}); nothing was changed`, `无法写入 ${dir}：${path} 已存在且不是普通文件（${error.detail}）；未作任何改动`);
    case 'cannot-create-folder':
      return io('write-failed', `could not write to ${dir}: cannot create the folder ${path} (${error.detail})`, `无法写入 ${dir}：无法创建目录 ${path}（${error.detail}）`);
    case 'io':
      return io('write-failed', `could not write to ${dir} (${error.detail}); the previous files of this contract are unchanged`, `无法写入 ${dir}（${error.detail}）；本合同原有的文件未被改动`);
  }
}
