/**
 * Issue 11, point 3: validation is linear in the input, and the diagnostics of a file stop at
 * a cap. Before, 9,999 aliases took 31 s (each alias walked the whole document) and 90,000
 * unknown keys 68 s (the parser compared every key with every other) and printed 6 MB.
 * The runs are bounded by a timeout the old code exceeded many times over, not timed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/pipeline.js';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, runCliAsync } from './helpers.js';

/** Far above the new code's few seconds of CPU, even on a loaded machine; the old code took minutes. */
const TIMEOUT = 120_000;

/** The example, one anchor, `count` aliases of it and a flow list of `padding` items that every alias resolution used to walk. */
function aliases(count: number, padding: number): string {
  const lines = [`x-pad: [${Array(padding).fill('1').join(',')}]`, 'x-a: &a 1'];
  for (let i = 0; i < count; i++) lines.push(`k${i}: *a`);
  return `${EXAMPLE_TEXT}\n${lines.join('\n')}\n`;
}

function unknownKeys(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`u${i}: 1`);
  return `${EXAMPLE_TEXT}\n${lines.join('\n')}\n`;
}

describe('large hostile files through the CLI', { timeout: 300_000 }, () => {
  it('9,999 aliases in a 250 KB file: ends, exit 1, every alias key listed up to the cap', async () => {
    const dir = tempDir('contract-linear-');
    const text = aliases(9_999, 60_000);
    expect(text.length).toBeLessThan(300_000);
    writeFileSync(join(dir, 'p.yaml'), text);
    const r = await runCliAsync(['validate', join(dir, 'p.yaml')], { timeout: TIMEOUT });
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error: k0: unknown key "k0"/);
    expect(r.stderr).toMatch(/error: … and 9,901 more \(9,901 errors\); only the first 100 are listed/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('90,000 unknown keys (900 KB): ends, exit 1, 100 listed then "… and 89,900 more", a few KB of output (also --json)', async () => {
    const dir = tempDir('contract-linear-');
    const text = unknownKeys(90_000);
    expect(text.length).toBeGreaterThan(880_000);
    writeFileSync(join(dir, 'p.yaml'), text);
    const r = await runCliAsync(['validate', join(dir, 'p.yaml')], { timeout: TIMEOUT });
    expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('… and 89,900 more (89,900 errors); only the first 100 are listed');
    expect(r.stderr.split('\n').filter((l) => / error: u\d+: unknown key/.test(l))).toHaveLength(100);
    expect(r.stderr.length).toBeLessThan(20_000);

    const json = await runCliAsync(['gen', join(dir, 'p.yaml'), '-o', join(dir, 'out'), '--json'], { timeout: TIMEOUT });
    expect(json.status).toBe(1);
    expect(json.stdout.length).toBeLessThan(60_000);
    const report = JSON.parse(json.stdout) as { inputs: { diagnostics: { code: string }[] }[] };
    expect(report.inputs[0]!.diagnostics).toHaveLength(101);
    expect(report.inputs[0]!.diagnostics.at(-1)!.code).toBe('more-problems');
  });

  it('40,000 duplicate keys: found in one pass, located at the second occurrence, capped', async () => {
    const dir = tempDir('contract-linear-');
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) lines.push(`x-${i % 2}: ${i}`);
    writeFileSync(join(dir, 'p.yaml'), `${EXAMPLE_TEXT}\n${lines.join('\n')}\n`);
    const line = EXAMPLE_TEXT.split('\n').length + 3;
    const r = await runCliAsync(['validate', join(dir, 'p.yaml')], { timeout: TIMEOUT });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`p.yaml:${line}:1: error: x-0: this key appears twice in the same mapping`);
    expect(r.stderr).toMatch(/… and [\d,]+ more/);
  });
});

describe('the same through the library', () => {
  it('keys that differ only in how YAML types them (1 and "1") are duplicates too', async () => {
    const { diagnostics } = await validate({ yaml: `${EXAMPLE_TEXT}\nx-extra:\n  1: a\n  "1": b\n`, file: 'p.yaml' });
    expect(diagnostics.find((d) => d.code === 'yaml-duplicate-key')).toMatchObject({ keyPath: 'x-extra.1', line: EXAMPLE_TEXT.split('\n').length + 3, column: 3 });
  });

  it('an alias still stands for the last anchor of its name before it', async () => {
    const yaml = EXAMPLE_TEXT.replace(/paymentDays: \d+/, 'paymentDays: *d').replace('language: zh-CN', 'language: zh-CN\nx-1: &d 15\nx-2: &d 20');
    const parsed = (await import('../../src/params/index.js')).parseParamsText(yaml, 'p.yaml');
    expect((parsed.value as { fees: { billing: { paymentDays: number } } }).fees.billing.paymentDays).toBe(20);
  });
});
