/** Page setup, fonts and sizes of the DOCX: data, not numbers spread over the code. */

/** Twips per centimetre (1 cm = 566.9 twips). */
const cm = (value: number): number => Math.round(value * 566.929);

export const PAGE = {
  /** A4 portrait, in twips. */
  width: 11906,
  height: 16838,
  margin: { top: cm(2.54), bottom: cm(2.54), left: cm(3.17), right: cm(3.17), header: cm(1.5), footer: cm(1.75) },
} as const;

/** The width between the margins, what a table may use. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONTS = {
  /** Latin text. */
  ascii: 'Times New Roman',
  /** East Asian body text. */
  body: '宋体',
  /** East Asian headings and titles. */
  heading: '黑体',
} as const;

/** Sizes in half-points, the unit of `w:sz` (24 = 12 pt = 小四). */
export const SIZE = {
  title: 36, // 小二
  annexTitle: 32, // 三号
  heading: 24, // 小四
  body: 24, // 小四
  table: 21, // 五号
  header: 18, // 小五
} as const;

/** Twips of one full-width character of body text (12 pt). */
export const CHAR_TWIPS = SIZE.body * 10;
/** Two characters of first-line indent. */
export const INDENT_2_CHARS = 2 * CHAR_TWIPS;

/** Line spacing in 240ths of a line (auto rule): 360 = 1.5 lines. */
export const LINE = { body: 360, table: 276, single: 240 } as const;

export const COLORS = {
  tableBorder: '000000',
  tableHeaderFill: 'E7E6E6',
  draft: 'C0C0C0',
  headerRule: '808080',
} as const;

export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** What a blank (an unfilled value) prints as; underlined. */
export const BLANK_TEXT = '____';

export const DRAFT_MARK = '草稿 DRAFT';
