import { parentPort, workerData } from 'node:worker_threads';
import { useSharedBundledFonts } from '../fonts/bundled.js';
import type { RenderOptions } from '../pipeline.js';
import type { LoadOptions } from './process-input.js';
import { processInput } from './process-input.js';

// The bundled fonts, read once by the pool and shared by its workers.
const fonts = (workerData as { bundledFonts?: Parameters<typeof useSharedBundledFonts>[0] } | null)?.bundledFonts;
if (fonts !== undefined) useSharedBundledFonts(fonts);

/** A batch worker: processes one input per message and sends the file contents back. */
parentPort?.on('message', async (message: { index: number; input: string; options: RenderOptions & LoadOptions }) => {
  const processed = await processInput(message.input, message.options);
  // Copied, not transferred: a Buffer may be a slice of a shared pool.
  parentPort!.postMessage({ index: message.index, processed });
});
