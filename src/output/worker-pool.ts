import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root.js';
import type { RenderOptions } from '../pipeline.js';
import type { LoadOptions, ProcessedInput } from './process-input.js';
import { text } from '../diagnostics.js';

/**
 * Where the worker script is: beside this module in dist/; for the CLI's bundle, the CLI's worker,
 * which loads that bundle with its code cache (lib/cli-worker.js); for the library's bundle, its
 * worker entry.
 */
function workerUrl(): URL {
  if (import.meta.url.endsWith('/output/worker-pool.js') || import.meta.url.endsWith('/output/worker-pool.ts')) {
    return new URL('./worker.js', import.meta.url);
  }
  if (import.meta.url.endsWith('/dist/contract.cjs')) return pathToFileURL(join(packageRoot(), 'lib', 'cli-worker.js'));
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
 * The inputs of a batch not yet handed to a thread: in order, and first those a crashed worker
 * had been given but had not started on.
 */
export class InputQueue {
  private next = 0;
  private readonly again: number[] = [];

  constructor(private readonly count: number) {}

  get empty(): boolean {
    return this.again.length === 0 && this.next >= this.count;
  }

  /** The index of the next input to process, or undefined when none is left. */
  take(): number | undefined {
    if (this.again.length > 0) return this.again.shift();
    return this.next < this.count ? this.next++ : undefined;
  }

  /** Inputs handed out but never started, to be taken again before any other. */
  giveBack(indexes: readonly number[]): void {
    this.again.unshift(...indexes);
  }
}

/**
 * What a worker has been given and not yet answered, in the order it works through them: the
 * first is the one it is on.
 */
export class InFlight {
  private readonly indexes: number[] = [];

  get size(): number {
    return this.indexes.length;
  }

  add(index: number): void {
    this.indexes.push(index);
  }

  /** An answer came for `index`. */
  done(index: number): void {
    const at = this.indexes.indexOf(index);
    if (at >= 0) this.indexes.splice(at, 1);
  }

  /** The worker died: the input it was on, and those it had not started. Leaves it empty. */
  crash(): { readonly current: number | undefined; readonly unstarted: number[] } {
    const [current, ...unstarted] = this.indexes.splice(0);
    return { current, unstarted };
  }
}

/**
 * Spreads inputs over `workers` worker threads, and over this thread too when `here` is given;
 * each worker keeps its parsed fonts and compiled templates across inputs. Results come back
 * in completion order through `finish`.
 *
 * `here` renders an input in this thread. While it does, this thread does not read the workers'
 * messages, so each worker is then given two inputs at a time: it starts on the second while
 * this thread finishes its own, instead of waiting to be handed one.
 *
 * `loaded` is called once the first workers have loaded their code (or died trying): V8's
 * settings may change from then on without a worker's code cache being refused (gen-run.ts).
 */
export async function processInParallel(
  inputs: readonly string[],
  options: RenderOptions & LoadOptions,
  workers: number,
  finish: (index: number, processed: ProcessedInput) => Promise<void>,
  here?: (input: string) => Promise<ProcessedInput>,
  loaded?: () => void,
): Promise<void> {
  const queue = new InputQueue(inputs.length);
  const pending: Promise<void>[] = [];
  const depth = here === undefined ? 1 : 2;
  // The first workers still loading their code (a worker started after a crash is not waited for).
  let loading = workers;
  const oneLoaded = () => {
    if (--loading === 0) loaded?.();
  };
  if (workers === 0) loaded?.();

  /** One worker's share: it takes inputs until none are left. Resolves when it stops. */
  const serve = (worker: Worker, first: boolean): Promise<void> =>
    new Promise((resolveServe) => {
      const given = new InFlight();
      let waited = first;
      // Loaded, or as good as loaded for the waiting: it died, or it stops before it said so.
      const ready = () => {
        if (waited) oneLoaded();
        waited = false;
      };
      let stopped = false;
      const resolvePromise = () => {
        stopped = true;
        ready();
        resolveServe();
      };
      const dispatch = () => {
        while (given.size < depth) {
          const index = queue.take();
          if (index === undefined) break;
          given.add(index);
          worker.postMessage({ index, input: inputs[index], options });
        }
        if (given.size === 0) resolvePromise();
      };
      worker.on('message', (message: { index: number; processed: ProcessedInput } | { ready: string }) => {
        if ('ready' in message) return ready();
        given.done(message.index);
        pending.push(finish(message.index, message.processed));
        dispatch();
      });
      // A worker that dies (out of memory, a bug) fails the input it was on only: the ones it
      // had not started go back to the queue, and the slot goes on with a fresh worker.
      const died = (error: unknown) => {
        if (stopped) return;
        const { current, unstarted } = given.crash();
        if (current !== undefined) pending.push(finish(current, crashed(inputs[current]!, error)));
        queue.giveBack(unstarted);
        resolvePromise();
      };
      worker.on('error', died);
      // A worker that ends without an error while it holds inputs (process.exit in some code it
      // ran) is a crash too, not a batch left waiting.
      worker.on('exit', (code) => died(new Error(`the worker exited with code ${code}`)));
      dispatch();
    });

  const slot = async (): Promise<void> => {
    if (queue.empty) return oneLoaded();
    for (let first = true; !queue.empty; first = false) {
      const worker = new Worker(workerUrl(), { resourceLimits: WORKER_LIMITS });
      try {
        await serve(worker, first);
      } finally {
        await worker.terminate();
      }
    }
  };

  const thisThread = async (render: (input: string) => Promise<ProcessedInput>): Promise<void> => {
    for (let index = queue.take(); index !== undefined; index = queue.take()) {
      pending.push(finish(index, await render(inputs[index]!)));
      // Lets the workers' answers in, and each its next input, before the next render here.
      await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    }
  };

  await Promise.all([...Array.from({ length: workers }, slot), ...(here ? [thisThread(here)] : [])]);
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
