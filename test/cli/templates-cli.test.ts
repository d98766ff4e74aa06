import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const EXAMPLE = 'examples/params.example.yaml';

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  return dir;
}

function gen(templates: string, extra: string[] = []) {
  const out = tempDir();
  const r = runCli(['gen', EXAMPLE, '--templates', templates, '-o', out, '-f', 'md', ...extra]);
  return { ...r, out, written: readdirSync(out) };
}

describe('override names cannot fail silently', () => {
  it('a name that matches no built-in template is exit 1 with a did-you-mean, and nothing is written', () => {
    const dir = folder({ 'articles/05-fee.md.hbs': '# 费用\n\n1. x\n' });
    const r = gen(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'articles/05-fee.md.hbs')}: error: no built-in template is named articles/05-fee; did you mean articles/05-fees?`);
    expect(r.written).toEqual([]);
  });

  it.each([['annexes/slaa.md.hbs', 'annexes/sla'], ['preambel.md.hbs', 'preamble'], ['articles/05-fees.hbs', 'articles/05-fees.md.hbs']])('%s is caught too (did you mean %s)', (name, suggestion) => {
    const r = gen(folder({ [name]: 'x\n' }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`did you mean ${suggestion}`);
  });

  it('articles.order adds an article on purpose, numbered where it is listed', () => {
    const order = runCli(['templates', 'export', tempDir(), 'articles.order']);
    expect(order.status).toBe(0);
    const dir = tempDir();
    expect(runCli(['templates', 'export', dir, 'articles.order']).status).toBe(0);
    const listed = readFileSync(join(dir, 'articles.order'), 'utf8');
    writeFileSync(join(dir, 'articles.order'), listed.replace('05-fees\n', '05-fees\n05a-audit\n'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', '05a-audit.md.hbs'), '# 审计\n\n1. 甲方可审计{{articleRef "fees"}}所列费用。\n');
    const r = gen(dir);
    expect(r.stderr).toBe(`wrote ${join(r.out, 'YDH-2025-0001.md')} (${/\((\d+ KB)\)/.exec(r.stderr)?.[1]})\n`);
    const md = readFileSync(join(r.out, 'YDH-2025-0001.md'), 'utf8');
    expect(md).toContain('## 第六条 审计');
    expect(md).toContain('6.1 甲方可审计第五条所列费用。');
    expect(md).toContain('## 第七条 甲方的权利与义务');
    expect(md).toContain('## 第十六条');
  });

  it('articles.order: an unknown name, a built-in article left out, a name twice: exit 1 at file:line:column', () => {
    const dir = tempDir();
    expect(runCli(['templates', 'export', dir, 'articles.order']).status).toBe(0);
    const file = join(dir, 'articles.order');
    const listed = readFileSync(file, 'utf8');
    writeFileSync(file, listed.replace('05-fees\n', '  05-fess\n').replace('08-cooperation\n', '').replace('09-confidentiality\n', '09-confidentiality\n09-confidentiality\n'));
    const lines = readFileSync(file, 'utf8').split('\n');
    const r = gen(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:${lines.indexOf('  05-fess') + 1}:3: error: there is no article 05-fess, built in or in this folder; did you mean 05-fees?`);
    expect(r.stderr).toContain(`${file}:${lines.lastIndexOf('09-confidentiality') + 1}:1: error: 09-confidentiality is listed twice`);
    expect(r.stderr).toMatch(/error: the built-in articles 05-fees, 08-cooperation are not listed/);
    expect(r.written).toEqual([]);
  });

  it('an empty article file still leaves that article out', () => {
    const r = gen(folder({ 'articles/02-purpose.md.hbs': '' }));
    expect(r.status).toBe(0);
    expect(readFileSync(join(r.out, 'YDH-2025-0001.md'), 'utf8')).not.toContain('合同目的与背景');
  });
});

describe('template errors name file:line:column and show the line with a caret', () => {
  const frame = (stderr: string) => stderr.split('\n').slice(1, 3);

  it('a syntax error in full', () => {
    const dir = folder({ 'articles/02-purpose.md.hbs': '# 合同目的\n\n1. 甲方 {{p.parties.client.name\n' });
    const r = gen(dir);
    expect(r.status).toBe(1);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toMatch(new RegExp(`^${join(dir, 'articles/02-purpose.md.hbs').replace(/[./]/g, '\\$&')}:3:\\d+: error: syntax error: expected .+; found .+`));
    expect(frame(r.stderr)[0]).toBe(' 3 | 1. 甲方 {{p.parties.client.name');
    expect(frame(r.stderr)[1]).toMatch(/^ {3}\| +\^$/);
    expect(r.stderr).toContain('hint: is a {{ left without its }}?');
  });

  it('an unclosed block names the fix', () => {
    const r = gen(folder({ 'articles/02-purpose.md.hbs': '# 合同目的\n\n{{#if p.parties.client.bank}}\n1. x\n' }));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/:5:1: error: syntax error: expected .*\{\{\/.*; found the end of the file/);
    expect(r.stderr).toContain('hint: a block ({{#if}}, {{#each}}, {{#with}}) is not closed');
  });

  it('an unknown variable by its whole name, with a did-you-mean, inside {{#each}} too', () => {
    const dir = folder({ 'articles/02-purpose.md.hbs': '# 合同目的\n\n1. 甲方：{{p.parties.client.nmae}}\n{{#each services.numbers}}\n2. {{numbr}}\n{{/each}}\n' });
    const r = gen(dir);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`${join(dir, 'articles/02-purpose.md.hbs')}:3:9: error: unknown variable p.parties.client.nmae: p.parties.client has no "nmae"; did you mean "name"?`);
    expect(lines[1]).toBe(' 3 | 1. 甲方：{{p.parties.client.nmae}}');
    // 甲方： are wide characters: two cells each.
    expect(lines[2]).toBe(`   | ${' '.repeat(3 + 6 + 2)}^`);
    writeFileSync(join(dir, 'articles/02-purpose.md.hbs'), '# 合同目的\n\n{{#each services.numbers}}\n2. {{numbr}}\n{{/each}}\n');
    expect(gen(dir).stderr).toContain(':4:6: error: unknown variable numbr: services.numbers[] has no "numbr"; did you mean "number"?');
  });

  it('a helper called wrongly is one line (not the context it was handed)', () => {
    const r = gen(folder({ 'articles/02-purpose.md.hbs': '# 合同目的\n\n1. 合计 {{money}}\n2. {{money p.parties.client.name}}\n' }));
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/02-purpose\.md\.hbs:3:7: error: \{\{money\}\} takes 1 argument \(an amount\), got 0$/);
    expect(r.stderr).toContain('hint: for example {{money fees.total}}');
    expect(r.stderr.length).toBeLessThan(600);
    const wrongType = gen(folder({ 'articles/02-purpose.md.hbs': '# 合同目的\n\n1. {{money p.parties.client.name}}\n' }));
    expect(wrongType.stderr.split('\n')[0]).toMatch(/:3:4: error: \{\{money\}\} needs a number, got "北京星河数据科技有限公司"$/);
  });
});

describe('templates export and vars', () => {
  it('export writes only the named templates, accepts the extension, refuses unknown names with a did-you-mean', () => {
    const dir = tempDir();
    const r = runCli(['templates', 'export', dir, 'articles/05-fees', 'annexes/sla.md.hbs']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'articles'))).toEqual(['05-fees.md.hbs']);
    expect(readdirSync(join(dir, 'annexes'))).toEqual(['sla.md.hbs']);
    expect(readFileSync(join(dir, 'articles/05-fees.md.hbs'), 'utf8')).toBe(readFileSync('templates/zh-CN/articles/05-fees.md.hbs', 'utf8'));
    const typo = runCli(['templates', 'export', tempDir(), 'articles/05-fee']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean articles/05-fees?');
    expect(existsSync(join(dir, 'preamble.md.hbs'))).toBe(false);
  });

  it('vars is the reference in docs/, generated from the code, every variable described', () => {
    const r = runCli(['templates', 'vars']);
    expect(r.status).toBe(0);
    // When this fails after a change to the context or the helpers:
    //   node bin/contract.js templates vars > docs/template-variables.md
    expect(r.stdout).toBe(readFileSync('docs/template-variables.md', 'utf8'));
    const rows = r.stdout.split('\n').filter((l) => /^\| `/.test(l));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) expect(row.split(' | ')[1]!.trim(), row).not.toBe('');
    for (const helper of ['date', 'money', 'price', 'daxie', 'percent', 'cn', 'hasAnnex', 'annexRef', 'articleRef', 'blank', 'eq', 'join']) {
      expect(r.stdout).toContain(`| \`${helper}\` |`);
    }
    expect(r.stdout).toContain('| `{{money fees.total}}` | ¥7,450.00 |');
    expect(r.stdout).toContain('| `p.parties.client.name` | ');
  });
});
