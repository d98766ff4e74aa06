import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { text, type Diagnostic } from '../diagnostics.js';
import type { Format, RenderOptions } from '../pipeline.js';
import { writeFileAtomic } from './atomic-write.js';
import { processInput, type ProcessedInput } from './process-input.js';

export type InputStatus = 'written' | 'invalid' | 'failed';

export interface InputResult {
  readonly input: string;
  readonly status: InputStatus;
  readonly contractNumber?: string;
  readonly outputs: readonly { readonly format: Format; readonly path: string; readonly bytes: number }[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface BatchOptions extends RenderOptions {
  readonly outDir: string;
  /**
   * With one input and one format: write exactly this file instead of
   * `<outDir>/<contract number>.<format>` (`-o contract.pdf`).
   */
  readonly outFile?: string;
  /** Parallel workers; 1 processes in this thread. */
  readonly jobs?: number;
  readonly onResult?: (result: InputResult, done: number, total: number) => void;
}

/** Only the plain data of the options crosses to a worker (no callbacks). */
function renderOptionsOf(options: BatchOptions): RenderOptions {
  const { formats, draft, templatesDir, sourceDateEpoch, pdfa, diskCache, fonts } = options;
  return {
    ...(fonts !== undefined ? { fonts } : {}),
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
  const claimed = new Map<string, string>();
  const results: InputResult[] = new Array(inputs.length);
  let done = 0;

  const finish = async (index: number, processed: ProcessedInput): Promise<void> => {
    const result = await write(processed, options, claimed);
    results[index] = result;
    done += 1;
    options.onResult?.(result, done, inputs.length);
  };

  // Standard input can only be read by this thread.
  const jobs = inputs.includes('-') ? 1 : Math.max(1, Math.min(options.jobs ?? 1, inputs.length));
  if (jobs > 1) {
    const { processInParallel } = await import('./worker-pool.js');
    await processInParallel(inputs, renderOptionsOf(options), jobs, finish);
  } else {
    for (const [index, input] of inputs.entries()) await finish(index, await processInput(input, options));
  }
  return results;
}

/** Where one rendered file of an input goes: the named file, or `<outDir>/<base name>.<format>`. */
export function outputPath(options: Pick<BatchOptions, 'outDir' | 'outFile'>, baseName: string, format: Format): string {
  return options.outFile ?? join(options.outDir, `${baseName}.${format}`);
}

async function write(processed: ProcessedInput, options: BatchOptions, claimed: Map<string, string>): Promise<InputResult> {
  const base = { input: processed.input, ...(processed.contractNumber ? { contractNumber: processed.contractNumber } : {}) };
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
  const outputs: { format: Format; path: string; bytes: number }[] = [];
  try {
    for (const file of processed.files) {
      const path = outputPath(options, processed.baseName, file.format);
      await writeFileAtomic(path, file.data);
      outputs.push({ format: file.format, path, bytes: file.data.byteLength });
    }
  } catch (error) {
    // An input's files are a set: do not leave the DOCX of a contract whose PDF failed.
    await Promise.all(outputs.map((o) => rm(o.path, { force: true })));
    outputs.length = 0;
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    const io: Diagnostic = {
      kind: 'io',
      severity: 'error',
      code: 'write-failed',
      file: processed.input,
      message: text(
        `could not write to ${resolve(options.outFile ?? options.outDir)} (${reason})`,
        `无法写入 ${resolve(options.outFile ?? options.outDir)}（${reason}）`,
      ),
    };
    return { ...base, status: 'failed', outputs, diagnostics: [...processed.diagnostics, io] };
  }
  return { ...base, status: 'written', outputs, diagnostics: processed.diagnostics };
}
