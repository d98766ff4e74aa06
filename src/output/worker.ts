import { parentPort } from 'node:worker_threads';
import type { RenderOptions } from '../pipeline.js';
import type { LoadOptions } from './process-input.js';
import { processInput } from './process-input.js';

/** A batch worker: processes one input per message and sends the file contents back. */
parentPort?.on('message', async (message: { index: number; input: string; options: RenderOptions & LoadOptions }) => {
  const processed = await processInput(message.input, message.options);
  // Copied, not transferred: a Buffer may be a slice of a shared pool.
  parentPort!.postMessage({ index: message.index, processed });
});
