import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeContract } from '../../src/compose/compose.js';
import { checkTemplate } from '../../src/compose/template-guard.js';
import { ContractError } from '../../src/diagnostics.js';
import { exampleParams } from '../fixtures/params.js';

function overrideDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'contract-tpl-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, `${name}.md.hbs`), source);
  }
  return dir;
}

async function composeError(files: Record<string, string>): Promise<ContractError> {
  try {
    await composeContract(exampleParams(), { templatesDir: overrideDir(files) });
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('template guard', () => {
  it.each([
    ['{{constructor}}', 'constructor'],
    ['{{p.__proto__}}', '__proto__'],
    ['{{#with p}}{{constructor.name}}{{/with}}', 'constructor'],
    ['{{lookup p "constructor"}}', 'unknown helper "lookup"'],
    ['{{log "x"}}', 'unknown helper "log"'],
    ['{{> (lookup . "x")}}', 'only static partials'],
    ['{{#*inline "x"}}y{{/inline}}', 'decorators'],
    ['{{p.prototype}}', 'prototype'],
  ])('%s is refused', (source, message) => {
    const problems = checkTemplate(source, new Set());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toContain(message);
  });

  it('accepts the project helpers and block helpers', () => {
    expect(checkTemplate('{{#if (hasAnnex "sla")}}{{annexRef "sla"}}{{/if}}{{money fees.total}}{{#each p.fees.items}}{{name}}{{/each}}', new Set())).toEqual([]);
  });
});

describe('user templates (--templates)', () => {
  it('override a built-in article and keep the rest', async () => {
    const composed = await composeContract(exampleParams(), { templatesDir: overrideDir({ 'articles/02-purpose': '# 合同目的\n\n1. 甲方 {{p.parties.client.name}} 需要服务。\n' }) });
    const purpose = composed.articles.find((a) => a.id === 'purpose')!;
    expect(purpose.markdown).toContain('北京星河数据科技有限公司');
    expect(purpose.file).not.toContain('templates/zh-CN');
    expect(composed.articles.length).toBe(16);
  });

  it('an empty override drops the article', async () => {
    const composed = await composeContract(exampleParams(), { templatesDir: overrideDir({ 'articles/08-cooperation': '' }) });
    expect(composed.articles.map((a) => a.id)).not.toContain('cooperation');
    expect(composed.articles.length).toBe(15);
  });

  it('a missing parameter fails with the template file and line', async () => {
    const error = await composeError({ 'articles/02-purpose': '# 合同目的\n\n1. 第一行\n\n2. {{p.parties.client.nmae}}\n' });
    const d = error.diagnostics[0]!;
    expect(d.kind).toBe('template');
    expect(d.file).toMatch(/articles\/02-purpose\.md\.hbs$/);
    expect(d.line).toBe(5);
    expect(d.message.en).toContain('nmae');
  });

  it('a template reaching for constructor fails with file:line, and nothing is polluted', async () => {
    const error = await composeError({ 'articles/02-purpose': '# 合同目的\n\n1. {{p.constructor.constructor}}\n' });
    expect(error.diagnostics[0]!.line).toBe(3);
    expect(error.diagnostics[0]!.file).toMatch(/02-purpose/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('an unknown helper is a template error', async () => {
    const error = await composeError({ 'articles/02-purpose': '# 合同目的\n\n{{shell "rm -rf /"}}\n' });
    expect(error.diagnostics[0]!.message.en).toContain('unknown helper "shell"');
  });

  it('annexRef to an excluded annex is a template error naming the fix', async () => {
    const params = { ...exampleParams(), annexes: ['nda' as const] };
    let error: ContractError | undefined;
    try {
      await composeContract(params, { templatesDir: overrideDir({ 'articles/02-purpose': '# 合同目的\n\n1. 见{{annexRef "sla"}}\n' }) });
    } catch (e) {
      error = e as ContractError;
    }
    expect(`${error?.diagnostics[0]!.message.en} ${error?.diagnostics[0]!.hint?.en}`).toContain('hasAnnex');
  });
});
