import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runAsync, runCli, tempDir } from './run-cli.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[]; scripts: Record<string, string>; version: string };

describe('the JSON Schema', () => {
  it('has an $id and compiles under ajv strict mode; the example passes, a typo fails', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $id?: string };
    expect(schema.$id).toBe(`urn:contract:params:${pkg.version}`);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    // ajv-formats is CommonJS: its function is module.exports and also its `default`.
    ajvFormats.default(ajv);
    const check = ajv.compile(schema);
    const example = parse(readFileSync('examples/params.example.yaml', 'utf8')) as Record<string, unknown>;
    expect(check(example), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...example, contrat: {} })).toBe(false);
  });
});

describe('the package', () => {
  it('builds on prepack, not prepare; lists in files only what exists', () => {
    expect(pkg.scripts['prepare']).toBeUndefined();
    expect(pkg.scripts['prepack']).toBe('npm run build');
    const top = readdirSync('.');
    for (const entry of pkg.files) expect(top, entry).toContain(entry);
  });

  it('examples/ speaks of the contract only, not of how the project is made', () => {
    for (const file of readdirSync('examples')) {
      const text = readFileSync(join('examples', file), 'utf8');
      expect(text, file).not.toMatch(/\b(issue|TODO|FIXME|helper|the lead|session|PRODUCT\.md|ARCHITECTURE|seed file|shared\/)\b/i);
    }
  });

  // Installs the tarball that `npm pack` makes into an empty folder, as a user would: the
  // dependencies come from the registry (or npm's cache when offline), nothing is built there.
  it('installs from the npm pack tarball without a build or a warning, and its CLI and library work', async () => {
    const dir = tempDir();
    const pack = await runAsync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--json'], { timeout: 300_000 });
    expect(pack.status, pack.stderr).toBe(0);
    const { filename, files } = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
    const paths = files.map((f) => f.path);
    expect(paths).toContain('dist/contract.cjs');
    expect(paths).toContain('dist/contract.cjs.v8cache');
    expect(paths).toContain('dist/contract.cjs.check.v8cache');
    expect(paths).toContain('lib/load-cli.js');
    expect(paths).toContain('lib/cli-worker.js');
    // The command, its loader and worker are CommonJS: the package.json files beside them say so.
    expect(paths).toContain('bin/package.json');
    expect(paths).toContain('lib/package.json');
    // What the loader reads to name and find a code cache of its own (lib/load-cli.js).
    expect(paths).toContain('dist/contract.cjs.build-id');
    expect(paths).toContain('dist/loader-support.cjs');
    // The signing libraries, which the CLI's bundle requires from beside it (scripts/bundle.mjs).
    expect(paths).toContain('dist/sign-vendor.cjs');
    expect(paths).toContain('dist/template-context-docs.json');
    expect(paths.filter((p) => p.startsWith('src/') || p.startsWith('test/'))).toEqual([]);

    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true, "type": "module" }\n');
    const install = await runAsync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, filename)], { cwd: app, timeout: 600_000 });
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/prepare|warn/i);

    const bin = join(app, 'node_modules', '.bin', 'contract');
    const gen = await runAsync(bin, ['gen', join(app, 'node_modules/contract/examples/params.example.yaml'), '-o', join(app, 'out')], { cwd: app, env: { ...process.env, LANG: 'C' } });
    expect(gen.status, gen.stderr).toBe(0);
    expect(readdirSync(join(app, 'out')).sort()).toEqual(['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']);
    // verify reads the signing libraries from beside the bundle: an unsigned contract, said so.
    const verify = spawnSync(bin, ['verify', join(app, 'out', 'YDH-2025-0001.pdf')], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toContain('the PDF carries no signature');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8', env: { ...process.env, CONTRACT_DEBUG_CODE_CACHE: '1' } });
    expect(version.stdout.trim()).toBe(pkg.version);
    // The same Node that built the package runs it: V8 takes the build's code cache.
    expect(version.stderr).toBe('contract: code cache accepted (check)\n');

    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', "import { generate } from 'contract'; import { readFileSync } from 'node:fs'; const r = await generate({ yaml: readFileSync('node_modules/contract/examples/params.example.yaml') }, { formats: ['md', 'docx'] }); console.log(r.params.contract.number, r.outputs.map((o) => o.format + ':' + (Buffer.from(o.data.subarray(0, 2)).toString() === 'PK' ? 'zip' : o.data.length)).join(' '));"], { cwd: app, encoding: 'utf8' });
    expect(lib.stderr).toBe('');
    // docx is bundled, not installed: the library's DOCX must work without it.
    expect(readdirSync(join(app, 'node_modules'))).not.toContain('docx');
    expect(lib.stdout.trim()).toMatch(/^YDH-2025-0001 md:\d+ docx:zip$/);
  }, 600_000);
});
