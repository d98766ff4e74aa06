import { describe, expect, it } from 'vitest';
import type { Block, ContractDocument } from '../../../src/model/types.js';
import { docxParagraphTexts, docxParts } from '../../../src/render/docx/inspect.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { xmlProblems } from './xml-check.js';

const EPOCH = 1740787200; // 2025-03-01T00:00:00Z

const render = async (doc: ContractDocument = sampleDocument()) => {
  const bytes = await renderDocx(doc, { sourceDateEpoch: EPOCH });
  return { bytes, parts: docxParts(bytes) };
};

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

/** The XML of the paragraph whose text contains `needle`. */
const paragraphWith = (xml: string, needle: string) => (xml.match(/<w:p\b(?![A-Za-z])[\s\S]*?<\/w:p>/g) ?? []).find((p) => p.includes(needle)) ?? '';

describe('renderDocx: package', () => {
  it('is a zip with the parts Word needs, [Content_Types].xml first, every XML part well-formed', async () => {
    const { bytes, parts } = await render();
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/header1.xml', 'word/footer1.xml', 'docProps/core.xml', 'docProps/custom.xml', '_rels/.rels']) {
      expect(parts[name], name).toBeDefined();
    }
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([]);
  });

  it('every relationship target and content-type override exists', async () => {
    const { parts } = await render();
    for (const m of parts['[Content_Types].xml']!.matchAll(/PartName="\/([^"]+)"/g)) expect(parts[m[1]!], m[1]).toBeDefined();
    for (const m of parts['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)"/g)) expect(parts[`word/${m[1]}`], m[1]).toBeDefined();
    for (const m of parts['word/document.xml']!.matchAll(/r:id="([^"]+)"/g)) expect(parts['word/_rels/document.xml.rels']).toContain(`Id="${m[1]}"`);
  });

  it('is byte-identical for the same sourceDateEpoch, and dates its parts from it', async () => {
    const a = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    const b = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = docxParts(a)['docProps/core.xml']!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z</dcterms:modified>');
    // DOS date of the first local header: 2025-03-01 00:00:00
    const view = new DataView(a.buffer, a.byteOffset);
    expect(view.getUint16(12, true)).toBe(((2025 - 1980) << 9) | (3 << 5) | 1);
    expect(view.getUint16(10, true)).toBe(0);
  });

  it('uses the current time without sourceDateEpoch', async () => {
    const core = docxParts(await renderDocx(sampleDocument()))['docProps/core.xml']!;
    const created = core.match(/<dcterms:created[^>]*>([^<]+)</)![1]!;
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(60_000);
  });
});

describe('renderDocx: numbering', () => {
  it('numbering.xml has 第%1条 in Chinese counting, legal %1.%2 clauses, （%1） items, bound to styles', async () => {
    const { parts } = await render();
    const numbering = parts['word/numbering.xml']!;
    expect(numbering).toMatch(/<w:lvl w:ilvl="0">[^]*?<w:numFmt w:val="chineseCounting"\/><w:pStyle w:val="ArticleHeading"\/><w:suff w:val="(space|nothing)"\/><w:lvlText w:val="第%1条"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:pStyle w:val="Clause"\/><w:isLgl\/><w:suff w:val="space"\/><w:lvlText w:val="%1.%2"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="chineseCounting"\/><w:pStyle w:val="SectionHeading"\/><w:suff w:val="nothing"\/><w:lvlText w:val="%1、"\/>/);
    expect(numbering).toContain('<w:lvlText w:val="（%1）"/>');
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    const styles = parts['word/styles.xml']!;
    const style = (id: string) => styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`))?.[0] ?? '';
    expect(style('ArticleHeading')).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>/);
    expect(style('ArticleHeading')).toContain('<w:keepNext/>');
    expect(style('Clause')).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="1"\/><\/w:numPr>/);
  });

  it('document paragraphs reference the numbering: articles, clauses, lists; each annex and each list restarts', async () => {
    const { parts } = await render();
    const doc = parts['word/document.xml']!;
    const numbering = parts['word/numbering.xml']!;
    expect(paragraphWith(doc, '定义')).toMatch(/<w:pStyle w:val="ArticleHeading"\/>[\s\S]*<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/>/);
    expect(paragraphWith(doc, '“合同”')).toMatch(/<w:pStyle w:val="Clause"\/>[\s\S]*<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="1"\/>/);
    const numIdOf = (needle: string) => paragraphWith(doc, needle).match(/<w:numId w:val="(\d+)"\/>/)?.[1];
    const [fees, nda] = [numIdOf('收费项目</w:t>'), numIdOf('保密信息</w:t>')];
    expect(fees).toBeDefined();
    expect(nda).toBeDefined();
    expect(fees).not.toBe(nda); // a new numbering instance per annex
    for (const id of [fees, nda]) expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    expect(numIdOf('云电话号码资源')).toBe(numIdOf('云电话增值服务'));
  });

  it('paragraph texts carry the labels Word shows: 第一条, 1.1, （1）, •, 一、 restarting per annex', async () => {
    const texts = docxParagraphTexts((await render()).bytes);
    expect(texts).toContain('第一条 定义');
    expect(texts).toContain('第三条 服务费用与支付');
    expect(texts.some((t) => t.startsWith('1.1 “合同”'))).toBe(true);
    expect(texts.some((t) => t.startsWith('1.2 “商业秘密”'))).toBe(true);
    expect(texts).toContain('2.1 乙方应向甲方提供下列云电话服务：');
    expect(texts).toContain('（1）云电话号码资源；');
    expect(texts).toContain('（3）云电话增值服务。');
    expect(texts).toContain('• 来电显示');
    expect(texts).toContain('一、收费项目');
    expect(texts).toContain('1.1 合计：¥7,260.00（人民币柒仟贰佰陆拾元整）。');
    expect(texts).toContain('一、保密信息'); // the second annex restarts
    expect(texts).toContain('1.1 保密信息指一方在履行主合同过程中知悉的对方商业秘密。');
  });

  it('ordered lists restart at （1） in every list', async () => {
    const list = (text: string): Block => ({ kind: 'list', ordered: true, items: [[{ kind: 'paragraph', children: [{ kind: 'text', text }] }]] });
    const doc = sampleDocument();
    const texts = docxParagraphTexts((await render({ ...doc, body: [list('甲'), list('乙')] })).bytes);
    expect(texts).toEqual(['云电话服务合同', '（1）甲', '（1）乙', '附件一', '服务费用清单', ...texts.slice(5)]);
  });
});

describe('renderDocx: text', () => {
  it('has the text of every block, in order', async () => {
    const texts = docxParagraphTexts((await render()).bytes, { labels: false });
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
      '乙方（盖章）：A&B 上海云语通信技术有限公司',
      '附件一',
      '服务费用清单',
      '本清单列明',
      '收费项目',
      '序号',
      '小计',
      '收费项目1号：国内语音通话费',
      '收费项目5号：国内语音通话费',
      '合计：¥7,260.00',
      '附件二',
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
  });

  it('escapes A&B in XML and reads it back as text', async () => {
    const { bytes, parts } = await render();
    expect(parts['word/document.xml']).toContain('A&amp;B');
    expect(parts['word/document.xml']).not.toMatch(/A&B/);
    expect(docxParagraphTexts(bytes).some((t) => t.includes('A&B、*星号*、#井号与|竖线|'))).toBe(true);
  });

  it('replaces XML-forbidden characters with U+FFFD and keeps the file well-formed', async () => {
    const doc = sampleDocument();
    const evil = 'a\u0000b\u0001c\u000Bd\uFFFFe\uD800f\uDC00g😀h';
    const { bytes, parts } = await render({
      ...doc,
      meta: { ...doc.meta, title: `标题${evil}`, client: { ...doc.meta.client, name: `甲${evil}` } },
      body: [{ kind: 'paragraph', children: [{ kind: 'text', text: evil }] }],
    });
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([]);
    expect(docxParagraphTexts(bytes)).toContain('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg😀h');
  });

  it('turns \\n into explicit breaks and \\t into tabs, never raw', async () => {
    const { bytes, parts } = await render({ ...sampleDocument(), body: [{ kind: 'paragraph', children: [{ kind: 'text', text: '第一行\n第二行\r\n第三\t行' }] }] });
    const p = paragraphWith(parts['word/document.xml']!, '第一行');
    expect(p).toContain('<w:br/>');
    expect(p).toContain('<w:tab/>');
    expect(p).not.toMatch(/[\n\r\t]/);
    expect(docxParagraphTexts(bytes)).toContain('第一行\n第二行\n第三\t行');
  });

  it('prints blanks as underlined ____ and strong as bold', async () => {
    const doc = (await render()).parts['word/document.xml']!;
    expect(doc).toContain('<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">____</w:t></w:r>');
    expect(doc).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">甲方：</w:t></w:r>');
  });
});

describe('renderDocx: layout', () => {
  it('is A4 with margins, header and footer references', async () => {
    const doc = (await render()).parts['word/document.xml']!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(doc).toMatch(/<w:pgMar w:top="1440" w:right="1797" w:bottom="1440" w:left="1797"/);
    expect(doc).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/><w:footerReference w:type="default" r:id="rId\d+"\/>/);
  });

  it('styles name East Asian fonts (宋体 body, 黑体 headings), hint eastAsia, zh-CN, 12 pt, 1.5 lines, 2-character indent', async () => {
    const styles = (await render()).parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman" w:hint="eastAsia"\/>/);
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    const normal = styles.match(/<w:style [^>]*w:styleId="Normal">[\s\S]*?<\/w:style>/)![0];
    expect(normal).toContain('w:eastAsia="宋体"');
    expect(normal).toContain('<w:sz w:val="24"/>');
    expect(normal).toContain('w:line="360" w:lineRule="auto"');
    expect(normal).toContain('<w:ind w:firstLineChars="200" w:firstLine="480"/>');
    for (const id of ['ContractTitle', 'ArticleHeading', 'SectionHeading', 'AnnexTitle']) {
      expect(styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`))![0], id).toContain('w:eastAsia="黑体"');
    }
    for (const id of ['Clause', 'TableText', 'TableHeader', 'Signature', 'AnnexLabel', 'ListItem']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('footer: 第 X 页 共 Y 页 as PAGE and NUMPAGES fields, each with separate and a cached result run', async () => {
    const footer = (await render()).parts['word/footer1.xml']!;
    for (const field of ['PAGE', 'NUMPAGES']) {
      expect(footer).toMatch(
        new RegExp(
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${field} [^<]*</w:instrText></w:r>` +
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ),
      );
    }
    expect(footer.replace(/^<\?xml[^>]*\?>\s*/, '').replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, '').replace(/<[^>]+>/g, '')).toBe('第 1 页 共 1 页');
  });

  it('header: the contract number; the draft mark iff draft', async () => {
    const final = (await render()).parts['word/header1.xml']!;
    expect(final).toContain('合同编号：YDH-2025-0001');
    expect(final).not.toContain('草稿');
    const draft = (await render(sampleDocument({ draft: true }))).parts['word/header1.xml']!;
    expect(draft).toContain('合同编号：YDH-2025-0001');
    expect(draft).toMatch(/<v:textpath [^>]*string="草稿 DRAFT"\/>/);
    expect(draft).toMatch(/<w:t xml:space="preserve">草稿 DRAFT\s*<\/w:t>/);
  });

  it('tables: borders, repeated header row, rows that never split, widths that fit the page, column alignment', async () => {
    const doc = (await render(sampleDocument({ feeRows: 30 }))).parts['word/document.xml']!;
    const table = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => t.includes('序号'))!;
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows).toHaveLength(31);
    expect(rows[0]).toContain('<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    for (const row of rows.slice(1)) expect(row).toContain('<w:trPr><w:cantSplit/></w:trPr>');
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(7);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1797);
    expect(widths[1]).toBeGreaterThan(widths[0]! * 2); // 项目 is long text, 序号 a number
    expect(rows[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)![4]).toContain('<w:jc w:val="right"/>'); // 单价
    expect(rows[1]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)![0]).toContain('<w:jc w:val="center"/>'); // 序号
  });

  it('signatures: a borderless table that cannot split, keepNext everywhere, kept with the paragraph before it', async () => {
    const doc = (await render()).parts['word/document.xml']!;
    const table = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => t.includes('甲方（盖章）'))!;
    expect(table).toContain('<w:top w:val="nil"/>');
    expect(table).toContain('<w:trPr><w:cantSplit/></w:trPr>');
    const paragraphs = table.match(/<w:p\b(?![A-Za-z])[\s\S]*?<\/w:p>/g)!;
    expect(paragraphs.length).toBe(1 + 5 + 1 + 3);
    for (const p of paragraphs) expect(p).toContain('<w:keepNext/>');
    expect(table).toMatch(/法定代表人或授权代表（签字）：<\/w:t><\/w:r><w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:t[^>]*>(<w:br\/>)?_+<\/w:t>|法定代表人或授权代表（签字）：<\/w:t><\/w:r><w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:br\/><w:t[^>]*>_+<\/w:t>/);
    expect(paragraphWith(doc, '（以下无正文，为签署页）')).toContain('<w:keepNext/>');
  });

  it('each annex starts on a new page with 附件N and its title; a pageBreak block is a page break', async () => {
    const { parts } = await render();
    const styles = parts['word/styles.xml']!;
    expect(styles.match(/<w:style [^>]*w:styleId="AnnexLabel">[\s\S]*?<\/w:style>/)![0]).toContain('<w:pageBreakBefore/>');
    const doc = parts['word/document.xml']!;
    expect(paragraphWith(doc, '附件一')).toContain('<w:pStyle w:val="AnnexLabel"/>');
    expect(paragraphWith(doc, '附件二')).toContain('<w:pStyle w:val="AnnexLabel"/>');
    expect(doc).toContain('<w:br w:type="page"/>');
  });
});

describe('renderDocx: properties', () => {
  it('core properties carry title, subject, keywords, creator, description; custom ones the number and parties', async () => {
    const { parts } = await render();
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>云电话服务合同</dc:title>');
    expect(core).toContain('<dc:subject>YDH-2025-0001 北京星河数据科技有限公司 / A&amp;B 上海云语通信技术有限公司</dc:subject>');
    expect(core).toContain('<dc:creator>contract</dc:creator>');
    expect(core).toMatch(/<cp:keywords>[^<]*YDH-2025-0001[^<]*<\/cp:keywords>/);
    expect(core).toMatch(/<dc:description>[^<]+<\/dc:description>/);
    const custom = parts['docProps/custom.xml']!;
    expect(custom).toContain('name="ContractNumber"><vt:lpwstr>YDH-2025-0001</vt:lpwstr>');
    expect(custom).toContain('name="ClientName"><vt:lpwstr>北京星河数据科技有限公司</vt:lpwstr>');
    expect(custom).toContain('name="ProviderName"><vt:lpwstr>A&amp;B 上海云语通信技术有限公司</vt:lpwstr>');
  });
});
