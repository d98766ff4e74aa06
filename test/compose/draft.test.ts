/**
 * `gen --draft` through the library: a params file missing required values is written as a
 * draft whose open values print as blanks, and so does every figure computed from them.
 */
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/diagnostics.js';
import { generate } from '../../src/pipeline.js';
import { EXAMPLE } from '../params/helpers.js';

const BLANK = '\\_\\_\\_\\_';
const without = (...patterns: RegExp[]) => patterns.reduce((src, re) => src.replace(re, ''), EXAMPLE);
const markdown = async (yaml: string, draft: boolean) => {
  const r = await generate({ yaml, file: 'acme.yaml' }, { draft, formats: ['md'] });
  return { ...r, md: new TextDecoder().decode(r.outputs[0]!.data) };
};

describe('gen --draft with missing required values', () => {
  const yaml = without(
    /    name: 北京星河数据科技有限公司[^\n]*\n/,
    /  number: YDH-2025-0001[^\n]*\n/,
    /      unitPrice: 0.12\n/,
    /    place: 北京市海淀区 [^\n]*\n/,
    /  court: [^\n]*\n/,
  );

  it('fails without --draft, as today', async () => {
    await expect(generate({ yaml, file: 'acme.yaml' }, { formats: ['md'] })).rejects.toBeInstanceOf(ContractError);
  });

  it('writes a draft that lists each open value as a warning with its key path', async () => {
    const { warnings, md, document } = await markdown(yaml, true);
    expect(warnings.filter((w) => w.code === 'draft-open').map((w) => w.keyPath).sort()).toEqual([
      'contract.number',
      'contract.signing.place',
      'fees.items[2].unitPrice',
      'parties.client.name',
    ]);
    expect(md).toContain('草稿 DRAFT');
    expect(md).toContain(`**合同编号**：${BLANK}`);
    expect(md).toContain(`**甲方**：${BLANK}`);
    expect(md).toContain(`**签订地点**：${BLANK}`);
    // The default court is built from the signing place: it prints with the blank inside.
    expect(md).toContain(`任何一方均有权向${BLANK}人民法院提起诉讼`);
    // One open price: its line and every total are unknown, none prints a wrong figure.
    expect(md).toMatch(new RegExp(`\\| 国内语音通话费 \\| 通话费用 \\| 分钟 \\| ${BLANK.replace(/\\/g, '\\\\')} \\| 50,000 \\| ${BLANK.replace(/\\/g, '\\\\')} \\|`));
    expect(md).toContain(`月度服务费用预估为${BLANK}（大写：${BLANK}）`);
    expect(md).not.toContain('¥7,450.00');
    expect(md).not.toContain('三、计算示例');
    // The signature block and the metadata show a line, never a placeholder.
    expect(md).toContain(`甲方（盖章）：${BLANK}`);
    expect(document.meta).toMatchObject({ number: '____', client: { name: '____' } });
    expect(md).not.toMatch(/[\uE000-\uE003]/);
  });

  it('names the output after the params file when the contract number is open', async () => {
    const { params } = await markdown(yaml, true);
    expect(params.contract.number).toBe('acme');
  });

  it('an open date leaves every date computed from it blank', async () => {
    const noDates = without(/    date: 2025-03-01[^\n]*\n/, /    effectiveDate: 2025-03-01[^\n]*\n( {20,}#[^\n]*\n)*/);
    const { md } = await markdown(noDates, true);
    expect(md).toContain(`**签订日期**：${BLANK}`);
    expect(md).toContain(`合同期限为2年，自${BLANK}起至${BLANK}止`);
    // The placeholder date never prints, nor the end of a term computed from it.
    expect(md).not.toMatch(/190[0-2]年/);
  });

  it('without --draft a complete file renders exactly as before: no blank, no mark', async () => {
    const { md, warnings } = await markdown(EXAMPLE, false);
    expect(warnings).toEqual([]);
    // Signature and date lines are drawn to sign by hand; no other blank.
    expect(md.replace(/(（签字）|日期)：(\\_)+/g, '')).not.toContain(BLANK);
    expect(md).not.toContain('草稿');
  });
});
