#!/usr/bin/env node
// The bundled CLI when it has been built (fast start), the compiled modules otherwise.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/contract.mjs', import.meta.url);
const modules = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(bundle) && !existsSync(modules)) {
  // A checkout of the sources: the package from npm ships dist/ built.
  process.stderr.write('contract: not built yet: run `npm run build` in the project folder first\n');
  process.exit(3);
}
const { main } = await import(existsSync(bundle) ? bundle.href : modules.href);
process.exitCode = await main(process.argv.slice(2));
