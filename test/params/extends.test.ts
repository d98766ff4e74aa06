import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContractError } from '../../src/diagnostics.js';
import { loadParamsFile, validateParams } from '../../src/params/index.js';
import { EXAMPLE } from './helpers.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'params-extends-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Bases are read only inside the current folder or an allowed one: the test trees are allowed. */
const load = (dir: string, file: string) => loadParamsFile(join(dir, file), { baseDirs: [dir] });

async function rejection(p: Promise<unknown>): Promise<ContractError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ContractError);
    return e as ContractError;
  }
  throw new Error('expected a rejection');
}

// The example split in two: the provider's part is the base of each customer file.
const [head, tail] = [EXAMPLE.slice(0, EXAMPLE.indexOf('services:')), EXAMPLE.slice(EXAMPLE.indexOf('services:'))];

describe('extends', () => {
  test('deep merge: mappings merge, lists replace; the result validates; extends is not in the output', async () => {
    const dir = tree({
      'provider.yaml': tail,
      'customers/acme.yaml': `extends: ../provider.yaml\n${head}quality:\n  availability: 99.95\nfees:\n  items:\n    - { name: 月租, category: monthly, unit: 个/月, unitPrice: 10.10, quantity: 1 }\n`,
    });
    const loaded = await load(dir, 'customers/acme.yaml');
    const v = loaded.value as any;
    expect(v.extends).toBeUndefined();
    expect(v.quality.availability).toBe(99.95);
    expect(v.quality.connectionRate).toBe(98); // from the base
    expect(v.fees.items).toHaveLength(1); // list replaced
    expect(v.fees.billing.paymentDays).toBe(10); // mapping merged
    const r = validateParams(loaded);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.params!.fees.items[0]!.unitPrice).toBe('10.10');
  });
  test('errors point into the file that holds the value', async () => {
    const dir = tree({
      'base.yaml': tail.replace('paymentDays: 10', 'paymentDays: 100'),
      'c.yaml': `extends: base.yaml\n${head.replace('phone: 010-62345678', 'phone: 1')}`,
    });
    const file = join(dir, 'c.yaml');
    const r = validateParams(await load(dir, 'c.yaml'));
    expect(r.diagnostics.map((d) => [d.file, d.keyPath, d.line])).toEqual([
      [file, 'parties.client.contact.phone', 43],
      [join(dir, 'base.yaml'), 'fees.billing.paymentDays', tail.slice(0, tail.indexOf('paymentDays: 10')).split('\n').length],
    ]);
  });
  test('chains are allowed, cycles are an error at the extends value', async () => {
    const dir = tree({ 'a.yaml': 'extends: b.yaml\nlanguage: zh-CN\n', 'b.yaml': 'extends: c.yaml\n', 'c.yaml': 'extends: a.yaml\n' });
    const e = await rejection(load(dir, 'a.yaml'));
    expect(e.diagnostics[0]).toMatchObject({ code: 'extends-cycle', line: 1, column: 10, keyPath: 'extends' });
    expect(e.diagnostics[0]!.file).toBe(join(dir, 'c.yaml'));
    const ok = tree({ 'a.yaml': 'extends: b.yaml\nx: 1\n', 'b.yaml': 'extends: c.yaml\ny: 2\n', 'c.yaml': 'z: 3\ny: 0\n' });
    expect((await load(ok, 'a.yaml')).value).toEqual({ z: 3, y: 2, x: 1 });
  });
  test('missing base, bad extends value', async () => {
    const dir = tree({ 'a.yaml': 'extends: nope.yaml\n', 'b.yaml': 'extends: 3\n' });
    expect((await rejection(loadParamsFile(join(dir, 'a.yaml')))).diagnostics[0]).toMatchObject({ code: 'extends-not-found', kind: 'yaml', line: 1 });
    expect((await rejection(loadParamsFile(join(dir, 'b.yaml')))).diagnostics[0]!.code).toBe('bad-extends');
  });
  test('YAML errors of a base name the base file', async () => {
    const dir = tree({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'x: 1\nx: 2\n' });
    expect((await rejection(load(dir, 'a.yaml'))).diagnostics[0]!.file).toBe(join(dir, 'b.yaml'));
  });
  test('__proto__ stays rejected through the merge', async () => {
    const dir = tree({ 'a.yaml': 'extends: b.yaml\nx: {}\n', 'b.yaml': 'x:\n  __proto__: {polluted: 1}\n' });
    expect((await rejection(load(dir, 'a.yaml'))).diagnostics[0]!.code).toBe('forbidden-key');
    expect(({} as any).polluted).toBeUndefined();
  });
  test('a base outside the current folder and the allowed ones is refused before it is read', async () => {
    const dir = tree({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'x: 1\n' });
    const e = await rejection(loadParamsFile(join(dir, 'a.yaml')));
    expect(e.diagnostics[0]).toMatchObject({ code: 'extends-outside', kind: 'yaml', line: 1, column: 10, keyPath: 'extends' });
    expect(e.diagnostics[0]!.message.en).toContain(join(dir, 'b.yaml'));
    expect((await load(dir, 'a.yaml')).value).toEqual({ x: 1 });
  });
  test('an unreadable file is kind input (exit 1, a problem with an input; io is for output)', async () => {
    const e = await rejection(loadParamsFile('/nonexistent/params.yaml'));
    expect(e.kind).toBe('input');
    expect(e.diagnostics[0]!.message.en).toMatch(/no such file/);
  });
  test('extends in text parsed without a file is an unknown key with a hint', async () => {
    const { parseParamsText } = await import('../../src/params/index.js');
    const r = validateParams(parseParamsText(`extends: x.yaml\n${EXAMPLE}`, '<stdin>'));
    expect(r.diagnostics[0]).toMatchObject({ code: 'unknown-key', keyPath: 'extends', line: 1, column: 1 });
    expect(r.diagnostics[0]!.hint!.en).toMatch(/extends/);
  });
});
