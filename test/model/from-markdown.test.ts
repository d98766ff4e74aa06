import { describe, expect, it } from 'vitest';
import type { ComposedContract } from '../../src/compose/compose.js';
import type { TemplateContext } from '../../src/compose/context.js';
import { escapeMarkdown, MARK } from '../../src/compose/escape.js';
import { ContractError } from '../../src/diagnostics.js';
import { buildDocument } from '../../src/model/from-markdown.js';
import { parseMarkdownTree } from '../../src/model/markdown-tree.js';
import type { Block } from '../../src/model/types.js';
import { exampleParams } from '../fixtures/params.js';

const part = (name: string, markdown: string) => ({ name, file: `templates/zh-CN/${name}.md.hbs`, markdown });

function composed(overrides: Partial<ComposedContract> = {}): ComposedContract {
  return {
    context: { p: exampleParams() } as unknown as TemplateContext,
    preamble: part('preamble', `合同编号：YDH-1\n\n**甲方：**${escapeMarkdown('A&B *公司* #1 | <b>')}\n`),
    articles: [
      { ...part('articles/01-definitions', '# 定义\n\n下列用语：\n\n1. “合同”指本合同。\n\n2. “工作日”指法定工作日。\n   1. 子项一\n   2. 子项二\n'), id: 'definitions' },
      { ...part('articles/02-fees', `# 服务费用\n\n1. 见${MARK.refOpen}article:definitions${MARK.refClose}和${MARK.refOpen}annex:feeSchedule${MARK.refClose}《服务费用清单》。\n\n2. 开户行：${MARK.blankOpen}开户行${MARK.blankClose}\n`), id: 'fees' },
    ],
    signatures: part('signatures', '（以下无正文）\n\n```signatures\nrole: 甲方\nname: A\\&B公司\n法定代表人或授权代表（签字）:\n开户行: 工行\n\nrole: 乙方\nname: 乙公司\n日期:\n```\n'),
    annexes: [
      {
        ...part('annexes/feeSchedule', '# 服务费用清单\n\n说明。\n\n## 收费项目\n\n| 序号 | 项目 | 小计 |\n| :---: | --- | ---: |\n| 1 | 月租 | ¥200.00 |\n\n1. 合计如上。\n'),
        id: 'feeSchedule',
      },
    ],
    ...overrides,
  };
}

const texts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'paragraph':
        return [b.children.map((i) => (i.kind === 'text' || i.kind === 'ref' ? i.text : i.kind === 'blank' ? '____' : i.children.map((c) => (c.kind === 'text' ? c.text : '')).join(''))).join('')];
      case 'article':
        return [b.title, ...texts(b.children)];
      case 'clause':
        return texts(b.children);
      case 'list':
        return b.items.flatMap(texts);
      default:
        return [];
    }
  });

describe('buildDocument', () => {
  const doc = buildDocument(composed(), exampleParams(), { draft: true });

  it('keeps escaped user text literal', () => {
    expect(texts(doc.body)).toContain('甲方：A&B *公司* #1 | <b>');
  });

  it('turns top-level ordered items into clauses and nested ones into lists', () => {
    const definitions = doc.body.find((b) => b.kind === 'article' && b.id === 'definitions');
    expect(definitions?.kind).toBe('article');
    if (definitions?.kind !== 'article') return;
    expect(definitions.title).toBe('定义');
    expect(definitions.children.map((c) => c.kind)).toEqual(['paragraph', 'clause', 'clause']);
    const second = definitions.children[2];
    expect(second?.kind === 'clause' && second.children.map((c) => c.kind)).toEqual(['paragraph', 'list']);
  });

  it('makes references nodes numbered from the actual order, and keeps blanks', () => {
    const fees = doc.body.find((b) => b.kind === 'article' && b.id === 'fees');
    expect(texts([fees!])).toContain('见第一条和附件一《服务费用清单》。');
    const clause = fees?.kind === 'article' ? fees.children[0] : undefined;
    const first = clause?.kind === 'clause' ? clause.children[0] : undefined;
    expect(first?.kind === 'paragraph' && first.children.filter((i) => i.kind === 'ref')).toEqual([
      { kind: 'ref', target: { kind: 'article', id: 'definitions' }, text: '第一条' },
      { kind: 'ref', target: { kind: 'annex', id: 'feeSchedule' }, text: '附件一' },
    ]);
    expect(JSON.stringify(fees)).toContain('"kind":"blank","hint":"开户行"');
  });

  it('gives each annex its legal role: the change agreement is a form until changes are given', () => {
    expect(doc.annexes[0]!.role).toBe('integral');
    const agreement = { ...part('annexes/changeAgreement', '# 合同变更协议\n\n正文。\n'), id: 'changeAgreement' as const };
    const withAgreement = composed({ annexes: [...composed().annexes, agreement] });
    expect(buildDocument(withAgreement, exampleParams(), { draft: false }).annexes[1]!.role).toBe('form');
    const changed = { ...exampleParams(), changes: [{ clause: '5.3', original: '旧', amended: '新', effectiveDate: '2025-07-01' }] };
    expect(buildDocument(withAgreement, changed, { draft: false }).annexes[1]!.role).toBe('signed');
  });

  it('parses the signature block', () => {
    const sig = doc.body.find((b) => b.kind === 'signatures');
    expect(sig).toEqual({
      kind: 'signatures',
      parties: [
        { role: '甲方', name: 'A&B公司', fields: [ { label: '法定代表人或授权代表（签字）', value: null }, { label: '开户行', value: '工行' } ] },
        { role: '乙方', name: '乙公司', fields: [{ label: '日期', value: null }] },
      ],
    });
  });

  it('builds annex sections with tables and clauses', () => {
    const annex = doc.annexes[0]!;
    expect(annex.title).toBe('服务费用清单');
    expect(annex.body[0]?.kind).toBe('paragraph');
    const section = annex.body[1];
    expect(section?.kind === 'article' && section.style).toBe('section');
    if (section?.kind !== 'article') return;
    const table = section.children[0];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.align).toEqual(['center', 'left', 'right']);
    expect(table.rows).toHaveLength(1);
    expect(section.children[1]?.kind).toBe('clause');
  });

  it('an unknown article reference is a template error with the file', () => {
    const bad = composed({ articles: [{ ...part('articles/01-x', `# X\n\n1. ${MARK.refOpen}article:nope${MARK.refClose}\n`), id: 'x' }] });
    expect(() => buildDocument(bad, exampleParams(), { draft: false })).toThrow(ContractError);
    try {
      buildDocument(bad, exampleParams(), { draft: false });
    } catch (error) {
      expect((error as ContractError).diagnostics[0]!.file).toBe('templates/zh-CN/articles/01-x.md.hbs');
    }
  });

  it('an article without a title is a template error', () => {
    const bad = composed({ articles: [{ ...part('articles/01-x', '1. 无标题\n'), id: 'x' }] });
    expect(() => buildDocument(bad, exampleParams(), { draft: false })).toThrow(/must start with a "# title"/);
  });
});

describe('parseMarkdownTree: trees kept across the contracts of a process', () => {
  it('builds the same model from a source parsed before, whatever the earlier model did with its array', () => {
    const first = buildDocument(composed(), exampleParams(), { draft: false });
    const again = parseMarkdownTree(composed().annexes[0]!.markdown);
    again.splice(0); // a caller's array is its own
    expect(parseMarkdownTree(composed().annexes[0]!.markdown).length).toBeGreaterThan(3);
    // Other contracts' parts in between, then the first one's again: the same model.
    for (let i = 0; i < 100; i++) parseMarkdownTree(`# 条款${i}\n\n第${i}项。\n`);
    expect(buildDocument(composed(), exampleParams(), { draft: false })).toEqual(first);
    const a = parseMarkdownTree('# 标题\n\n正文。\n');
    const b = parseMarkdownTree('# 标题\n\n正文。\n');
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });
});
