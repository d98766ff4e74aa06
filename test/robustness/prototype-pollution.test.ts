/**
 * `__proto__`, `constructor` and `prototype` keys, at several depths, through YAML, through a
 * params object given to the library, and through `extends:`: always an error, and
 * Object.prototype is never touched.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError, type Diagnostic } from '../../src/diagnostics.js';
import { loadParamsFile } from '../../src/params/index.js';
import { generate, validate } from '../../src/pipeline.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, exampleObject, positionOf } from './helpers.js';

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
}

afterEach(() => {
  expectUnpolluted();
  // Undo any damage so that one failure does not cascade into every later test.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

async function rejection(input: Parameters<typeof generate>[0]): Promise<ContractError> {
  const error = await generate(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  return error as ContractError;
}

/** YAML edits of the example: text inserted after the line that contains `after`. */
const YAML_CASES: readonly { name: string; after: string; insert: string; keyPath: string; key: string }[] = [
  { name: 'top-level __proto__ in flow style', after: 'language: zh-CN', insert: '__proto__: {polluted: 1}', keyPath: '__proto__', key: '__proto__' },
  { name: 'quoted "__proto__" under parties.client', after: 'client:                        # 甲方', insert: '    "__proto__":\n      polluted: 1', keyPath: 'parties.client.__proto__', key: '"__proto__"' },
  { name: '__proto__ inside a fee line (a list item)', after: 'name: 400号码月租', insert: '      __proto__: {polluted: 1}', keyPath: 'fees.items[0].__proto__', key: '__proto__:' },
  { name: 'constructor.prototype under services.calling', after: 'voice: true', insert: '    constructor: {prototype: {polluted: 1}}', keyPath: 'services.calling.constructor', key: 'constructor' },
  { name: 'prototype under contract.signing', after: 'place: 北京市海淀区', insert: '    prototype:\n      polluted: 1', keyPath: 'contract.signing.prototype', key: 'prototype' },
  { name: 'an explicit ? __proto__ key', after: 'confidentiality:', insert: '  ? __proto__\n  : {polluted: 1}', keyPath: 'confidentiality.__proto__', key: '__proto__\n' },
  { name: '__proto__ whose value is an alias', after: 'language: zh-CN', insert: 'x-anchor: &p {polluted: 1}\n__proto__: *p', keyPath: '__proto__', key: '__proto__: *p' },
];

function yamlCase(c: (typeof YAML_CASES)[number]): { text: string; line: number; column: number } {
  const lines = EXAMPLE_TEXT.split('\n');
  const at = lines.findIndex((l) => l.includes(c.after));
  expect(at).toBeGreaterThanOrEqual(0);
  lines.splice(at + 1, 0, c.insert);
  const text = lines.join('\n');
  const insertedAt = lines.slice(0, at + 1).join('\n').length + 1;
  return { text, ...positionOf(text, c.key.trimEnd(), insertedAt) };
}

describe('forbidden keys in YAML', () => {
  it.each(YAML_CASES.map((c) => [c.name, c] as const))('%s: a located forbidden-key error', async (_, c) => {
    const { text, line, column } = yamlCase(c);
    const { params, diagnostics } = await validate({ yaml: text, file: 'p.yaml' });
    expect(params).toBeUndefined();
    const hit = errorsOf(diagnostics).find((d) => d.code === 'forbidden-key');
    expect(hit, JSON.stringify(diagnostics)).toBeDefined();
    expect(hit).toMatchObject({ keyPath: c.keyPath, file: 'p.yaml', line, column });
    await rejection({ yaml: text, file: 'p.yaml' });
  });

  it('the CLI rejects all of them in one batch: exit 1, each located, no stack, nothing written', () => {
    const dir = tempDir('contract-proto-');
    const files = YAML_CASES.map((c, i) => {
      const { text, line, column } = yamlCase(c);
      const file = join(dir, `p${i}.yaml`);
      writeFileSync(file, text);
      return { file, line, column, keyPath: c.keyPath };
    });
    const r = runCli(['gen', ...files.map((f) => f.file), '-o', join(dir, 'out'), '-f', 'md', '-j', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    for (const f of files) expect(r.stderr).toContain(`${f.file}:${f.line}:${f.column}: error: ${f.keyPath}`);
    expect(r.stdout + r.stderr).toMatch(new RegExp(`0 generated`));
  });
});

describe('forbidden keys in a params object given to the library', () => {
  const hostile = () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}') as Record<string, unknown>;

  it('JSON.parse output merged at the top level', async () => {
    const p = { ...exampleObject(), ...hostile() };
    expect(Object.keys(p)).toContain('__proto__'); // an own key, as JSON.parse makes it
    const e = await rejection(p);
    expect(errorsOf(e.diagnostics).map((d) => d.keyPath)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it.each([
    ['parties.client', (p: Record<string, any>) => (p.parties.client = { ...p.parties.client, ...hostile() })],
    ['fees.items[2]', (p: Record<string, any>) => (p.fees.items[2] = { ...p.fees.items[2], ...hostile() })],
    ['contract.term.autoRenewal', (p: Record<string, any>) => (p.contract.term.autoRenewal = { ...p.contract.term.autoRenewal, ...hostile() })],
    ['quality (a block with every key defaulted)', (p: Record<string, any>) => (p.quality = { ...hostile() })],
  ])('merged into %s', async (where, edit) => {
    const p = exampleObject();
    edit(p);
    const e = await rejection(p);
    const paths = errorsOf(e.diagnostics).map((d) => d.keyPath ?? '');
    expect(paths.some((k) => k.endsWith('__proto__')), paths.join(', ')).toBe(true);
    expect(paths.every((k) => k.startsWith(where.split(' ')[0]!.replace(/\[\d+\]$/, ''))), paths.join(', ')).toBe(true);
  });

  it('a __proto__ whose value holds valid params does not sneak them in', async () => {
    const p = exampleObject();
    const title = p.contract.title;
    delete p.contract.title;
    p.contract = { ...p.contract, ...JSON.parse(`{"__proto__": {"title": ${JSON.stringify(title)}}}`) };
    const { params, diagnostics } = await validate(p);
    expect(params).toBeUndefined();
    expect(errorsOf(diagnostics).map((d) => d.keyPath)).toContain('contract.__proto__');
  });
});

describe('forbidden keys through extends:', () => {
  const base = (extra: string) => EXAMPLE_TEXT.replace('language: zh-CN', `language: zh-CN\n${extra}`);

  it('a base file with __proto__ (CLI and library): error located in the base file', async () => {
    const dir = tempDir('contract-ext-');
    const baseText = EXAMPLE_TEXT.replace(/^( {2}client: .*\n)/m, '$1    __proto__: {polluted: 1}\n');
    expect(baseText).not.toBe(EXAMPLE_TEXT);
    writeFileSync(join(dir, 'base.yaml'), baseText);
    writeFileSync(join(dir, 'child.yaml'), 'extends: base.yaml\ncontract:\n  number: EXT-0001\n');
    const { line, column } = positionOf(baseText, '__proto__');

    const loaded = await loadParamsFile(join(dir, 'child.yaml'), { baseDirs: [dir] }).then(
      (l) => l,
      (e: unknown) => e,
    );
    const diagnostics = loaded instanceof ContractError ? loaded.diagnostics : (await validate(loaded as never)).diagnostics;
    const hit = errorsOf(diagnostics).find((d) => d.keyPath === 'parties.client.__proto__');
    expect(hit, JSON.stringify(diagnostics)).toMatchObject({ line, column });
    expect(hit?.file).toMatch(/base\.yaml$/);

    const r = runCli(['gen', join(dir, 'child.yaml'), '--base-dir', dir, '-o', join(dir, 'out'), '-f', 'md']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`base\\.yaml:${line}:${column}: error: parties\\.client\\.__proto__`));
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a child that overrides the same block keeps the base file\'s __proto__ an error', async () => {
    const dir = tempDir('contract-ext-');
    writeFileSync(join(dir, 'base.yaml'), base('x-extra:\n  constructor:\n    prototype: {polluted: 1}'));
    writeFileSync(join(dir, 'child.yaml'), 'extends: base.yaml\nx-extra:\n  other: 1\n');
    const r = runCli(['gen', join(dir, 'child.yaml'), '-o', join(dir, 'out'), '-f', 'md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/base\.yaml:\d+:\d+: error: x-extra\.constructor/);
  });

  it('a child with __proto__ next to extends: is an error in the child', () => {
    const dir = tempDir('contract-ext-');
    writeFileSync(join(dir, 'base.yaml'), EXAMPLE_TEXT);
    writeFileSync(join(dir, 'child.yaml'), 'extends: base.yaml\n__proto__:\n  polluted: 1\n');
    const r = runCli(['gen', join(dir, 'child.yaml'), '-o', join(dir, 'out'), '-f', 'md']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'child.yaml')}:2:1: error: __proto__`);
  });
});
