import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { RenderOptions } from '../pipeline.js';
import type { ProcessedInput } from './process-input.js';

/** Where the worker script is: beside this module in dist/, or the bundle's worker entry. */
function workerUrl(): URL {
  if (import.meta.url.endsWith('/output/worker-pool.js') || import.meta.url.endsWith('/output/worker-pool.ts')) {
    return new URL('./worker.js', import.meta.url);
  }
  return pathToFileURL(join(packageRoot(), 'dist', 'contract-worker.mjs'));
}

/**
 * Spreads inputs over worker threads; each worker keeps its parsed fonts and compiled
 * templates across inputs. Results come back in completion order through `finish`.
 */
export async function processInParallel(
  inputs: readonly string[],
  options: RenderOptions,
  jobs: number,
  finish: (index: number, processed: ProcessedInput) => Promise<void>,
): Promise<void> {
  let next = 0;
  const run = (worker: Worker): Promise<void> =>
    new Promise((resolvePromise, reject) => {
      const pending: Promise<void>[] = [];
      const dispatch = () => {
        if (next >= inputs.length) {
          Promise.all(pending).then(() => resolvePromise(), reject);
          return;
        }
        const index = next++;
        worker.postMessage({ index, input: inputs[index], options });
      };
      worker.on('message', (message: { index: number; processed: ProcessedInput }) => {
        pending.push(finish(message.index, message.processed));
        dispatch();
      });
      worker.on('error', reject);
      dispatch();
    });
  const workers = Array.from({ length: jobs }, () => new Worker(workerUrl()));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
