import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const INVALID = 'test/fixtures/invalid';
interface Expected {
  exitCode: number;
  kind: string;
  keyPath?: string;
  line: number;
  column: number;
}
const corpus = readdirSync(INVALID)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => [f.replace('.expected.json', ''), JSON.parse(readFileSync(join(INVALID, f), 'utf8')) as Expected] as const);

describe('usage', () => {
  it.each([['--help'], ['gen', '--help'], ['validate', '--help'], ['init', '--help'], ['schema', '--help'], ['templates', '--help'], ['--version']])(
    '%s exits 0 and prints on stdout',
    (...args) => {
      const r = runCli(args);
      expect(r.status).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(5);
    },
  );

  it.each([
    [['frobnicate']],
    [['gen']],
    [['gen', 'examples/params.example.yaml', '--bogus']],
    [['gen', 'examples/params.example.yaml', '-f', 'odt']],
    [['gen', 'examples/params.example.yaml', '-j', 'zero']],
    [['gen', 'examples/params.example.yaml', '--shard', '4/3']],
  ])('%j is a usage error: exit 2, message on stderr, no stack', (args) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('invalid inputs (the corpus) through the CLI', () => {
  it(`has at least 40 cases (${corpus.length})`, () => expect(corpus.length).toBeGreaterThanOrEqual(40));

  it.each(corpus)('%s: exit %j, located message, nothing written', (name, expected) => {
    const out = tempDir();
    const file = join(INVALID, `${name}.yaml`);
    const r = runCli(['gen', file, '-o', out]);
    expect(r.status).toBe(expected.exitCode);
    expect(r.stderr).toContain(`${file}:${expected.line}:${expected.column}`);
    if (expected.keyPath) expect(r.stderr).toContain(expected.keyPath);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('output safety', () => {
  it('an unwritable output directory exits 3 with a message, and no file appears', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', join(blocker, 'out'), '-f', 'md']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/could not write/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('two inputs with the same contract number: the second is an error, not an overwrite', () => {
    const dir = tempDir();
    const text = readFileSync('examples/params.example.yaml', 'utf8');
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), text.replace('北京星河数据科技有限公司', '另一家公司'));
    const out = join(dir, 'out');
    const r = runCli(['gen', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '-o', out, '-f', 'md', '-j', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already used by');
    expect(readFileSync(join(out, 'YDH-2025-0001.md'), 'utf8')).toContain('北京星河数据科技有限公司');
  });

  it.each([
    ['../../x', '___.._x'],
    ['a/b', 'a_b'],
    ['CON', '_CON'],
  ])('contract number %s becomes the file name %s inside the output directory', (number, base) => {
    const dir = tempDir();
    const text = readFileSync('examples/params.example.yaml', 'utf8').replace('number: YDH-2025-0001', `number: "${number}"`);
    writeFileSync(join(dir, 'p.yaml'), text);
    const out = join(dir, 'out');
    const r = runCli(['gen', join(dir, 'p.yaml'), '-o', out, '-f', 'md']);
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual([`${base}.md`]);
  });
});

describe('validate, init, schema, templates', () => {
  it('validate passes the example and fails a bad file with every error', () => {
    expect(runCli(['validate', 'examples/params.example.yaml']).status).toBe(0);
    const dir = tempDir();
    const bad = readFileSync('examples/params.example.yaml', 'utf8')
      .replace('creditCode: 91110108MA01ABCD5T', 'creditCode: 91110108MA01ABCD5X')
      .replace('paymentDays: 10', 'paymentDayz: 10');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const r = runCli(['validate', join(dir, 'bad.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('parties.client.creditCode');
    expect(r.stderr).toContain('paymentDayz');
    expect(r.stderr).toMatch(/did you mean/i);
  });

  it('validate --json is one JSON report on stdout', () => {
    const r = runCli(['validate', 'examples/params.example.yaml', `${INVALID}/${corpus[0]![0]}.yaml`, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; inputs: { valid: boolean; diagnostics: { line?: number }[] }[] };
    expect(report.ok).toBe(false);
    expect(report.inputs.map((i) => i.valid)).toEqual([true, false]);
    expect(report.inputs[1]!.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('messages are Chinese under a zh_CN locale, with the same location', () => {
    const [name, expected] = corpus.find(([, e]) => e.kind === 'schema')!;
    const file = join(INVALID, `${name}.yaml`);
    const r = runCli(['validate', file], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:${expected.line}:${expected.column}`);
    expect(r.stderr).toMatch(/错误/);
  });

  it('init writes a starter that validates, and refuses to overwrite', () => {
    const dir = tempDir();
    const file = join(dir, 'params.yaml');
    expect(runCli(['init', file]).status).toBe(0);
    expect(runCli(['validate', file]).status).toBe(0);
    const before = readFileSync(file, 'utf8');
    const again = runCli(['init', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('schema prints a JSON Schema that knows every top-level key', () => {
    const r = runCli(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown> };
    for (const key of ['contract', 'parties', 'services', 'quality', 'fees', 'confidentiality', 'disputes', 'notices', 'sla', 'maintenance', 'changes', 'annexes']) {
      expect(Object.keys(schema.properties)).toContain(key);
    }
  });

  it('templates export + --templates override one article', () => {
    const dir = tempDir();
    const tpl = join(dir, 'tpl');
    expect(runCli(['templates', 'export', tpl]).status).toBe(0);
    const list = runCli(['templates', 'list']).stdout.trim().split('\n');
    expect(list).toContain('articles/05-fees');
    expect(readdirSync(join(tpl, 'articles')).length).toBe(16);
    const only = join(dir, 'only');
    mkdirSync(join(only, 'articles'), { recursive: true });
    writeFileSync(join(only, 'articles', '02-purpose.md.hbs'), '# 合同目的\n\n1. 自定义条款：{{p.parties.client.name}}。\n');
    const out = join(dir, 'out');
    const r = runCli(['gen', 'examples/params.example.yaml', '--templates', only, '-o', out, '-f', 'md']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'YDH-2025-0001.md'), 'utf8')).toContain('2.1 自定义条款：北京星河数据科技有限公司。');
    expect(runCli(['templates', 'export', tpl]).status).toBe(2); // refuses to overwrite
  });

  it('a broken user template exits 1 naming the template file and line', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, 'articles', '02-purpose.md.hbs'), '# 合同目的\n\n1. {{p.parties.client.nmae}}\n');
    const out = join(dir, 'out');
    const r = runCli(['gen', 'examples/params.example.yaml', '--templates', dir, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'articles', '02-purpose.md.hbs')}:3`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

