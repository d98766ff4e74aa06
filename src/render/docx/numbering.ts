/**
 * Word's own multilevel numbering (numbering.xml), so inserting a clause in Word renumbers
 * the rest. Labels match src/model/numbering.ts: 第一条 / 1.1 / 1.1.1 in the main body,
 * 一、 / 1.1 in annex sections (a new instance per annex, so each restarts at 一、),
 * （1） / ① for ordered lists (a new instance per list), • for bullets. The heading and
 * clause levels name their paragraph style (w:pStyle) and those styles name their level
 * (w:numPr), and every numbered paragraph carries its w:numPr too. Clause levels are
 * "legal" (w:isLgl) so that under 第一条 the clause reads 1.1, not 一.1.
 */
import { FONTS, INDENT_2_CHARS } from './layout.js';
import { rPr } from './props.js';
import { esc, val, W_NAMESPACES, XML_DECLARATION } from './xml.js';

/** The paragraph styles the heading and clause levels are bound to. */
export const NUMBERED_STYLE = {
  article: 'ArticleHeading',
  clause: 'Clause',
  subclause: 'Subclause',
  section: 'SectionHeading',
  sectionClause: 'SectionClause',
  sectionSubclause: 'SectionSubclause',
} as const;

const ABSTRACT = { articles: 1, sections: 2, items: 3, bullets: 4 } as const;
/** Lists that exist once: bound to styles, or never restarting. */
export const FIXED_NUM = { articles: 1, sections: 2, bullets: 3 } as const;
const FIRST_DYNAMIC_NUM = 4;

interface LevelDef {
  readonly format: string;
  readonly text: string;
  readonly style?: string;
  readonly legal?: boolean;
  readonly suffix: 'space' | 'nothing' | 'tab';
  readonly left: number;
  readonly firstLine: number;
  readonly heading?: boolean;
}

const body = (n: number) => ({ left: n * INDENT_2_CHARS, firstLine: INDENT_2_CHARS });

const LEVELS: Readonly<Record<keyof typeof ABSTRACT, readonly LevelDef[]>> = {
  articles: [
    { format: 'chineseCounting', text: '第%1条', style: NUMBERED_STYLE.article, suffix: 'space', left: 0, firstLine: 0, heading: true },
    { format: 'decimal', text: '%1.%2', style: NUMBERED_STYLE.clause, legal: true, suffix: 'space', ...body(0) },
    { format: 'decimal', text: '%1.%2.%3', style: NUMBERED_STYLE.subclause, legal: true, suffix: 'space', ...body(0) },
  ],
  sections: [
    { format: 'chineseCounting', text: '%1、', style: NUMBERED_STYLE.section, suffix: 'nothing', ...body(0), heading: true },
    { format: 'decimal', text: '%1.%2', style: NUMBERED_STYLE.sectionClause, legal: true, suffix: 'space', ...body(0) },
    { format: 'decimal', text: '%1.%2.%3', style: NUMBERED_STYLE.sectionSubclause, legal: true, suffix: 'space', ...body(0) },
  ],
  items: [
    { format: 'decimal', text: '（%1）', suffix: 'nothing', ...body(0) },
    { format: 'decimalEnclosedCircle', text: '%2', suffix: 'nothing', ...body(1) },
    { format: 'lowerLetter', text: '%3.', suffix: 'space', ...body(2) },
  ],
  bullets: [
    { format: 'bullet', text: '•', suffix: 'space', ...body(0) },
    { format: 'bullet', text: '◦', suffix: 'space', ...body(1) },
    { format: 'bullet', text: '▪', suffix: 'space', ...body(2) },
  ],
};

/** The numbering instances a render allocates, in document order (so ids are stable). */
export class NumberingState {
  private readonly dynamic: { numId: number; abstractId: number }[] = [];

  /** A new list instance of annex sections (restarts at 一、). */
  newSections(): number {
    return this.allocate(ABSTRACT.sections);
  }

  /** A new ordered list (restarts at （1）). */
  newOrderedList(): number {
    return this.allocate(ABSTRACT.items);
  }

  private allocate(abstractId: number): number {
    const numId = FIRST_DYNAMIC_NUM + this.dynamic.length;
    this.dynamic.push({ numId, abstractId });
    return numId;
  }

  /** word/numbering.xml */
  toXml(): string {
    let x = `${XML_DECLARATION}<w:numbering ${W_NAMESPACES}>`;
    for (const [name, id] of Object.entries(ABSTRACT) as [keyof typeof ABSTRACT, number][]) x += abstractNum(id, name, LEVELS[name]);
    x += num(FIXED_NUM.articles, ABSTRACT.articles, false);
    x += num(FIXED_NUM.sections, ABSTRACT.sections, false);
    x += num(FIXED_NUM.bullets, ABSTRACT.bullets, false);
    for (const d of this.dynamic) x += num(d.numId, d.abstractId, true);
    return `${x}</w:numbering>`;
  }
}

const headingRun = rPr({ fonts: { ascii: FONTS.ascii, eastAsia: FONTS.heading } });

function abstractNum(id: number, name: string, levels: readonly LevelDef[]): string {
  const type = levels.some((l) => l.style) ? 'multilevel' : 'hybridMultilevel';
  let x = `<w:abstractNum w:abstractNumId="${id}">${val('nsid', `7C0A000${id}`)}${val('multiLevelType', type)}${val('name', `contract-${name}`)}`;
  levels.forEach((l, ilvl) => {
    x +=
      `<w:lvl w:ilvl="${ilvl}">${val('start', 1)}${val('numFmt', l.format)}` +
      (l.style ? val('pStyle', l.style) : '') +
      (l.legal ? '<w:isLgl/>' : '') +
      `${val('suff', l.suffix)}<w:lvlText w:val="${esc(l.text)}"/>${val('lvlJc', 'left')}` +
      `<w:pPr><w:ind w:left="${l.left}" w:firstLine="${l.firstLine}"/></w:pPr>` +
      (l.heading ? headingRun : '') +
      '</w:lvl>';
  });
  return `${x}</w:abstractNum>`;
}

function num(numId: number, abstractId: number, restart: boolean): string {
  let x = `<w:num w:numId="${numId}">${val('abstractNumId', abstractId)}`;
  if (restart) for (let ilvl = 0; ilvl < 3; ilvl++) x += `<w:lvlOverride w:ilvl="${ilvl}">${val('startOverride', 1)}</w:lvlOverride>`;
  return `${x}</w:num>`;
}
