/**
 * Word's own multilevel numbering, so that inserting an article, clause or annex in Word or WPS
 * renumbers the rest and every cross-reference to it (REF fields read these numbers). Labels match
 * src/model/numbering.ts: 第一条 / 1.1 / 1.1.1 in the main body, 一、 / 1.1 in annex sections
 * (a new list per annex, restarting at 一、), （1） / ① / a. for ordered lists (a new list each),
 * • for bullets, and 附件一 for the annex labels. Heading, clause and annex levels are bound to
 * their paragraph styles (w:pStyle) and those styles to their level (w:numPr). Clause levels are
 * legal numbering (w:isLgl) so that under 第一条 a clause reads 1.1, not 一.1.
 *
 * A label sits in a column as wide as the PDF makes it (a tab after the label and a hanging indent
 * of that width, or the label alone where the PDF sets the text right after it), so the text starts
 * where the PDF starts it.
 */
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';
import { SPACING, STYLES } from '../house-style.js';
import { textEm } from './measure.js';
import { STYLE_ID } from './style-ids.js';
import { twips } from './units.js';

/** The lists of the document, by docx reference. */
export const LIST = {
  articles: 'articles',
  sections: 'sections',
  /** Clauses outside any article or section: 1. 2. … */
  looseClauses: 'loose-clauses',
  items: 'items',
  bullets: 'bullets',
  annexes: 'annexes',
} as const;

export type ListRef = (typeof LIST)[keyof typeof LIST];

const body = STYLES.body.size;

/** Width in points of a label column: the label, half an em after it, at least `minEm`. */
export function labelColumn(label: string, minEm: number, size = body): number {
  return Math.max(minEm * size, (textEm(label) + 0.5) * size);
}

/** 第N条 then one em before the title, as the PDF sets it. */
export const articleLabelWidth = (label: string): number => (textEm(label) + 1) * STYLES.articleHeading.size;
/** 一、: the title follows the label directly. */
export const sectionLabelWidth = (label: string): number => textEm(label) * STYLES.sectionHeading.size;

const hanging = (width: number, depth = 1) => ({ indent: { left: twips(width * depth), hanging: twips(width) } });

const level = (
  n: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
  suffix: (typeof LevelSuffix)[keyof typeof LevelSuffix],
  paragraph: { indent: { left: number; hanging: number } },
  options: { style?: string; legal?: boolean } = {},
): ILevelsOptions => ({
  level: n,
  format,
  text,
  alignment: AlignmentType.LEFT,
  start: 1,
  suffix,
  ...(options.legal ? { isLegalNumberingStyle: true } : {}),
  style: { paragraph, ...(options.style ? { style: options.style } : {}) },
});

const clauseWidth = SPACING.clauseLabelEm * body;
const itemWidth = labelColumn('（1）', SPACING.itemLabelEm);
const bulletWidth = labelColumn('•', SPACING.bulletLabelEm);

/** The indent (twips) a level gives its paragraphs, for leaving out a paragraph's indent when it is the same. */
export function levelIndent(list: ListRef, level: number): { left: number; hanging: number } | undefined {
  const definition = NUMBERING.config.find((c) => c.reference === list)?.levels.find((l) => l.level === level);
  const indent = definition?.style?.paragraph?.indent;
  return indent ? { left: Number(indent.left ?? 0), hanging: Number(indent.hanging ?? 0) } : undefined;
}

/**
 * Lists whose first instance the paragraph styles are bound to: a paragraph in that instance
 * takes its numbering from its style and needs no w:numPr of its own.
 */
export const STYLE_BOUND: ReadonlySet<ListRef> = new Set([LIST.articles, LIST.annexes, LIST.bullets]);

/** The numbering definitions: the same for every contract. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: LIST.articles,
      levels: [
        level(0, LevelFormat.CHINESE_COUNTING, '第%1条', LevelSuffix.TAB, hanging(articleLabelWidth('第一条')), { style: STYLE_ID.article }),
        level(1, LevelFormat.DECIMAL, '%1.%2', LevelSuffix.TAB, hanging(clauseWidth), { style: STYLE_ID.clause, legal: true }),
        level(2, LevelFormat.DECIMAL, '%1.%2.%3', LevelSuffix.TAB, hanging(clauseWidth, 2), { style: STYLE_ID.subclause, legal: true }),
      ],
    },
    {
      reference: LIST.sections,
      levels: [
        level(0, LevelFormat.CHINESE_COUNTING, '%1、', LevelSuffix.NOTHING, hanging(sectionLabelWidth('一、')), { style: STYLE_ID.section }),
        level(1, LevelFormat.DECIMAL, '%1.%2', LevelSuffix.TAB, hanging(clauseWidth), { style: STYLE_ID.sectionClause, legal: true }),
        level(2, LevelFormat.DECIMAL, '%1.%2.%3', LevelSuffix.TAB, hanging(clauseWidth, 2), { style: STYLE_ID.sectionSubclause, legal: true }),
      ],
    },
    {
      reference: LIST.looseClauses,
      levels: [level(0, LevelFormat.DECIMAL, '%1.', LevelSuffix.TAB, hanging(clauseWidth))],
    },
    {
      reference: LIST.items,
      levels: [
        level(0, LevelFormat.DECIMAL, '（%1）', LevelSuffix.TAB, hanging(itemWidth)),
        level(1, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, '%2', LevelSuffix.TAB, hanging(itemWidth, 2)),
        level(2, LevelFormat.LOWER_LETTER, '%3.', LevelSuffix.TAB, hanging(itemWidth, 3)),
      ],
    },
    {
      reference: LIST.bullets,
      levels: [
        level(0, LevelFormat.BULLET, '•', LevelSuffix.TAB, hanging(bulletWidth)),
        level(1, LevelFormat.BULLET, '◦', LevelSuffix.TAB, hanging(bulletWidth, 2)),
        level(2, LevelFormat.BULLET, '▪', LevelSuffix.TAB, hanging(bulletWidth, 3)),
      ],
    },
    {
      reference: LIST.annexes,
      levels: [level(0, LevelFormat.CHINESE_COUNTING, '附件%1', LevelSuffix.NOTHING, { indent: { left: 0, hanging: 0 } }, { style: STYLE_ID.annexLabel })],
    },
  ],
};
