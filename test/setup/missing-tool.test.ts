import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsync, tempDir } from '../cli/run-cli.js';
import { missingToolsMessage, TOOLS } from './global.js';

/** A PATH with every client the tests use except `left out`, each a link to the real one. */
function pathWithout(leftOut: string): string {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  for (const tool of Object.keys(TOOLS)) {
    if (tool === leftOut) continue;
    const real = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(real, join(bin, tool));
  }
  return bin;
}

describe('a machine without one of the clients the tests use', () => {
  it('the setup names it and its package in one message', () => {
    expect(missingToolsMessage()).toBeUndefined();
    const message = missingToolsMessage(pathWithout('qpdf'))!;
    expect(message).toContain('these are not installed: qpdf.');
    expect(message).toContain('apt-get install -y qpdf\n');
    expect(missingToolsMessage(pathWithout('pdfsig'))).toContain('apt-get install -y poppler-utils\n');
  });

  it('the suite stops once in its global setup with that message, before any test runs', async () => {
    const r = await runAsync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/compose/daxie.test.ts'], {
      env: { ...process.env, PATH: pathWithout('soffice'), CI: 'true' },
      timeout: 300_000,
    });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(output.split('apt-get install -y libreoffice-writer-nogui').length - 1).toBe(1);
    expect(output).not.toContain('ENOENT');
    expect(output).not.toMatch(/Tests\s+\d+ passed/);
  });
});
