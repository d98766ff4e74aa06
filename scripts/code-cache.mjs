// Writes dist/contract.cjs.v8cache: the V8 code cache of the CLI's bundle, taken after the
// bundle has generated the example (DOCX + PDF, no font subset cache) and validated it, so that
// it holds the compiled code of everything a cold `gen` runs, not only the bundle's top level.
// Run by `npm run build` after scripts/bundle.mjs; bin/load-cli.js reads it. Also writes the
// bundle's SHA-1 (dist/contract.cjs.build-id).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdPath, bundlePath, codeCachePath, loadCli } from '../bin/load-cli.js';

const example = new URL('../examples/params.example.yaml', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'contract-code-cache-'));
process.env.CONTRACT_CACHE = '0';
try {
  const cli = await loadCli({ makingCache: true });
  if (cli?.script === undefined) throw new Error('dist/contract.cjs is not built');
  for (const args of [['gen', example, '-o', out, '-q'], ['validate', example, '-q']]) {
    const code = await cli.main(args);
    if (code !== 0) throw new Error(`contract ${args.join(' ')} exited with ${code}`);
  }
  writeFileSync(codeCachePath, cli.codeCache());
  // Names the caches that runs under another Node or other flags leave in the cache directory.
  writeFileSync(buildIdPath, `${createHash('sha1').update(readFileSync(bundlePath)).digest('hex')}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
