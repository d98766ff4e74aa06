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
  /**
   * Above this spacing (em), a line rather breaks a long Latin token or a phone number after
   * a hyphen, @, dot or slash (as Word and WPS do) than letter-space the whole line.
   */
  preferBreakEm: 0.15,
} as const;

export const TABLE = {
  padX: 4,
  padY: 3.5,
  borderWidth: 0.6,
  headerFillGray: 0.92,
  /** A table of up to this many body rows is never split across pages. */
  keepWholeRows: 12,
  /** A longer one never leaves fewer body rows than this on either side of a page break. */
  minRowsPerPage: 2,
} as const;

export const SIGNATURE = {
  columnGap: 24,
  /** Height of a line to fill in by hand (date, and other blanks). */
  blankLineHeight: 34,
  /**
   * Height of the signature line's blank: room for a handwritten signature and the company
   * seal stamped beside it (a round 公章 is 40-42 mm across), or an e-signature with its seal.
   */
  signingLineHeight: 40 * MM,
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
 * Font families by role. The PDF embeds the bundled Noto Sans Hans (family "Noto Sans S
 * Chinese": Regular for body text, Bold for headings and strong text) unless the params'
 * `document.fonts` or `--font` choose others; then both renderers name the chosen families
 * (the model's `meta.fonts`). Otherwise the DOCX names what Word and WPS on a Chinese system
 * have: a 宋体 body and 黑体 headings, with Times New Roman for Latin text.
 *
 * Why the PDF's default is a sans although a lawyer expects a 宋体-style serif body: the only
 * serif CJK fonts on npm are large (@expo-google-fonts/noto-serif-sc: 68.6 MB download, 119.5 MB
 * installed, eight 14.8 MB TrueType weights; the other packages hold web-font slices), and a
 * serif subset is bigger (the example: 283 KB with a Noto Serif CJK SC body against 241 KB,
 * over the 250 KB bar). A serif body is one line away: `document.fonts.body: Noto Serif CJK SC`
 * (Debian's fonts-noto-cjk), SimSun (Windows) or Songti SC (macOS).
 */
export const FONT_FAMILIES = {
  body: { pdfDefault: 'Noto Sans S Chinese', docx: '宋体', docxAlias: 'SimSun' },
  heading: { pdfDefault: 'Noto Sans S Chinese', docx: '黑体', docxAlias: 'SimHei' },
  latin: { docx: 'Times New Roman' },
} as const;

/** Room for a party's handwritten signature, seal and date: the hand-filled lines together at least this high (3 cm). */
export const SIGNING_ROOM = 30 * MM;

/**
 * A redline's tracked changes, as Word shows them by default: insertions in blue, underlined;
 * deletions in red, struck through. Colours as RGB 0…1 (hex for the DOCX); `offsetEm` places
 * the rule relative to the baseline, in ems, downwards positive.
 */
export const REDLINE = {
  ins: { color: [0, 0.3, 0.75] as const, hex: '004DBF', offsetEm: 0.14, width: 0.6 },
  del: { color: [0.8, 0, 0] as const, hex: 'CC0000', offsetEm: -0.32, width: 0.6 },
} as const;
