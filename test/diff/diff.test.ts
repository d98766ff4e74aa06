import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffContracts, type ContractDiff, type Version } from '../../src/diff/index.js';
import { buildContract, validate } from '../../src/pipeline.js';
import type { RenderOptions } from '../../src/pipeline.js';
import { tempDir } from '../cli/run-cli.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');

function edit(from: string | RegExp, to: string, text = EXAMPLE): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`not in the example: ${String(from)}`);
  return text.replace(from, to);
}

async function version(yaml: string, options: RenderOptions = {}): Promise<Version> {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('\n'));
  return { params, document: await buildContract(params, options) };
}

async function diff(newYaml: string, options: RenderOptions = {}): Promise<ContractDiff> {
  return diffContracts(await version(EXAMPLE, options), await version(newYaml, options), (p) => buildContract(p, options));
}

let same: ContractDiff;
beforeAll(async () => {
  same = await diff(EXAMPLE);
});

describe('diffContracts', () => {
  it('finds nothing between a contract and itself', () => {
    expect(same.params).toEqual([]);
    expect(same.units).toEqual([]);
    expect(same.clauses).toEqual([]);
  });

  it('a unit price: the key, the fee row and every computed figure that depends on it', async () => {
    const d = await diff(edit(/unitPrice: 0\.12\b/, 'unitPrice: 0.10'));
    expect(d.params.map((c) => [c.path, c.old, c.new])).toEqual([['fees.items[2].unitPrice', '0.12', '0.10']]);
    const touched = d.params[0]!.touches.map((t) => `${t.part} ${t.clause}`);
    expect(touched.some((t) => t.includes('附件二') && t.includes('收费明细'))).toBe(true);
    expect(d.params[0]!.touches.length).toBe(new Set(touched).size);
    // The fee row: the price and its subtotal change as single words.
    const row = d.units.find((u) => u.clause.includes('收费明细'))!;
    expect(row.change).toBe('modified');
    const edits = row.ops.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.tokens.map((t) => t.text).join('')}`);
    expect(edits).toEqual(['del:¥0.12', 'ins:¥0.10', 'del:¥6,000.00', 'ins:¥5,000.00']);
    // The monthly estimate in the main body, in figures and in 大写, changes with it.
    const estimate = d.clauses.find((c) => c.part === '本合同' && c.original.includes('¥7,450.00'))!;
    expect(estimate.revised).toContain('¥6,450.00');
    expect(estimate.revised).toContain('人民币陆仟肆佰伍拾元整');
    expect(d.clauses.every((c) => c.change === 'modified')).toBe(true);
  });

  it('the term: the years and the end date, in the term clause only', async () => {
    const d = await diff(edit(/^  term:\n    years: 2 /m, '  term:\n    years: 3 '));
    expect(d.params.map((c) => c.path)).toEqual(['contract.term.years']);
    const term = d.clauses.find((c) => c.revised.includes('2028年2月29日'))!;
    expect(term.original).toContain('2027年2月28日');
    expect(d.params[0]!.touches.map((t) => t.clause)).toContain(term.clause);
  });

  it("a party's address is cited by its place in the head of the contract", async () => {
    const d = await diff(edit('北京市海淀区中关村大街1号 # required', '北京市海淀区中关村大街9号 # required'));
    expect(d.params.map((c) => [c.path, c.new])).toEqual([['parties.client.address', '北京市海淀区中关村大街9号']]);
    expect(d.clauses.map((c) => [c.clause, c.original, c.revised])).toContainEqual(['合同首部（甲方住所）', expect.stringContaining('大街1号'), expect.stringContaining('大街9号')]);
  });

  it('an annex added: one whole insertion, and references to it; renumbering is no edit', async () => {
    const without = edit(/^  - nda +#.*\n/m, '');
    const d = diffContracts(await version(without), await version(EXAMPLE), (p) => buildContract(p));
    const result = await d;
    expect(result.params.map((c) => [c.path, c.change, c.new])).toEqual([['annexes[2]', 'added', 'nda']]);
    const whole = result.clauses.filter((c) => c.whole === 'part');
    expect(whole.map((c) => [c.change, c.clause])).toEqual([['inserted', '附件三《保密协议》']]);
    // Annexes after it are renumbered (附件三 -> 附件四) without a word of them changing.
    expect(result.units.filter((u) => u.part === 'annex:changeAgreement')).toEqual([]);
  });

  it('an article dropped (its template emptied): a whole deletion, the articles after it keep their text', async () => {
    const dir = tempDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'articles'), { recursive: true });
    writeFileSync(join(templates, 'articles', '02-purpose.md.hbs'), '');
    const oldVersion = await version(EXAMPLE);
    const newVersion = await version(EXAMPLE, { templatesDir: templates });
    const d = await diffContracts(oldVersion, newVersion, (p) => buildContract(p, { templatesDir: templates }));
    const whole = d.clauses.filter((c) => c.whole);
    expect(whole.map((c) => [c.change, c.whole])).toEqual([['deleted', 'group']]);
    expect(whole[0]!.clause).toBe('第二条 合同目的与背景');
    // Later articles are renumbered; only references to the dropped article may change.
    expect(d.units.filter((u) => !u.whole && u.change !== 'modified')).toEqual([]);
    expect(d.params).toEqual([]);
  });
});
