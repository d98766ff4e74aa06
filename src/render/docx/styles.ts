/**
 * The named styles of the contract (styles.xml). Every paragraph refers to one of these by
 * id and carries almost no formatting of its own, so the file stays small and Word's style
 * pane shows the document's structure. 宋体 body and 黑体 headings for East Asian text,
 * Times New Roman for Latin text, zh-CN as the East Asian language.
 */
import { FONTS, INDENT_2_CHARS, LANGUAGE, LINE, SIZE } from './layout.js';
import { FIXED_NUM, NUMBERED_STYLE } from './numbering.js';
import { pPr, rPr, type ParaProps, type RunProps } from './props.js';
import { esc, val, W_NAMESPACES, XML_DECLARATION } from './xml.js';

export const STYLE = {
  body: 'Normal',
  title: 'ContractTitle',
  ...NUMBERED_STYLE,
  listItem: 'ListItem',
  bulletItem: 'BulletItem',
  listBody: 'ListBody',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  signature: 'Signature',
  annexLabel: 'AnnexLabel',
  annexTitle: 'AnnexTitle',
  header: 'Header',
  footer: 'Footer',
} as const;

export type StyleId = (typeof STYLE)[keyof typeof STYLE];

const bodyFonts = { ascii: FONTS.ascii, eastAsia: FONTS.body };
const headingFonts = { ascii: FONTS.ascii, eastAsia: FONTS.heading };
// Bold as well as 黑体: where 黑体 is missing (LibreOffice on Linux) the fallback font still reads as a heading.
const headingRun = { fonts: headingFonts, bold: true } as const;
const noIndent = { left: 0, firstLine: 0, firstLineChars: 0 };
const bodyIndent = { firstLine: INDENT_2_CHARS, firstLineChars: 200 };
const compact = { before: 0, after: 0, line: LINE.table };

interface StyleDef {
  readonly id: string;
  readonly name: string;
  readonly basedOn?: string;
  readonly next?: string;
  readonly p?: ParaProps;
  readonly r?: RunProps;
}

const heading = (id: string, name: string, numId: number, outlineLevel: number, indent: ParaProps['indent']): StyleDef => ({
  id,
  name,
  basedOn: STYLE.body,
  next: STYLE.body,
  p: { keepNext: true, keepLines: true, numbering: { numId, ilvl: 0 }, spacing: { before: 120, after: 60 }, indent, jc: 'left', outlineLevel },
  r: headingRun,
});

const numbered = (id: string, name: string, numId: number, ilvl: number): StyleDef => ({
  id,
  name,
  basedOn: STYLE.body,
  next: STYLE.body,
  p: { numbering: { numId, ilvl }, indent: bodyIndent },
});

const STYLES: readonly StyleDef[] = [
  {
    id: STYLE.body,
    name: 'Normal',
    p: { widowControl: true, spacing: { before: 0, after: 0, line: LINE.body }, indent: bodyIndent, jc: 'both' },
    r: { fonts: bodyFonts, size: SIZE.body, lang: LANGUAGE },
  },
  {
    id: STYLE.title,
    name: 'Contract Title',
    basedOn: STYLE.body,
    next: STYLE.body,
    p: { keepNext: true, spacing: { before: 240, after: 360 }, indent: noIndent, jc: 'center', outlineLevel: 0 },
    r: { ...headingRun, size: SIZE.title },
  },
  heading(STYLE.article, 'Article Heading', FIXED_NUM.articles, 0, noIndent),
  numbered(STYLE.clause, 'Clause', FIXED_NUM.articles, 1),
  numbered(STYLE.subclause, 'Subclause', FIXED_NUM.articles, 2),
  heading(STYLE.section, 'Section Heading', FIXED_NUM.sections, 1, bodyIndent),
  numbered(STYLE.sectionClause, 'Section Clause', FIXED_NUM.sections, 1),
  numbered(STYLE.sectionSubclause, 'Section Subclause', FIXED_NUM.sections, 2),
  { id: STYLE.listItem, name: 'List Item', basedOn: STYLE.body, p: { indent: bodyIndent } },
  { id: STYLE.bulletItem, name: 'Bullet Item', basedOn: STYLE.body, p: { numbering: { numId: FIXED_NUM.bullets, ilvl: 0 }, indent: bodyIndent } },
  { id: STYLE.listBody, name: 'List Body', basedOn: STYLE.body, p: { indent: { left: INDENT_2_CHARS, firstLine: 0, firstLineChars: 0 } } },
  { id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.body, p: { spacing: compact, indent: noIndent, jc: 'left' }, r: { size: SIZE.table } },
  { id: STYLE.tableHeader, name: 'Table Header', basedOn: STYLE.tableText, p: { keepNext: true, jc: 'center' }, r: { fonts: headingFonts } },
  {
    id: STYLE.signature,
    name: 'Signature',
    basedOn: STYLE.body,
    p: { keepNext: true, keepLines: true, spacing: { before: 60, after: 60 }, indent: noIndent, jc: 'left' },
  },
  {
    id: STYLE.annexLabel,
    name: 'Annex Label',
    basedOn: STYLE.body,
    next: STYLE.annexTitle,
    p: { keepNext: true, pageBreakBefore: true, indent: noIndent, jc: 'left', outlineLevel: 0 },
    r: { ...headingRun, size: SIZE.heading },
  },
  {
    id: STYLE.annexTitle,
    name: 'Annex Title',
    basedOn: STYLE.body,
    next: STYLE.body,
    p: { keepNext: true, spacing: { before: 120, after: 240 }, indent: noIndent, jc: 'center' },
    r: { ...headingRun, size: SIZE.annexTitle },
  },
  { id: STYLE.header, name: 'header', basedOn: STYLE.body, p: { spacing: { line: LINE.single }, indent: noIndent, jc: 'right' }, r: { size: SIZE.header } },
  { id: STYLE.footer, name: 'footer', basedOn: STYLE.body, p: { spacing: { line: LINE.single }, indent: noIndent, jc: 'center' }, r: { size: SIZE.header } },
];

function styleXml(s: StyleDef): string {
  const isDefault = s.id === STYLE.body ? ' w:default="1"' : '';
  const custom = s.id === STYLE.body || s.id === STYLE.header || s.id === STYLE.footer ? '' : ' w:customStyle="1"';
  return (
    `<w:style w:type="paragraph"${isDefault}${custom} w:styleId="${esc(s.id)}">${val('name', s.name)}` +
    (s.basedOn ? val('basedOn', s.basedOn) : '') +
    (s.next ? val('next', s.next) : '') +
    '<w:qFormat/>' +
    (s.p ? pPr(s.p) : '') +
    (s.r ? rPr(s.r) : '') +
    '</w:style>'
  );
}

const DOC_DEFAULTS =
  `<w:docDefaults><w:rPrDefault>${rPr({ fonts: bodyFonts, size: SIZE.body, lang: LANGUAGE })}</w:rPrDefault>` +
  `<w:pPrDefault>${pPr({ spacing: { before: 0, after: 0, line: LINE.body } })}</w:pPrDefault></w:docDefaults>`;

const BUILT_IN =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** word/styles.xml: the same for every contract, so built once. */
export const STYLES_XML = `${XML_DECLARATION}<w:styles ${W_NAMESPACES}>${DOC_DEFAULTS}${STYLES.map(styleXml).join('')}${BUILT_IN}</w:styles>`;
