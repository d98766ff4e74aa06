// Writes the V8 code caches of the CLI's bundle (lib/load-cli.js): dist/contract.cjs.v8cache,
// taken after the bundle has generated the example (DOCX + PDF, no font subset cache) and
// validated it, so that it holds the compiled code of everything a cold `gen` runs, not only the
// bundle's top level; and dist/contract.cjs.check.v8cache, taken after validating it only, for
// the commands that render nothing.
// Run by `npm run build` after scripts/bundle.mjs; lib/load-cli.js reads them. Also writes the
// bundle's SHA-1 (dist/contract.cjs.build-id).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdPath, bundlePath, codeCachePaths, loadCli } from '../lib/load-cli.js';

const example = new URL('../examples/params.example.yaml', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'contract-code-cache-'));
process.env.CONTRACT_CACHE = '0';
try {
  const cli = await loadCli({ makingCache: true });
  if (cli?.script === undefined) throw new Error('dist/contract.cjs is not built');
  const run = async (args) => {
    const code = await cli.main(args);
    if (code !== 0) throw new Error(`contract ${args.join(' ')} exited with ${code}`);
  };
  // The commands that do not render first (validate), then the ones that do (gen, and validate again).
  await run(['validate', example, '-q']);
  writeFileSync(codeCachePaths.check, cli.codeCache());
  await run(['gen', example, '-o', out, '-q']);
  await run(['validate', example, '-q']);
  writeFileSync(codeCachePaths.render, cli.codeCache());
  // Names the caches that runs under another Node or other flags leave in the cache directory.
  writeFileSync(buildIdPath, `${createHash('sha1').update(readFileSync(bundlePath)).digest('hex')}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
