/**
 * The house style of the contract, shared by the PDF and the DOCX renderers so that the two
 * are twins: page setup, type sizes, line heights and spacing, as data (points; 1 mm =
 * 72 / 25.4 pt). The PDF lays out with these figures; the DOCX converts them to twips and
 * half-points.
 */

export const MM = 72 / 25.4;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginTop: 25 * MM,
  marginBottom: 25 * MM,
  marginLeft: 25 * MM,
  marginRight: 25 * MM,
} as const;

export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
export const CONTENT_BOTTOM = PAGE.height - PAGE.marginBottom;

/** A text style: font, size and the height of one line (leading included). */
export interface TextStyle {
  readonly font: FontStyle;
  readonly size: number;
  readonly lineHeight: number;
}
export type FontStyle = 'regular' | 'bold';

const style = (font: FontStyle, size: number, lineHeight: number): TextStyle => ({ font, size, lineHeight });

export const STYLES = {
  title: style('bold', 20, 30),
  body: style('regular', 10.5, 19),
  articleHeading: style('bold', 12, 22),
  sectionHeading: style('bold', 11, 20),
  annexLabel: style('bold', 12, 20),
  annexTitle: style('bold', 16, 26),
  table: style('regular', 9, 13.5),
  signature: style('regular', 10.5, 19),
  header: style('regular', 8.5, 12),
  footer: style('regular', 9, 12),
  watermark: style('bold', 72, 72),
} as const satisfies Record<string, TextStyle>;

export const SPACING = {
  /** After each paragraph, list item or clause paragraph. */
  paragraphAfter: 3,
  titleAfter: 14,
  articleBefore: 10,
  articleAfter: 4,
  sectionBefore: 8,
  sectionAfter: 3,
  annexTitleAfter: 14,
  tableBefore: 4,
  tableAfter: 8,
  signaturesBefore: 18,
  /** First-line indent of body paragraphs, in em. */
  firstLineIndentEm: 2,
  /** Label column of clauses 1.1 and list items （1） / •, in em. */
  clauseLabelEm: 2.6,
  itemLabelEm: 2.8,
  bulletLabelEm: 1.4,
  /** Justify only when the spacing added between characters stays below this (em). */
  maxJustifyEm: 0.3,
} as const;

export const TABLE = {
  padX: 4,
  padY: 3.5,
  borderWidth: 0.6,
  headerFillGray: 0.92,
} as const;

export const SIGNATURE = {
  columnGap: 24,
  /** Height of a line to fill in by hand (signature, seal, date). */
  blankLineHeight: 34,
  /** A hand-filled line narrower than this goes below its label. */
  minBlankWidth: 90,
  ruleWidth: 0.6,
} as const;

export const HEADER_FOOTER = {
  headerBaseline: 16 * MM,
  headerRuleY: 18 * MM,
  footerBaseline: PAGE.height - 13 * MM,
  gray: 0.35,
  ruleWidth: 0.5,
} as const;

export const WATERMARK = { text: '草稿 DRAFT', gray: 0.88, angleDeg: 45 } as const;

/**
 * The font families a document names when the params choose none (`meta.fonts` absent): the
 * ones Word and WPS on a Chinese system have (宋体 for text, 黑体 for headings, Times New Roman for
 * Latin letters and digits); LibreOffice substitutes Noto CJK for them. The PDF embeds its bundled
 * fonts in these roles; the DOCX names the families.
 */
export const FONT_FAMILIES = { body: '宋体', heading: '黑体', latin: 'Times New Roman' } as const;

/** Room for a party's handwritten signature, seal and date: the hand-filled lines together at least this high (3 cm). */
export const SIGNING_ROOM = 30 * MM;
