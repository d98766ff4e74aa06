// A batch worker thread of the CLI (src/output/worker-pool.ts starts it when it runs from the
// bundle). It loads the CLI's bundle as the main thread does (load-cli.js), with the build's code
// cache: a worker that compiled its code from source took ~0.1 s more of CPU before its first
// contract was done (the ES modules of dist/contract-worker.mjs, which the library's workers
// load). V8 takes the cache only under the flags it was made with; the main thread applies its
// own settings once its workers are ready (src/cli/commands/gen-run.ts). It is in lib/, beside the
// loader, not in bin/: bin/ holds the one command, bin/contract.js. CommonJS, as the loader is
// (lib/load-cli.js): no ES module loader to start in each worker either.
'use strict';
const { isMainThread } = require('node:worker_threads');
const { loadCli } = require('./load-cli.js');

if (isMainThread) {
  // Run by hand it would wait for inputs that never come: say what to run instead.
  process.stderr.write('contract: lib/cli-worker.js is the worker thread of a `contract gen` batch, not a command; run bin/contract.js (contract --help)\n');
  process.exit(2);
}
(async () => {
  const cli = await loadCli({ args: ['gen'], inWorker: true });
  if (process.env.CONTRACT_DEBUG_CODE_CACHE === '1') process.stderr.write(`contract: worker code cache ${cli.cache}${cli.kind ? ` (${cli.kind})` : ''}\n`);
  (await cli.batchWorker())(cli.cache);
})();
