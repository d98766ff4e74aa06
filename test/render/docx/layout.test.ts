/**
 * The DOCX is the PDF's twin: every measure below comes from the house style the PDF lays out
 * with (src/render/house-style.ts), converted to twips (1/20 pt), half-points and eighths of a point.
 */
import { describe, expect, it } from 'vitest';
import type { Annex, ContractDocument, SignaturesBlock } from '../../../src/model/types.js';
import { FONT_FAMILIES, PAGE, SIGNATURE, SIGNING_ROOM, SPACING, STYLES, TABLE, TEXT_WIDTH } from '../../../src/render/house-style.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { render } from './helpers.js';
import { all, ancestor, elements, first, indentOf, numberingOf, styleById, styleOf, textOf, valOf, type XmlElement } from './xml-tree.js';

const tw = (pt: number) => Math.round(pt * 20);
const hp = (pt: number) => String(Math.round(pt * 2));

const pPrOf = (p: XmlElement) => elements(p).find((e) => e.name === 'w:pPr');
const paragraphs = (doc: XmlElement) => all(doc, 'w:p');
const paragraphWith = (doc: XmlElement, text: string) => paragraphs(doc).find((p) => textOf(p).includes(text))!;
const tables = (doc: XmlElement) => all(doc, 'w:tbl');
const tableWith = (doc: XmlElement, text: string) => tables(doc).find((t) => textOf(t).includes(text))!;
const rows = (table: XmlElement) => elements(table).filter((e) => e.name === 'w:tr');
const cells = (row: XmlElement) => elements(row).filter((e) => e.name === 'w:tc');

describe('renderDocx: page, type and spacing of the house style', () => {
  it('A4 with the house margins in every section, the header and footer where the PDF draws them', async () => {
    const r = await render(sampleDocument());
    const sections = all(r.xml('word/document.xml'), 'w:sectPr');
    expect(sections).toHaveLength(1 + 2); // the main body, then one per annex
    for (const s of sections) {
      expect(first(s, 'w:pgSz')!.attrs).toMatchObject({ 'w:w': String(tw(PAGE.width)), 'w:h': String(tw(PAGE.height)) });
      const m = first(s, 'w:pgMar')!.attrs;
      expect([m['w:top'], m['w:right'], m['w:bottom'], m['w:left']]).toEqual([PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom, PAGE.marginLeft].map((x) => String(tw(x))));
      expect(Number(m['w:header'])).toBeGreaterThan(tw(10 * 72 / 25.4)); // the header's baseline at 16 mm
      expect(Number(m['w:header'])).toBeLessThan(tw(16 * 72 / 25.4));
    }
    // Each annex starts a new page; the footer is the main body's, carried on.
    expect(sections.slice(1).every((s) => valOf(s, 'w:type') === 'nextPage' || valOf(s, 'w:type') === undefined)).toBe(true);
    expect(all(sections[0]!, 'w:footerReference')).toHaveLength(1);
  });

  it('styles: body 10.5 pt in exact 19 pt lines, 3 pt after, two-character first-line indent; headings bold in their sizes and spacing', async () => {
    const styles = (await render(sampleDocument())).xml('word/styles.xml');
    const normal = styleById(styles, 'Normal')!;
    expect(valOf(normal, 'w:sz')).toBe(hp(STYLES.body.size));
    expect(first(normal, 'w:spacing')!.attrs).toMatchObject({ 'w:line': String(tw(STYLES.body.lineHeight)), 'w:lineRule': 'exact', 'w:after': String(tw(SPACING.paragraphAfter)) });
    expect(first(normal, 'w:ind')!.attrs['w:firstLine']).toBe(String(tw(SPACING.firstLineIndentEm * STYLES.body.size)));
    expect(first(normal, 'w:widowControl')).toBeDefined();
    // No quarter em added between Chinese and Latin text: the PDF sets 3年 and 99.9% tight.
    expect([valOf(normal, 'w:autoSpaceDE'), valOf(normal, 'w:autoSpaceDN')]).toEqual(['0', '0']);
    expect(valOf(normal, 'w:jc')).toBe('both');
    for (const [id, style, before, after] of [
      ['ContractTitle', STYLES.title, 0, SPACING.titleAfter],
      ['ArticleHeading', STYLES.articleHeading, SPACING.articleBefore, SPACING.articleAfter],
      ['SectionHeading', STYLES.sectionHeading, SPACING.sectionBefore, SPACING.sectionAfter],
      ['AnnexLabel', STYLES.annexLabel, 0, 0],
      ['AnnexTitle', STYLES.annexTitle, 0, SPACING.annexTitleAfter],
    ] as const) {
      const s = styleById(styles, id)!;
      expect(valOf(s, 'w:sz'), id).toBe(hp(style.size));
      expect(first(s, 'w:b'), id).toBeDefined();
      expect(first(s, 'w:spacing')!.attrs, id).toMatchObject({ 'w:line': String(tw(style.lineHeight)), 'w:lineRule': 'exact', 'w:before': String(tw(before)), 'w:after': String(tw(after)) });
    }
    expect(valOf(styleById(styles, 'TableText')!, 'w:sz')).toBe(hp(STYLES.table.size));
    expect(first(styleById(styles, 'TableText')!, 'w:spacing')!.attrs['w:line']).toBe(String(tw(STYLES.table.lineHeight)));
    expect(valOf(styleById(styles, 'Header')!, 'w:sz')).toBe(hp(STYLES.header.size));
    expect(valOf(styleById(styles, 'Footer')!, 'w:sz')).toBe(hp(STYLES.footer.size));
    // No style uses firstLineChars: Word would let it override the hanging indents of the labels.
    expect(all(styles, 'w:ind').every((i) => i.attrs['w:firstLineChars'] === undefined)).toBe(true);
  });

  it('names the house families (宋体 text, 黑体 headings, Times New Roman Latin) with hint eastAsia and zh-CN', async () => {
    const styles = (await render(sampleDocument())).xml('word/styles.xml');
    const fonts = (id: string) => first(styleById(styles, id)!, 'w:rFonts')!.attrs;
    expect(fonts('Normal')).toMatchObject({ 'w:eastAsia': FONT_FAMILIES.body.docx, 'w:ascii': FONT_FAMILIES.latin.docx, 'w:hAnsi': FONT_FAMILIES.latin.docx, 'w:hint': 'eastAsia' });
    for (const id of ['ContractTitle', 'ArticleHeading', 'SectionHeading', 'AnnexLabel', 'AnnexTitle']) expect(fonts(id)['w:eastAsia'], id).toBe(FONT_FAMILIES.heading.docx);
    expect(first(first(styles, 'w:docDefaults')!, 'w:lang')!.attrs['w:eastAsia']).toBe('zh-CN');
    expect(first(first(styles, 'w:docDefaults')!, 'w:rFonts')!.attrs['w:eastAsia']).toBe(FONT_FAMILIES.body.docx);
  });

  it('names the families the params choose, for every script', async () => {
    const doc = sampleDocument();
    const styles = (await render({ ...doc, meta: { ...doc.meta, fonts: { body: 'Noto Serif CJK SC', heading: 'Noto Sans CJK SC' } } })).xml('word/styles.xml');
    expect(first(styleById(styles, 'Normal')!, 'w:rFonts')!.attrs).toMatchObject({ 'w:eastAsia': 'Noto Serif CJK SC', 'w:ascii': 'Noto Serif CJK SC', 'w:hAnsi': 'Noto Serif CJK SC', 'w:hint': 'eastAsia' });
    expect(first(styleById(styles, 'ArticleHeading')!, 'w:rFonts')!.attrs['w:eastAsia']).toBe('Noto Sans CJK SC');
  });

  it('labels sit in a column as wide as the PDF makes it: the text and its wrapped lines start after it', async () => {
    const r = await render(sampleDocument());
    const doc = r.xml('word/document.xml');
    const ind = (text: string) => indentOf(paragraphWith(doc, text), r.xml('word/styles.xml'), r.xml('word/numbering.xml'))!;
    // 第一条 and one em: 4 em of 12 pt.
    expect(ind('定义')).toMatchObject({ 'w:left': String(tw(4 * STYLES.articleHeading.size)), 'w:hanging': String(tw(4 * STYLES.articleHeading.size)) });
    // 1.1 in 2.6 em of body text.
    expect(ind('“合同”')).toMatchObject({ 'w:left': String(tw(SPACING.clauseLabelEm * STYLES.body.size)), 'w:hanging': String(tw(SPACING.clauseLabelEm * STYLES.body.size)) });
    // A list inside a clause starts at the clause's text, its own text a label column further.
    const item = Number(ind('云电话号码资源')['w:left']);
    expect(item).toBeGreaterThan(tw(SPACING.clauseLabelEm * STYLES.body.size + SPACING.itemLabelEm * STYLES.body.size) - 1);
  });
});

describe('renderDocx: page furniture', () => {
  it('footer: 第 X 页 共 Y 页 with PAGE and NUMPAGES fields, each with a cached result', async () => {
    const footer = (await render(sampleDocument())).xml('word/footer1.xml');
    const fields = all(footer, 'w:fldSimple');
    expect(fields.map((f) => f.attrs['w:instr']!.trim())).toEqual(['PAGE', 'NUMPAGES']);
    for (const f of fields) expect(textOf(f)).toBe('1');
    expect(textOf(footer)).toBe('第 1 页 共 1 页');
  });

  it('running headers: the title for the main body, the annex (a live REF to its label) for each annex, and the contract number', async () => {
    const r = await render(sampleDocument());
    const rels = r.parts['word/_rels/document.xml.rels']!;
    const sections = all(r.xml('word/document.xml'), 'w:sectPr');
    const headerOf = (s: XmlElement) => {
      const id = first(s, 'w:headerReference')!.attrs['r:id'];
      return r.xml(`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)}`);
    };
    const [body, fees, nda] = sections.map(headerOf);
    expect(textOf(body!)).toBe('云电话服务合同合同编号：YDH-2025-0001');
    expect(textOf(fees!)).toBe('附件一 服务费用清单合同编号：YDH-2025-0001');
    expect(textOf(nda!)).toBe('附件二 保密协议合同编号：YDH-2025-0001');
    expect(first(fees!, 'w:fldSimple')!.attrs['w:instr']).toMatch(/^\s*REF _Ref_annex_feeSchedule \\r\s*$/);
    for (const h of [body, fees, nda]) expect(first(h!, 'w:pict')).toBeUndefined();
  });

  it('a sample form says so in its header; its signature lines are dotted', async () => {
    const doc = sampleDocument();
    const form: Annex = { ...doc.annexes[1]!, id: 'changeAgreement', title: '合同变更协议', role: 'form', body: [...doc.annexes[1]!.body, doc.body.at(-1)!] };
    const r = await render({ ...doc, annexes: [doc.annexes[0]!, form] });
    expect(Object.entries(r.parts).some(([path, xml]) => /header\d/.test(path) && xml.includes('附件二') && xml.includes('合同变更协议（样本）'))).toBe(true);
    const sample = tables(r.xml('word/document.xml')).filter((t) => textOf(t).includes('甲方（盖章）')).at(-1)!;
    const lines = all(sample, 'w:bottom').filter((b) => b.attrs['w:val'] !== undefined && b.attrs['w:val'] !== 'none');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((b) => b.attrs['w:val'] === 'dotted')).toBe(true);
  });

  it('draft: the grey diagonal 草稿 DRAFT mark in every header (VML, as Word writes a watermark)', async () => {
    const r = await render(sampleDocument({ draft: true }));
    const headers = Object.keys(r.parts).filter((p) => /^word\/header\d+\.xml$/.test(p));
    expect(headers).toHaveLength(3);
    for (const h of headers) {
      const textpath = all(r.xml(h), 'v:textpath').find((t) => t.attrs['string'] !== undefined);
      expect(textpath?.attrs['string'], h).toBe('草稿 DRAFT');
      expect(all(r.xml(h), 'v:shape')[0]!.attrs['style']).toMatch(/rotation:315/);
    }
  });
});

describe('renderDocx: tables', () => {
  it('borders, a repeated grey header row, rows that never split, padding, widths that fill the text width, column alignment', async () => {
    const doc = (await render(sampleDocument({ feeRows: 30 }))).xml('word/document.xml');
    const table = tableWith(doc, '序号');
    const borders = first(table, 'w:tblBorders')!;
    for (const side of ['w:top', 'w:insideH', 'w:insideV']) expect(first(borders, side)!.attrs).toMatchObject({ 'w:val': 'single', 'w:sz': String(Math.round(TABLE.borderWidth * 8)) });
    const margins = first(table, 'w:tblCellMar')!;
    expect(first(margins, 'w:left')!.attrs['w:w']).toBe(String(tw(TABLE.padX)));
    // Rules add to a row's height in Word, not in the PDF: half a rule less padding above and below.
    expect(first(margins, 'w:top')!.attrs['w:w']).toBe(String(tw(TABLE.padY - TABLE.borderWidth / 2)));
    const rs = rows(table);
    expect(rs).toHaveLength(31);
    expect(first(rs[0]!, 'w:tblHeader')).toBeDefined();
    expect(first(rs[0]!, 'w:shd')!.attrs['w:fill']).toBe('EBEBEB');
    for (const row of rs) expect(first(row, 'w:cantSplit')).toBeDefined();
    const widths = all(table, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
    expect(widths).toHaveLength(7);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(tw(TEXT_WIDTH));
    expect(widths[1]).toBeGreaterThan(widths[0]! * 2); // 项目 is long text, 序号 a number
    expect(valOf(cells(rs[1]!)[4]!, 'w:jc')).toBe('right'); // 单价
    expect(valOf(cells(rs[1]!)[0]!, 'w:jc')).toBe('center'); // 序号
  });

  it('a space before and after each table: the paragraphs around it get the PDF’s table spacing', async () => {
    const doc = (await render(sampleDocument())).xml('word/document.xml');
    const table = tableWith(doc, '序号');
    const siblings = elements(table.parent!);
    const i = siblings.indexOf(table);
    const before = first(pPrOf(siblings[i - 1]!)!, 'w:spacing')!.attrs;
    expect(before['w:after']).toBe(String(tw(SPACING.paragraphAfter + SPACING.tableBefore)));
    const after = first(pPrOf(siblings[i + 1]!)!, 'w:spacing')!.attrs;
    expect(after['w:before']).toBe(String(tw(SPACING.tableAfter)));
  });

  it('an empty table is left out; a table that ends a section is followed by a spacer paragraph', async () => {
    const t = (text: string) => ({ kind: 'text', text }) as const;
    const base = sampleDocument();
    const empty = await render({ ...base, body: [{ kind: 'table', header: [], rows: [] }], annexes: [] });
    expect(tables(empty.xml('word/document.xml'))).toHaveLength(0);
    const last = (await render({ ...base, body: [{ kind: 'table', header: [[t('甲')]], rows: [] }], annexes: [] })).xml('word/document.xml');
    const body = first(last, 'w:body')!;
    const kids = elements(body);
    expect(kids.at(-3)!.name).toBe('w:tbl');
    expect(styleOf(kids.at(-2)!)).toBe('TableSpacing');
    expect(kids.at(-1)!.name).toBe('w:sectPr');
  });
});

describe('renderDocx: signature blocks', () => {
  const signatures = (doc: ContractDocument) => doc.body.find((b): b is SignaturesBlock => b.kind === 'signatures')!;

  it('a table with lines drawn as borders, never typed underscores; rows never split; the paragraph before is kept with it', async () => {
    const doc = (await render(sampleDocument())).xml('word/document.xml');
    const table = tableWith(doc, '甲方（盖章）');
    expect(textOf(table)).not.toMatch(/_/);
    for (const side of ['w:top', 'w:left', 'w:insideH']) expect(first(first(table, 'w:tblBorders')!, side)!.attrs['w:val']).toBe('none');
    const lines = all(table, 'w:tcBorders').map((b) => first(b, 'w:bottom')).filter((b) => b && b.attrs['w:val'] === 'single');
    expect(lines).toHaveLength(3 + 3); // 签字, 盖章, 日期 for each party
    for (const row of rows(table)) expect(first(row, 'w:cantSplit')).toBeDefined();
    for (const p of all(table, 'w:p')) expect(styleOf(p)).toBe('Signature'); // keepNext and keepLines by style
    const siblings = elements(table.parent!);
    expect(first(pPrOf(siblings[siblings.indexOf(table) - 1]!)!, 'w:keepNext')).toBeDefined();
  });

  it('room to sign and seal: each party’s lines at least 3 cm together, a line below a label too long to have one beside it', async () => {
    const sample = sampleDocument();
    const doc = (await render(sample)).xml('word/document.xml');
    const table = tableWith(doc, '甲方（盖章）');
    const lineRows = rows(table).filter((row) => all(row, 'w:tcBorders').some((b) => first(b, 'w:bottom')?.attrs['w:val'] === 'single'));
    const height = lineRows.reduce((h, row) => h + Number(first(row, 'w:trHeight')!.attrs['w:val']), 0);
    expect(height).toBeGreaterThanOrEqual(tw(SIGNING_ROOM));
    const long = rows(table).find((row) => textOf(row).includes('法定代表人或授权代表（签字）'))!;
    expect(Number(first(long, 'w:trHeight')!.attrs['w:val'])).toBeGreaterThanOrEqual(tw(SIGNATURE.blankLineHeight + STYLES.signature.lineHeight));
    // A party with a single line still gets its 3 cm.
    const one = { ...sample, body: [{ ...signatures(sample), parties: [{ role: '甲方', name: '某公司', fields: [{ label: '日期', value: null }] }] }] };
    const small = tableWith((await render(one)).xml('word/document.xml'), '某公司');
    const total = rows(small).reduce((h, row) => h + Number(first(row, 'w:trHeight')?.attrs['w:val'] ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(tw(SIGNING_ROOM));
  });

  it('a company name never wraps beside its label: it goes below the label when it would', async () => {
    const sample = sampleDocument();
    const name = '北京星河数据科技发展有限公司'; // 14 characters: fits a line, not beside 甲方（盖章）：
    const doc = { ...sample, body: [{ ...signatures(sample), parties: [{ role: '甲方', name, fields: [] }, ...signatures(sample).parties.slice(1)] }] };
    const table = tableWith((await render(doc)).xml('word/document.xml'), name);
    const cell = all(table, 'w:tc').find((c) => textOf(c).includes(name))!;
    expect(all(cell, 'w:br')).toHaveLength(1); // 甲方（盖章）： then the name on a line of its own
    const width = Number(first(cell, 'w:tcW')!.attrs['w:w']);
    expect(width).toBeGreaterThanOrEqual(tw(name.length * STYLES.signature.size));
    expect(ancestor(cell, 'w:tbl')).toBe(table);
  });
});

describe('renderDocx: annexes and breaks', () => {
  it('each annex opens with 附件N (numbered, bookmarked) and its title; a pageBreak block breaks before the next paragraph', async () => {
    const r = await render(sampleDocument());
    const doc = r.xml('word/document.xml');
    const labels = paragraphs(doc).filter((p) => styleOf(p) === 'AnnexLabel');
    expect(labels).toHaveLength(2);
    for (const l of labels) {
      expect(textOf(l)).toBe('');
      expect(numberingOf(l, r.xml('word/styles.xml'))).toBeDefined();
      expect(first(l, 'w:bookmarkStart')!.attrs['w:name']).toMatch(/^_Ref_annex_/);
    }
    expect(first(pPrOf(paragraphWith(doc, '保密期限为本合同终止后三年。'))!, 'w:pageBreakBefore')).toBeDefined();
  });
});
