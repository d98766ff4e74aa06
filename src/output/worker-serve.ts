import { parentPort, type MessagePort } from 'node:worker_threads';
import type { RenderOptions } from '../pipeline.js';
import type { LoadOptions } from './process-input.js';
import { expectManyDocuments } from '../many-documents.js';
import { processInput } from './process-input.js';

type Message = { index: number; input: string; options: RenderOptions & LoadOptions };

/**
 * Makes this worker thread a batch worker: it processes one input per message, one after another
 * in the order given (it may be given the next before it is done with one, worker-pool.ts), and
 * sends the file contents back. First it says it is ready, and which code cache it was compiled
 * with (the CLI's worker, lib/cli-worker.js; 'none' for the library's).
 */
export function serveBatchWorker(codeCache: 'accepted' | 'rejected' | 'none' = 'none', port: MessagePort | null = parentPort): void {
  if (port === null) return;
  expectManyDocuments();
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: Message) => {
    queue = queue.then(async () => {
      const processed = await processInput(message.input, message.options);
      // Copied, not transferred: a Buffer may be a slice of a shared pool.
      port.postMessage({ index: message.index, processed });
    });
    // An error processInput did not turn into a diagnostic ends the worker, as it did before inputs
    // queued here: the pool reports the input it was on and hands the others to a fresh worker.
    queue.catch((error: unknown) =>
      process.nextTick(() => {
        throw error;
      }),
    );
  });
  port.postMessage({ ready: codeCache });
}
