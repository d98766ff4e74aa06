import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import { buildContract } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { expectGolden } from './golden.js';

async function markdownOf(file: string, options: { draft?: boolean } = {}): Promise<string> {
  const loaded = parseParamsText(readFileSync(file), file);
  const { params, diagnostics } = validateParams(loaded);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderMarkdown(await buildContract(params!, options));
}

describe('golden Markdown', () => {
  it.each([
    ['examples/params.example.yaml', 'test/golden/example.md'],
    ['test/fixtures/valid/three-annexes.yaml', 'test/golden/three-annexes.md'],
    ['test/fixtures/valid/arbitration.yaml', 'test/golden/arbitration.md'],
  ])('%s renders as %s', async (input, golden) => {
    const md = await markdownOf(input);
    expectGolden(golden, md);
    // Every annex reference names an annex that is attached, under its actual number.
    const attached = new Map([...md.matchAll(/^# (附件\S+) (.+)$/gm)].map((m) => [m[1]!, m[2]!]));
    const references = [...md.matchAll(/(附件[一二三四五六七八九十]+)《([^》]+)》/g)];
    expect(references.length).toBeGreaterThan(0);
    for (const [, label, title] of references) expect(attached.get(label!), `${label}《${title}》`).toBe(title);
  });

  it('a contract with three annexes numbers them 附件一 to 附件三 and mentions no other', async () => {
    const md = await markdownOf('test/fixtures/valid/three-annexes.yaml');
    expect([...md.matchAll(/^# (附件\S+) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['附件一 服务费用清单', '附件二 保密协议', '附件三 服务等级协议']);
    expect(md).not.toMatch(/附件[四五六七八]/);
    for (const absent of ['云电话服务详细说明', '合同变更协议', '服务中断赔偿标准说明', '系统维护和升级通知记录', '用户手册']) {
      expect(md).not.toContain(`《${absent}》`);
    }
  });

  it('draft mode marks the document and prints blanks', async () => {
    const md = await markdownOf('test/fixtures/valid/arbitration.yaml', { draft: true });
    expect(md).toContain('草稿 DRAFT');
    // The client has no bank account in this file: a draft leaves lines to fill in by hand.
    expect(md).toMatch(/开户行：(\\_)+/);
    const final = await markdownOf('test/fixtures/valid/arbitration.yaml');
    expect(final).not.toContain('草稿');
    expect(final.match(/开户行：/g)).toHaveLength(2); // the provider's account, in 5.5 and its signature block
  });
});
