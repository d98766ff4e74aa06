/**
 * The paragraph styles, every measure from the house style the PDF lays out with: the same type
 * sizes, exact line heights (so a page holds as many lines as the PDF's), paragraph spacing and
 * label columns. Built once per process for each pair of font families.
 *
 * No style uses `firstLineChars`: Word lets it override `firstLine` and `hanging` of every style
 * based on it, which would misplace every numbered label, and LibreOffice ignores it. Indents are
 * in twips of the fixed body size.
 */
import {
  AlignmentType,
  BorderStyle,
  DocumentDefaults,
  LineRuleType,
  StyleForCharacter,
  TabStopType,
  type IParagraphPropertiesOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { HEADER_FOOTER, SPACING, STYLES, TEXT_WIDTH, type TextStyle } from '../house-style.js';
import { LANGUAGE, type Families } from './fonts.js';
import { LIST, type ListRef } from './numbering.js';
import { STYLE_ID } from './style-ids.js';
import { eighths, grayHex, halfPoints, twips } from './units.js';

/** Spacing of a paragraph: before and after in points, lines of the style's exact height. */
export const spacing = (style: TextStyle, before: number, after: number) => ({
  before: twips(before),
  after: twips(after),
  line: twips(style.lineHeight),
  lineRule: LineRuleType.EXACT,
});

/** Two characters of first-line indent, as the PDF indents body paragraphs. */
export const FIRST_LINE_INDENT = twips(SPACING.firstLineIndentEm * STYLES.body.size);

export const HEADER_GRAY = grayHex(HEADER_FOOTER.gray);

const noIndent = { left: 0, firstLine: 0 };

const cache = new Map<string, IStylesOptions>();

export function stylesFor(families: Families): IStylesOptions {
  let styles = cache.get(families.key);
  if (!styles) {
    styles = buildStyles(families);
    cache.set(families.key, styles);
  }
  return styles;
}

const bound = (reference: ListRef, level: number) => ({ numbering: { reference, level, custom: true } });

function buildStyles(families: Families): IStylesOptions {
  const bodyRun: IRunStylePropertiesOptions = { font: families.body, size: halfPoints(STYLES.body.size), language: LANGUAGE };
  const headingRun = (style: TextStyle): IRunStylePropertiesOptions => ({ font: families.heading, bold: true, boldComplexScript: true, size: halfPoints(style.size) });

  const style = (id: string, name: string, paragraph: IParagraphPropertiesOptions, run: IRunStylePropertiesOptions = {}, next?: string): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: STYLE_ID.body,
    ...(next ? { next } : {}),
    quickFormat: true,
    paragraph,
    run,
  });
  const heading = (id: string, name: string, text: TextStyle, before: number, after: number, list: ListRef, outlineLevel: number): IParagraphStyleOptions =>
    style(id, name, { keepNext: true, keepLines: true, spacing: spacing(text, before, after), alignment: AlignmentType.LEFT, outlineLevel, ...bound(list, 0) }, headingRun(text), STYLE_ID.body);
  const numbered = (id: string, name: string, list: ListRef, level: number): IParagraphStyleOptions => style(id, name, { ...bound(list, level) });

  // A style writes every paragraph property docx knows, though its type lists fewer (no widow control).
  const normal: IParagraphPropertiesOptions = {
    widowControl: true,
    spacing: spacing(STYLES.body, 0, SPACING.paragraphAfter),
    indent: { firstLine: FIRST_LINE_INDENT },
    alignment: AlignmentType.BOTH,
  };
  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: STYLE_ID.body, name: 'Normal', quickFormat: true, paragraph: normal, run: bodyRun },
    style(
      STYLE_ID.title,
      'Contract Title',
      { keepNext: true, spacing: spacing(STYLES.title, 0, SPACING.titleAfter), indent: noIndent, alignment: AlignmentType.CENTER },
      headingRun(STYLES.title),
      STYLE_ID.body,
    ),
    heading(STYLE_ID.article, 'Article Heading', STYLES.articleHeading, SPACING.articleBefore, SPACING.articleAfter, LIST.articles, 0),
    numbered(STYLE_ID.clause, 'Clause', LIST.articles, 1),
    numbered(STYLE_ID.subclause, 'Subclause', LIST.articles, 2),
    heading(STYLE_ID.section, 'Section Heading', STYLES.sectionHeading, SPACING.sectionBefore, SPACING.sectionAfter, LIST.sections, 1),
    numbered(STYLE_ID.sectionClause, 'Section Clause', LIST.sections, 1),
    numbered(STYLE_ID.sectionSubclause, 'Section Subclause', LIST.sections, 2),
    numbered(STYLE_ID.listItem, 'List Item', LIST.items, 0),
    numbered(STYLE_ID.bulletItem, 'Bullet Item', LIST.bullets, 0),
    style(
      STYLE_ID.tableText,
      'Table Text',
      { spacing: spacing(STYLES.table, 0, 0), indent: noIndent, alignment: AlignmentType.BOTH },
      { size: halfPoints(STYLES.table.size) },
    ),
    { ...style(STYLE_ID.tableHeader, 'Table Header', { keepNext: true, alignment: AlignmentType.CENTER }, { bold: true, boldComplexScript: true }), basedOn: STYLE_ID.tableText },
    style(STYLE_ID.tableSpacing, 'Table Spacing', { spacing: { before: 0, after: 0, line: twips(SPACING.tableAfter), lineRule: LineRuleType.EXACT }, indent: noIndent }, { size: 2 }),
    style(STYLE_ID.signature, 'Signature', { keepNext: true, keepLines: true, spacing: spacing(STYLES.signature, 0, 0), indent: noIndent, alignment: AlignmentType.LEFT }),
    style(
      STYLE_ID.annexLabel,
      'Annex Label',
      { keepNext: true, spacing: spacing(STYLES.annexLabel, 0, 0), indent: noIndent, alignment: AlignmentType.LEFT, outlineLevel: 0, ...bound(LIST.annexes, 0) },
      headingRun(STYLES.annexLabel),
      STYLE_ID.annexTitle,
    ),
    style(
      STYLE_ID.annexTitle,
      'Annex Title',
      { keepNext: true, spacing: spacing(STYLES.annexTitle, 0, SPACING.annexTitleAfter), indent: noIndent, alignment: AlignmentType.CENTER },
      headingRun(STYLES.annexTitle),
      STYLE_ID.body,
    ),
    {
      ...style(
        STYLE_ID.header,
        'header',
        {
          spacing: spacing(STYLES.header, 0, 0),
          indent: noIndent,
          alignment: AlignmentType.LEFT,
          tabStops: [{ type: TabStopType.RIGHT, position: twips(TEXT_WIDTH) }],
          border: { bottom: { style: BorderStyle.SINGLE, size: eighths(HEADER_FOOTER.ruleWidth), color: HEADER_GRAY, space: 2 } },
        },
        { size: halfPoints(STYLES.header.size), color: HEADER_GRAY },
      ),
      quickFormat: false,
    },
    {
      ...style(STYLE_ID.footer, 'footer', { spacing: spacing(STYLES.footer, 0, 0), indent: noIndent, alignment: AlignmentType.CENTER }, { size: halfPoints(STYLES.footer.size), color: HEADER_GRAY }),
      quickFormat: false,
    },
  ];
  // Only the styles the contract uses, not docx's own defaults (Title, Heading 1–6, TOC 1–9, …),
  // which would crowd Word's styles pane and be rebuilt for every document. The note reference
  // styles stay: docx's (empty) footnotes and endnotes parts name them.
  const noteReference = (id: string, name: string) => new StyleForCharacter({ id, name, basedOn: 'DefaultParagraphFont', semiHidden: true, run: { superScript: true } });
  return {
    importedStyles: [
      new DocumentDefaults({ run: bodyRun, paragraph: { spacing: { before: 0, after: 0 } } }),
      noteReference('FootnoteReference', 'footnote reference'),
      noteReference('EndnoteReference', 'endnote reference'),
    ],
    paragraphStyles,
  };
}
