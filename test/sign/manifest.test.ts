/** gen --manifest: SHA256SUMS checked by coreutils' sha256sum, manifest.json's record of inputs. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, ROOT } from '../robustness/helpers.js';

const env = { SOURCE_DATE_EPOCH: '1740787200' };
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

let inputs: string;

beforeAll(() => {
  inputs = tempDir();
  // A provider base extended by two customers, one of them in a subfolder's sibling.
  writeFileSync(join(inputs, 'provider.yaml'), EXAMPLE_TEXT);
  mkdirSync(join(inputs, 'customers'));
  writeFileSync(join(inputs, 'customers', 'a.yaml'), 'extends: ../provider.yaml\ncontract:\n  number: A-0001\n');
  writeFileSync(join(inputs, 'customers', 'b.yaml'), 'extends: ../provider.yaml\ncontract:\n  number: B-0002\n');
});

function gen(outDir: string, extra: string[] = []) {
  // Run from the folder that holds the base: bases outside the working folder are refused.
  const r = runCli(['gen', join(inputs, 'customers'), '-o', outDir, '-j', '1', '--manifest', ...extra], { env, cwd: inputs });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
}

describe('gen --manifest', () => {
  it('writes one SHA256SUMS that sha256sum -c accepts, and one manifest.json for the run', () => {
    const out = tempDir();
    const manifest = gen(out);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n').sort()).toEqual(['A-0001.docx: OK', 'A-0001.pdf: OK', 'B-0002.docx: OK', 'B-0002.pdf: OK']);
    expect(readdirSync(out).sort()).toEqual(['A-0001.docx', 'A-0001.pdf', 'B-0002.docx', 'B-0002.pdf', 'SHA256SUMS', 'manifest.json']);

    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(manifest.tool).toEqual({ name: 'contract', version });
    expect(manifest.sourceDateEpoch).toBe(1740787200);
    expect(manifest.inputs).toHaveLength(2);
    const a = manifest.inputs[0];
    expect(a.status).toBe('written');
    const params = a.sources.filter((s: { role: string }) => s.role !== 'template');
    expect(params.map((s: { role: string; sha256: string }) => [s.role, s.sha256])).toEqual([
      ['params', sha(readFileSync(join(inputs, 'customers', 'a.yaml')))],
      ['base', sha(EXAMPLE_TEXT)],
    ]);
    const templates = a.sources.filter((s: { role: string }) => s.role === 'template');
    const fees = templates.find((t: { name: string }) => t.name === 'articles/05-fees');
    expect(fees).toMatchObject({ builtIn: true, sha256: sha(readFileSync(join(ROOT, 'templates/zh-CN/articles/05-fees.md.hbs'))) });
    for (const o of a.outputs) {
      const data = readFileSync(join(out, o.file));
      expect(o).toMatchObject({ bytes: data.length, sha256: sha(data) });
    }
  });

  it('is the same for the same inputs, and changes when a template changes (--templates)', () => {
    const first = gen(tempDir());
    expect(gen(tempDir())).toEqual(first);
    const templates = tempDir();
    mkdirSync(join(templates, 'articles'));
    const original = readFileSync(join(ROOT, 'templates/zh-CN/articles/05-fees.md.hbs'), 'utf8');
    const edited = original.replace('。', '；');
    expect(edited).not.toBe(original);
    writeFileSync(join(templates, 'articles', '05-fees.md.hbs'), edited);
    const out = tempDir();
    const changed = gen(out, ['--templates', templates]);
    expect(changed.options.templates).toBe(templates);
    const fees = changed.inputs[0].sources.find((t: { name: string }) => t.name === 'articles/05-fees');
    expect(fees.builtIn).toBe(false);
    expect(fees.sha256).not.toBe(first.inputs[0].sources.find((t: { name: string }) => t.name === 'articles/05-fees').sha256);
    expect(changed.inputs[0].outputs[1].sha256).not.toBe(first.inputs[0].outputs[1].sha256);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out }).status).toBe(0);
  });

  it('names a shard\'s manifest after the shard, so shards can share a folder', () => {
    const out = tempDir();
    for (const k of [1, 2]) expect(runCli(['gen', join(inputs, 'customers'), '-o', out, '--manifest', '--shard', `${k}/2`, '-q'], { env, cwd: inputs }).status).toBe(0);
    const names = readdirSync(out).filter((f) => /SHA256SUMS|manifest/.test(f)).sort();
    expect(names).toEqual(['SHA256SUMS.1-of-2', 'SHA256SUMS.2-of-2', 'manifest.1-of-2.json', 'manifest.2-of-2.json']);
    for (const sums of names.filter((n) => n.startsWith('SHA256SUMS'))) expect(spawnSync('sha256sum', ['-c', sums], { cwd: out }).status).toBe(0);
  });
});
