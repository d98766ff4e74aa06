import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { RenderOptions } from '../pipeline.js';
import type { LoadOptions, ProcessedInput } from './process-input.js';
import { text } from '../diagnostics.js';

/** Where the worker script is: beside this module in dist/, or the bundle's worker entry. */
function workerUrl(): URL {
  if (import.meta.url.endsWith('/output/worker-pool.js') || import.meta.url.endsWith('/output/worker-pool.ts')) {
    return new URL('./worker.js', import.meta.url);
  }
  return pathToFileURL(join(packageRoot(), 'dist', 'contract-worker.mjs'));
}

/**
 * A contract's working set is a few MB: a small young generation makes each worker collect
 * early instead of growing to V8's defaults (peak RSS of a 2-worker batch: 320 -> ~170 MB).
 * 12 MB rather than 16: ~14 MB less per worker for ~6% of its rate (one worker, 100 contracts).
 * A contract allocates 27 MB (it was 48 before lines and DOCX blocks were reused).
 * The old-generation cap leaves ample room for the largest accepted input.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 256 } as const;

/**
 * Spreads inputs over worker threads; each worker keeps its parsed fonts and compiled
 * templates across inputs. Results come back in completion order through `finish`.
 */
export async function processInParallel(
  inputs: readonly string[],
  options: RenderOptions & LoadOptions,
  jobs: number,
  finish: (index: number, processed: ProcessedInput) => Promise<void>,
): Promise<void> {
  let next = 0;
  const pending: Promise<void>[] = [];

  /** One worker's share: it takes inputs until none are left. Resolves when it stops. */
  const serve = (worker: Worker): Promise<void> =>
    new Promise((resolvePromise) => {
      let current = -1;
      const dispatch = () => {
        if (next >= inputs.length) return resolvePromise();
        current = next++;
        worker.postMessage({ index: current, input: inputs[current], options });
      };
      worker.on('message', (message: { index: number; processed: ProcessedInput }) => {
        current = -1;
        pending.push(finish(message.index, message.processed));
        dispatch();
      });
      // A worker that dies (out of memory, a bug) fails its own input only; the slot goes on
      // with a fresh worker.
      worker.on('error', (error) => {
        if (current >= 0) pending.push(finish(current, crashed(inputs[current]!, error)));
        current = -1;
        resolvePromise();
      });
      dispatch();
    });

  const slot = async (): Promise<void> => {
    while (next < inputs.length) {
      const worker = new Worker(workerUrl(), { resourceLimits: WORKER_LIMITS });
      try {
        await serve(worker);
      } finally {
        await worker.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, slot));
  await Promise.all(pending);
}

function crashed(input: string, error: unknown): ProcessedInput {
  const message = error instanceof Error ? error.message : String(error);
  return {
    input,
    files: [],
    sources: [input],
    diagnostics: [
      {
        kind: 'internal',
        severity: 'error',
        code: 'worker-crashed',
        file: input,
        message: text(`internal error: the worker processing this input stopped (${message})`, `内部错误：处理本输入的工作线程已停止（${message}）`),
      },
    ],
  };
}
