#!/usr/bin/env node
// The bundled CLI when it has been built (fast start), the compiled modules otherwise.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/contract.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
