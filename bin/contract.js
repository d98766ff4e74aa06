#!/usr/bin/env node
// CommonJS (bin/package.json), as is the loader: see lib/load-cli.js.
'use strict';
const { loadCli } = require('../lib/load-cli.js');

(async () => {
  const cli = await loadCli();
  if (cli === undefined) {
    // A checkout of the sources: the package from npm ships dist/ built.
    process.stderr.write('contract: not built yet: run `npm run build` in the project folder first\n');
    process.exit(3);
  }
  if (process.env.CONTRACT_DEBUG_CODE_CACHE === '1') process.stderr.write(`contract: code cache ${cli.cache}${cli.kind ? ` (${cli.kind})` : ''}\n`);
  process.exitCode = await cli.main(process.argv.slice(2));
  cli.save();
})();
