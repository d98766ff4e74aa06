/** One function per block kind behind an exhaustive switch; each returns WordprocessingML. */
import { assertNever, type Align, type ArticleBlock, type Block, type ClauseBlock, type ListBlock, type ParagraphBlock } from '../../model/types.js';
import { inlineRuns, run } from './inlines.js';
import { FIXED_NUM, type NumberingState } from './numbering.js';
import { pPr, type Jc, type ParaProps } from './props.js';
import { signaturesTable } from './signatures.js';
import { STYLE } from './styles.js';
import { contractTable } from './tables.js';

/** Read-only context from the enclosing blocks. */
export interface BlockContext {
  /** The list of the enclosing article: 第N条 (articles) or 一、 (sections); null outside one. */
  readonly numbered: 'articles' | 'sections' | null;
  /** Clause nesting: 0 directly in an article, 1 inside a clause, … */
  readonly clauseDepth: number;
  /** List nesting: 0 outside lists. */
  readonly listDepth: number;
  /** The numbering instance (numId) of annex sections in this part: a new one per annex. */
  readonly sectionsNumId: number;
}

export const rootContext = (sectionsNumId: number): BlockContext => ({ numbered: null, clauseDepth: 0, listDepth: 0, sectionsNumId });

/** What a block takes from its neighbours. */
interface BlockOptions {
  /** Keep the block's last paragraph on the page of the next block (before signatures). */
  readonly keepNext?: boolean;
}

/** `keepLast`: keep the last paragraph with what follows these blocks (the signatures). */
export function renderBlocks(blocks: readonly Block[], ctx: BlockContext, state: NumberingState, keepLast = false): string {
  let x = '';
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    x += renderBlock(block, ctx, state, { keepNext: next === undefined ? keepLast : next.kind === 'signatures' });
  });
  return x;
}

function renderBlock(block: Block, ctx: BlockContext, state: NumberingState, options: BlockOptions): string {
  switch (block.kind) {
    case 'article':
      return renderArticle(block, ctx, state, options);
    case 'clause':
      return renderClause(block, ctx, state, options);
    case 'paragraph':
      return renderParagraph(block, ctx, options);
    case 'list':
      return renderList(block, ctx, state, options);
    case 'table':
      return contractTable(block);
    case 'signatures':
      return signaturesTable(block);
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    default:
      return assertNever(block);
  }
}

export const paragraphXml = (props: ParaProps, runs: string): string => `<w:p>${pPr(props)}${runs}</w:p>`;

/** 第N条 title (or N、 title in annexes), then the article's blocks. */
function renderArticle(block: ArticleBlock, ctx: BlockContext, state: NumberingState, options: BlockOptions): string {
  const numbered = block.style === 'article' ? 'articles' : 'sections';
  const heading = paragraphXml(
    { style: numbered === 'articles' ? STYLE.article : STYLE.section, numbering: { numId: numIdOf(numbered, ctx), ilvl: 0 } },
    run(block.title),
  );
  return heading + renderBlocks(block.children, { ...ctx, numbered, clauseDepth: 0 }, state, options.keepNext);
}

const numIdOf = (numbered: 'articles' | 'sections', ctx: BlockContext): number => (numbered === 'articles' ? FIXED_NUM.articles : ctx.sectionsNumId);

const CLAUSE_STYLES = {
  articles: [STYLE.clause, STYLE.subclause],
  sections: [STYLE.sectionClause, STYLE.sectionSubclause],
} as const;

/** N.M: the first paragraph carries the number, the rest follow as body text. */
function renderClause(block: ClauseBlock, ctx: BlockContext, state: NumberingState, options: BlockOptions): string {
  const inner: BlockContext = { ...ctx, clauseDepth: ctx.clauseDepth + 1 };
  if (ctx.numbered === null) return renderBlocks(block.children, inner, state, options.keepNext); // no article to number from
  const level = Math.min(ctx.clauseDepth, 1);
  const [first, ...rest] = block.children;
  const lead = first?.kind === 'paragraph' ? first : undefined;
  const head = paragraphXml(
    {
      style: CLAUSE_STYLES[ctx.numbered][level],
      ...(options.keepNext && lead && rest.length === 0 ? { keepNext: true } : {}),
      numbering: { numId: numIdOf(ctx.numbered, ctx), ilvl: level + 1 },
      ...alignment(lead?.align),
    },
    lead ? inlineRuns(lead.children) : '',
  );
  return head + renderBlocks(lead ? rest : block.children, inner, state, options.keepNext);
}

function renderParagraph(block: ParagraphBlock, ctx: BlockContext, options: BlockOptions): string {
  const props: ParaProps = {
    ...(ctx.listDepth > 0 ? { style: STYLE.listBody } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...alignment(block.align),
  };
  return paragraphXml(props, inlineRuns(block.children));
}

const JC: Readonly<Record<Align, Jc>> = { left: 'left', center: 'center', right: 'right' };

/** Centred or right-aligned text has no first-line indent. */
function alignment(align: Align | undefined): Pick<ParaProps, 'jc' | 'indent'> {
  if (align === undefined) return {};
  return align === 'left' ? { jc: 'left' } : { jc: JC[align], indent: { firstLine: 0, firstLineChars: 0 } };
}

/** （1）（2）… restarting for every list, or bullets; the first paragraph of an item carries the label. */
function renderList(block: ListBlock, ctx: BlockContext, state: NumberingState, options: BlockOptions): string {
  const ilvl = Math.min(ctx.listDepth, 2);
  const numId = block.ordered ? state.newOrderedList() : FIXED_NUM.bullets;
  const inner: BlockContext = { ...ctx, listDepth: ctx.listDepth + 1 };
  let x = '';
  block.items.forEach((item, i) => {
    const [first, ...rest] = item;
    const lead = first?.kind === 'paragraph' ? first : undefined;
    const keepLast = options.keepNext === true && i === block.items.length - 1;
    x += paragraphXml(
      {
        style: block.ordered ? STYLE.listItem : STYLE.bulletItem,
        ...(keepLast && lead && rest.length === 0 ? { keepNext: true } : {}),
        numbering: { numId, ilvl },
        ...alignment(lead?.align),
      },
      lead ? inlineRuns(lead.children) : '',
    );
    x += renderBlocks(lead ? rest : item, inner, state, keepLast);
  });
  return x;
}
