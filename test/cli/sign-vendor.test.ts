/**
 * The signing libraries are a file of their own beside the CLI's bundle (dist/sign-vendor.cjs,
 * scripts/bundle.mjs): every command reads the bundle's whole text as it starts, and the commands
 * that do not sign should not pay for a third of it. Checked on the built CLI with a preloaded
 * hook that records every file the process requires: `gen`, `validate` and `--version` never
 * require the file; `verify` does, and works.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliEnv, tempDir } from './run-cli.js';

describe('the signing libraries beside the bundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFileSync(
      join(dir, 'hook.cjs'),
      "const Module = require('node:module');\n" +
        "const { appendFileSync } = require('node:fs');\n" +
        'const load = Module._load;\n' +
        'Module._load = function (request, parent, isMain) {\n' +
        "  appendFileSync(process.env.REQUIRE_LOG, request + '\\n');\n" +
        '  return load.apply(this, arguments);\n' +
        '};\n',
    );
  });

  const required = (name: string, args: readonly string[]): { status: number | null; stdout: string; requests: string[] } => {
    const log = join(dir, `${name}.log`);
    writeFileSync(log, '');
    const r = spawnSync(process.execPath, ['-r', join(dir, 'hook.cjs'), CLI, ...args], { encoding: 'utf8', env: cliEnv({ REQUIRE_LOG: log }) });
    return { status: r.status, stdout: r.stdout, requests: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  const signVendor = (requests: readonly string[]) => requests.filter((r) => r.endsWith('sign-vendor.cjs'));

  it('is a file of its own, and the bundle does not hold them', () => {
    const dist = join(dirname(CLI), '..', 'dist');
    expect(statSync(join(dist, 'sign-vendor.cjs')).size).toBeGreaterThan(300_000);
    const bundle = readFileSync(join(dist, 'contract.cjs'), 'latin1');
    // pkijs's and node-forge's own error texts.
    expect(bundle).not.toContain('Object\'s schema was not verified against input data for');
    expect(bundle).not.toContain('Invalid PKCS#12');
  });

  it('gen, validate and --version never require them; verify does, and works', () => {
    const out = join(dir, 'out');
    const gen = required('gen', ['gen', 'examples/params.example.yaml', '-o', out, '-q']);
    expect(gen.status).toBe(0);
    // The hook sees the bundle's own requires (node:fs, …): it was in place.
    expect(gen.requests.length).toBeGreaterThan(5);
    expect(signVendor(gen.requests)).toEqual([]);
    const validate = required('validate', ['validate', 'examples/params.example.yaml', '-q']);
    expect(validate.status).toBe(0);
    expect(signVendor(validate.requests)).toEqual([]);
    const version = required('version', ['--version']);
    expect(version.status).toBe(0);
    expect(signVendor(version.requests)).toEqual([]);

    const verify = required('verify', ['verify', join(out, 'YDH-2025-0001.pdf')]);
    // Each library's stand-in requires the file; Node reads it once.
    expect(new Set(signVendor(verify.requests))).toEqual(new Set(['./sign-vendor.cjs']));
    // An unsigned contract: verify reads it and says so (exit 1), as it did with the libraries inside.
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain('0 signature(s)');
    expect(verify.stdout).toContain('the PDF carries no signature');
  }, 120_000);
});
