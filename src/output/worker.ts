/** The library's batch worker (dist/contract-worker.mjs); the CLI's is bin/cli-worker.js. */
import { serveBatchWorker } from './worker-serve.js';

serveBatchWorker();
