/** The library's batch worker (dist/contract-worker.mjs); the CLI's is lib/cli-worker.js. */
import { serveBatchWorker } from './worker-serve.js';

serveBatchWorker();
