/**
 * The DOCX renderer and the `docx` package are loaded only when a DOCX is asked for: `-f pdf`
 * never pays for them. Checked on the built modules (dist/cli/) with a module hook that records
 * every module the process loads: their dynamic imports are what the CLI's single-file bundle
 * keeps as lazily run module bodies.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../cli/run-cli.js';

describe('lazy loading', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    writeFileSync(
      join(dir, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\n" +
        'export async function resolve(specifier, context, next) {\n' +
        '  const resolved = await next(specifier, context);\n' +
        "  appendFileSync(process.env.MODULE_LOG, resolved.url + '\\n');\n" +
        '  return resolved;\n' +
        '}\n',
    );
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  });

  const loaded = (format: string): string[] => {
    const log = join(dir, `${format}.log`);
    writeFileSync(log, '');
    const args = JSON.stringify(['gen', 'examples/params.example.yaml', '-o', join(dir, format), '-f', format, '-q']);
    const r = spawnSync(
      process.execPath,
      ['--import', join(dir, 'register.mjs'), '--input-type=module', '-e', `const { main } = await import('./dist/cli/main.js'); process.exitCode = await main(${args});`],
      { encoding: 'utf8', env: { ...process.env, MODULE_LOG: log } },
    );
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(log, 'utf8').split('\n').filter(Boolean);
  };

  const isDocx = (url: string) => /\/render\/docx\/|\/node_modules\/docx\//.test(url);

  it('-f pdf loads neither the DOCX renderer nor docx; -f docx does', () => {
    const pdf = loaded('pdf');
    expect(pdf.length).toBeGreaterThan(3);
    expect(pdf.filter(isDocx)).toEqual([]);
    expect(loaded('docx').filter(isDocx).length).toBeGreaterThan(0);
  }, 60_000);
});
