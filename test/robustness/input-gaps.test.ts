/**
 * Issue 11, points 9 and 13: `validate` rejects first, naming the key, everything `gen` would
 * reject for a value; a %YAML 1.1 directive cannot turn `no` into false; invisible formatting
 * characters are refused alike (U+00AD was accepted while U+200B was not).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/pipeline.js';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, positionOf, runCliTimed } from './helpers.js';

function both(text: string): { validate: ReturnType<typeof runCliTimed>; gen: ReturnType<typeof runCliTimed>; file: string; out: string } {
  const dir = tempDir('contract-gaps-');
  const file = join(dir, 'p.yaml');
  writeFileSync(file, text);
  const out = join(dir, 'out');
  return { file, out, validate: runCliTimed(['validate', file]), gen: runCliTimed(['gen', file, '-o', out]) };
}

describe('validate and gen agree (point 9)', { timeout: 180_000 }, () => {
  it('unitPrice 999999999999.99 × quantity 99999999999: both exit 1 at the fee line, no template blamed', () => {
    const text = EXAMPLE_TEXT.replace('unitPrice: 200.00', 'unitPrice: 999999999999.99').replace(/(unitPrice: 999999999999\.99\n\s+quantity: )1/, '$199999999999');
    expect(text).toContain('quantity: 99999999999');
    const at = positionOf(text, 'name: 400号码月租');
    const r = both(text);
    for (const run of [r.validate, r.gen]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${r.file}:${at.line}:${at.column}: error: fees.items[0]: unit price × quantity (with tax) comes to more than 9,999,999,999,999,999.99 yuan`);
      expect(run.stderr).not.toMatch(/templates\/|\.md\.hbs/);
      expect(run.stderr).not.toMatch(STACK);
    }
  });

  it('lines each within the limit whose total is not: named at fees.items', async () => {
    const item = '    - { name: 大额, category: oneTime, unit: 次, unitPrice: 999999999999.99, quantity: 6000 }\n';
    const text = EXAMPLE_TEXT.replace(/^ {2}items:.*\n/m, (line) => `${line}${item}${item}`);
    expect(text).toContain(item);
    const { params, diagnostics } = await validate({ yaml: text, file: 'p.yaml' });
    expect(params).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.keyPath])).toEqual([['amount-too-large', 'fees.items']]);
  });

  it('a term that would end after 9999-12-31: both exit 1 at contract.term.effectiveDate', () => {
    const text = EXAMPLE_TEXT.replace('effectiveDate: 2025-03-01', 'effectiveDate: 9999-03-01');
    const at = positionOf(text, '9999-03-01');
    const r = both(text);
    for (const run of [r.validate, r.gen]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${r.file}:${at.line}:${at.column}: error: contract.term.effectiveDate: a term of 2 years from 9999-03-01 ends after 9999-12-31`);
    }
  });

  it('the largest total that 大写 can write still generates', async () => {
    const text = EXAMPLE_TEXT.replace(/^ {2}items:.*\n[\s\S]*?(?=^ {2}billing:)/m, '  items:\n    - { name: 大额, category: oneTime, unit: 次, unitPrice: 999999999999999.999, quantity: 10 }\n');
    expect(text).toContain('unitPrice: 999999999999999.999');
    const { params, diagnostics } = await validate({ yaml: text, file: 'p.yaml' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(params).toBeDefined();
    const { generate } = await import('../../src/pipeline.js');
    const { outputs } = await generate({ yaml: text, file: 'p.yaml' }, { formats: ['md'] });
    expect(new TextDecoder().decode(outputs[0]!.data)).toContain('玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
  });
});

describe('small input gaps (point 13)', { timeout: 180_000 }, () => {
  it('%YAML 1.1 with pricesIncludeTax: no is refused at the directive, not read as false', () => {
    const text = `%YAML 1.1\n---\n${EXAMPLE_TEXT.replace(/pricesIncludeTax: \w+/, 'pricesIncludeTax: no')}`;
    expect(text).toContain('pricesIncludeTax: no');
    const r = both(text);
    for (const run of [r.validate, r.gen]) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${r.file}:1:1: error: the %YAML 1.1 directive is not supported: params files are YAML 1.2`);
    }
    expect(readdirSync(join(r.out, '..'))).toEqual(['p.yaml']);
  });

  it('%YAML 1.2 stays accepted', async () => {
    const { params } = await validate({ yaml: `%YAML 1.2\n---\n${EXAMPLE_TEXT}`, file: 'p.yaml' });
    expect(params).toBeDefined();
  });

  it.each([
    ['U+00AD (soft hyphen)', '\u00AD'],
    ['U+200B (zero width space)', '\u200B'],
    ['U+202E (right-to-left override)', '\u202E'],
    ['U+2060 (word joiner)', '\u2060'],
    ['U+FEFF (zero width no-break space)', '\uFEFF'],
  ])('%s in the legal representative: exit 1, the same message for every invisible character', (name, ch) => {
    const text = EXAMPLE_TEXT.replace('legalRepresentative: 张伟', `legalRepresentative: 张${ch}伟`);
    const at = positionOf(text, `张${ch}伟`);
    const r = both(text);
    expect(r.validate.status).toBe(1);
    expect(r.validate.stderr).toContain(`${r.file}:${at.line}:${at.column}: error: parties.client.legalRepresentative: contains the invisible formatting character ${name}`);
  });
});
