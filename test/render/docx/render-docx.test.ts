import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/types.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { render } from './helpers.js';
import { docxParagraphTexts } from './inspect.js';
import { xmlProblems } from './xml-check.js';
import { all, first, numberingOf, styleById, styleOf, textOf, valOf, type XmlElement } from './xml-tree.js';

/** The abstract numbering definitions, by the style their first level is bound to. */
function listBoundTo(numbering: XmlElement, styleId: string): XmlElement {
  const list = all(numbering, 'w:abstractNum').find((a) => all(a, 'w:lvl').some((l) => valOf(l, 'w:pStyle') === styleId));
  if (!list) throw new Error(`no list bound to ${styleId}`);
  return list;
}

const level = (list: XmlElement, ilvl: number) => all(list, 'w:lvl').find((l) => l.attrs['w:ilvl'] === String(ilvl))!;

/** The abstract list a numId stands for. */
const abstractOf = (numbering: XmlElement, numId: string) => valOf(all(numbering, 'w:num').find((n) => n.attrs['w:numId'] === numId)!, 'w:abstractNumId');


describe('renderDocx: numbering', () => {
  it('Word multilevel lists: 第%1条 in Chinese counting, legal (isLgl) %1.%2 clauses, 一、 sections, （%1） items, bullets, 附件%1', async () => {
    const r = await render(sampleDocument());
    const numbering = r.xml('word/numbering.xml');
    const articles = listBoundTo(numbering, 'ArticleHeading');
    expect(valOf(articles, 'w:multiLevelType')).toBe('multilevel');
    expect([valOf(level(articles, 0), 'w:numFmt'), valOf(level(articles, 0), 'w:lvlText')]).toEqual(['chineseCounting', '第%1条']);
    for (const [ilvl, style, text] of [[1, 'Clause', '%1.%2'], [2, 'Subclause', '%1.%2.%3']] as const) {
      const l = level(articles, ilvl);
      expect(valOf(l, 'w:pStyle')).toBe(style);
      expect(valOf(l, 'w:lvlText')).toBe(text);
      expect(first(l, 'w:isLgl'), `${style} is legal numbering: 1.1 under 第一条`).toBeDefined();
    }
    const sections = listBoundTo(numbering, 'SectionHeading');
    expect([valOf(level(sections, 0), 'w:numFmt'), valOf(level(sections, 0), 'w:lvlText'), valOf(level(sections, 0), 'w:suff')]).toEqual(['chineseCounting', '%1、', 'nothing']);
    expect(first(level(sections, 1), 'w:isLgl')).toBeDefined();
    const annexes = listBoundTo(numbering, 'AnnexLabel');
    expect([valOf(level(annexes, 0), 'w:numFmt'), valOf(level(annexes, 0), 'w:lvlText')]).toEqual(['chineseCounting', '附件%1']);
    const texts = all(numbering, 'w:lvlText').map((t) => t.attrs['w:val']);
    expect(texts).toContain('（%1）');
    expect(all(numbering, 'w:numFmt').some((f) => f.attrs['w:val'] === 'bullet')).toBe(true);
    expect(r.parts['word/numbering.xml']).not.toContain('w:tentative');
  });

  it('styles and levels are bound both ways: each heading and clause style names its level', async () => {
    const r = await render(sampleDocument());
    const numbering = r.xml('word/numbering.xml');
    const styles = r.xml('word/styles.xml');
    for (const [style, ilvl] of [['ArticleHeading', '0'], ['Clause', '1'], ['Subclause', '2'], ['SectionHeading', '0'], ['SectionClause', '1'], ['AnnexLabel', '0']] as const) {
      const numPr = first(styleById(styles, style)!, 'w:numPr')!;
      expect(valOf(numPr, 'w:ilvl'), style).toBe(ilvl);
      const bound = all(numbering, 'w:abstractNum').find((a) => a.attrs['w:abstractNumId'] === abstractOf(numbering, valOf(numPr, 'w:numId')!))!;
      expect(valOf(level(bound, Number(ilvl)), 'w:pStyle'), style).toBe(style);
    }
    expect(first(styleById(styles, 'ArticleHeading')!, 'w:keepNext')).toBeDefined();
  });

  it('paragraphs carry their numbering: one list of articles, a new list of sections per annex, a new list per ordered list', async () => {
    const r = await render(sampleDocument());
    const numbering = r.xml('word/numbering.xml');
    const styles = r.xml('word/styles.xml');
    const numPrOf = (p: XmlElement) => numberingOf(p, styles);
    const ps = all(r.xml('word/document.xml'), 'w:p');
    const p = (text: string) => ps.find((x) => textOf(x).startsWith(text))!;
    expect(styleOf(p('定义'))).toBe('ArticleHeading');
    expect(numPrOf(p('定义'))!.ilvl).toBe('0');
    expect(numPrOf(p('“合同”'))).toEqual({ ilvl: '1', numId: numPrOf(p('定义'))!.numId });
    const [fees, nda] = [numPrOf(p('收费项目'))!.numId, numPrOf(p('保密信息'))!.numId];
    expect(fees).not.toBe(nda);
    expect(abstractOf(numbering, fees)).toBe(abstractOf(numbering, nda));
    for (const id of [fees, nda]) {
      const num = all(numbering, 'w:num').find((n) => n.attrs['w:numId'] === id)!;
      expect(valOf(num, 'w:startOverride')).toBe('1'); // each annex's sections restart at 一、
    }
    expect(numPrOf(p('云电话号码资源'))!.numId).toBe(numPrOf(p('云电话增值服务'))!.numId);
  });

  it('paragraph texts carry the labels Word shows: 第一条, 1.1, （1）, •, 一、 restarting per annex, 附件一', async () => {
    const texts = docxParagraphTexts((await render(sampleDocument())).bytes);
    expect(texts).toContain('第一条 定义');
    expect(texts).toContain('第三条 服务费用与支付');
    expect(texts.some((t) => t.startsWith('1.1 “合同”'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1.2 “商业秘密”'))).toBe(true);
    expect(texts).toContain('2.1 乙方应向甲方提供下列云电话服务：');
    expect(texts).toContain('（1） 云电话号码资源；');
    expect(texts).toContain('（3） 云电话增值服务。');
    expect(texts).toContain('• 来电显示');
    expect(texts).toContain('附件一');
    expect(texts).toContain('一、收费项目');
    expect(texts).toContain('1.1 合计：¥7,260.00（人民币柒仟贰佰陆拾元整）。');
    expect(texts).toContain('附件二');
    expect(texts).toContain('一、保密信息'); // the second annex restarts
    expect(texts).toContain('1.1 保密信息指一方在履行主合同过程中知悉的对方商业秘密。');
  });

  it('ordered lists restart at （1） in every list', async () => {
    const list = (text: string): Block => ({ kind: 'list', ordered: true, items: [[{ kind: 'paragraph', children: [{ kind: 'text', text }] }]] });
    const texts = docxParagraphTexts((await render({ ...sampleDocument(), body: [list('甲'), list('乙')] })).bytes);
    expect(texts.slice(0, 5)).toEqual(['云电话服务合同', '（1） 甲', '（1） 乙', '附件一', '服务费用清单']);
  });
});

describe('renderDocx: text', () => {
  it('has the text of every block, in order', async () => {
    const texts = docxParagraphTexts((await render(sampleDocument())).bytes, { labels: false });
    const expected = [
      '云电话服务合同',
      '合同编号：YDH-2025-0001',
      '甲方：北京星河数据科技有限公司',
      '鉴于甲方需要云电话服务',
      '定义',
      '除本合同另有约定外',
      '“合同”',
      '“商业秘密”',
      '服务内容',
      '云电话号码资源；',
      '来电显示',
      '服务费用与支付',
      '乙方开户行：____。',
      '（以下无正文，为签署页）',
      '甲方（盖章）：北京星河数据科技有限公司',
      '法定代表人或授权代表（签字）：',
      '开户行：中国工商银行北京中关村支行',
      '账号：0200004509200012345',
      '服务费用清单',
      '本清单列明',
      '收费项目',
      '序号',
      '小计',
      '收费项目1号：国内语音通话费',
      '收费项目5号：国内语音通话费',
      '合计：¥7,260.00',
      '保密协议',
      '保密信息',
      '保密期限为本合同终止后三年。',
    ];
    let at = 0;
    for (const needle of expected) {
      const found = texts.findIndex((t, i) => i >= at && t.includes(needle));
      expect(found, `${needle} after paragraph ${at}`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    // The two parties sign side by side: the second party's name is in the same table.
    expect(texts.some((t) => t === '乙方（盖章）：A&B 上海云语通信技术有限公司' || t === '乙方（盖章）：\nA&B 上海云语通信技术有限公司')).toBe(true);
  });

  it('escapes A&B in XML and reads it back as text', async () => {
    const { bytes, parts } = await render(sampleDocument());
    expect(parts['word/document.xml']).toContain('A&amp;B');
    expect(parts['word/document.xml']).not.toMatch(/A&B/);
    expect(docxParagraphTexts(bytes).some((t) => t.includes('A&B、*星号*、#井号与|竖线|'))).toBe(true);
  });

  it('replaces XML-forbidden characters with U+FFFD everywhere (text, title, parties, fonts) and keeps every part well-formed', async () => {
    const doc = sampleDocument();
    const evil = 'a\u0000b\u0001c\u000Bd\uFFFFe\uD800f\uDC00g😀h';
    const { bytes, parts } = await render({
      ...doc,
      meta: { ...doc.meta, title: `标题${evil}`, number: `N${evil}`, client: { ...doc.meta.client, name: `甲${evil}` }, fonts: { body: `宋体${evil}`, heading: '黑体' } },
      body: [{ kind: 'paragraph', children: [{ kind: 'text', text: evil }] }],
    });
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([]);
    expect(docxParagraphTexts(bytes)).toContain('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg😀h');
  });

  it('turns \\n into explicit breaks and \\t into tabs, never raw', async () => {
    const r = await render({ ...sampleDocument(), body: [{ kind: 'paragraph', children: [{ kind: 'text', text: '第一行\n第二行\r\n第三\t行' }] }] });
    const p = all(r.xml('word/document.xml'), 'w:p').find((x) => textOf(x).startsWith('第一行'))!;
    expect(all(p, 'w:br')).toHaveLength(2);
    expect(all(p, 'w:tab')).toHaveLength(1);
    expect(r.parts['word/document.xml']).not.toMatch(/<w:t[^>]*>[^<]*[\n\r\t]/);
    expect(docxParagraphTexts(r.bytes)).toContain('第一行\n第二行\n第三\t行');
  });

  it('prints a blank as ____ (as the PDF does) and strong as bold', async () => {
    const r = await render(sampleDocument());
    const runs = all(r.xml('word/document.xml'), 'w:r');
    expect(runs.some((run) => textOf(run) === '____')).toBe(true);
    const bold = runs.find((run) => textOf(run) === '甲方：')!;
    expect(first(bold, 'w:b')).toBeDefined();
  });
});

describe('renderDocx: properties', () => {
  it('core properties carry title, subject, keywords, creator, description; custom ones the number and parties', async () => {
    const { parts } = await render(sampleDocument());
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>云电话服务合同</dc:title>');
    expect(core).toContain('<dc:subject>YDH-2025-0001 北京星河数据科技有限公司 / A&amp;B 上海云语通信技术有限公司</dc:subject>');
    expect(core).toContain('<dc:creator>contract</dc:creator>');
    expect(core).toMatch(/<cp:keywords>[^<]*YDH-2025-0001[^<]*<\/cp:keywords>/);
    expect(core).toMatch(/<dc:description>[^<]+<\/dc:description>/);
    const custom = parts['docProps/custom.xml']!;
    const prop = (name: string) => custom.match(new RegExp(`name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`))?.[1];
    expect(prop('ContractNumber')).toBe('YDH-2025-0001');
    expect(prop('ClientName')).toBe('北京星河数据科技有限公司');
    expect(prop('ProviderName')).toBe('A&amp;B 上海云语通信技术有限公司');
    expect(prop('Draft')).toBe('false');
  });

  it('a draft says so in its properties', async () => {
    const { parts } = await render(sampleDocument({ draft: true }));
    expect(parts['docProps/core.xml']).toMatch(/<cp:keywords>[^<]*草稿/);
  });
});

