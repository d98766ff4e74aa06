/**
 * One layout function per block kind, behind an exhaustive switch. Every function takes
 * `keepAfter`: the height of what must share a page with the block's last lines (the
 * signature block after the last clause, a table after the sentence introducing it).
 */
import { articleLabel, BULLET, clauseLabel, itemLabel, sectionLabel } from '../../model/numbering.js';
import { assertNever, type ArticleBlock, type Block, type ClauseBlock, type ListBlock, type ParagraphBlock } from '../../model/types.js';
import type { Ctx, Scope } from './context.js';
import { toRuns } from './inlines.js';
import { baselineOf, Layout, type LineAlign } from './layout.js';
import { loadFont } from './font.js';
import { breakLines, type Line } from './line-break.js';
import { MeasuredByBlock } from './measured.js';
import { textWidth } from './measure.js';
import { renderSignatures, signaturesHeight } from './signatures.js';
import { STYLES, SPACING } from './style.js';
import { renderTable, tableLeadHeight } from './tables.js';

interface Label {
  readonly text: string;
  readonly width: number;
}

/** An introduction ending in a colon stays with the list or table it introduces. */
const introduces = (block: Block, next: Block | undefined): boolean =>
  block.kind === 'paragraph' && (next?.kind === 'table' || next?.kind === 'list') && /[：:]\s*$/.test(lastText(block));

function lastText(block: ParagraphBlock): string {
  const runs = toRuns(block.children);
  return runs.length > 0 ? runs[runs.length - 1]!.text : '';
}

export function renderBlocks(layout: Layout, blocks: readonly Block[], ctx: Ctx, scope: Scope, keepAfter = 0): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    let keep = 0;
    if (i === blocks.length - 1) keep = keepAfter;
    else if (next?.kind === 'signatures') keep = SPACING.signaturesBefore + signaturesHeight(next, ctx);
    else if (next?.kind === 'paragraph' && blocks[i + 2]?.kind === 'signatures') {
      // The last clause keeps its last lines with （以下无正文） and the signatures: a page of
      // signatures alone could be put behind another contract.
      keep = paragraphHeight(next, ctx) + SPACING.signaturesBefore + signaturesHeight(blocks[i + 2] as Extract<Block, { kind: 'signatures' }>, ctx);
    } else if (introduces(block, next)) keep = leadHeight(next!, ctx);
    renderBlock(layout, block, ctx, scope, keep);
  }
}

export function renderBlock(layout: Layout, block: Block, ctx: Ctx, scope: Scope, keepAfter = 0): void {
  switch (block.kind) {
    case 'article':
      return renderArticle(layout, block, ctx, scope, keepAfter);
    case 'clause':
      return renderClause(layout, block, ctx, scope, keepAfter);
    case 'paragraph':
      return renderParagraph(layout, block, ctx, undefined, keepAfter);
    case 'list':
      return renderList(layout, block, ctx, scope, keepAfter);
    case 'table':
      return renderTable(layout, block, ctx, keepAfter);
    case 'signatures':
      return renderSignatures(layout, block, ctx);
    case 'pageBreak':
      if (!layout.atTop) layout.newPage();
      return;
    default:
      assertNever(block);
  }
}

/**
 * The height of a block's start that a heading (or an introduction) before it keeps on its
 * page: two lines of text, a table's header and first rows (a short table whole).
 */
export function leadHeight(block: Block, ctx: Ctx): number {
  const twoLines = 2 * STYLES.body.lineHeight;
  switch (block.kind) {
    case 'paragraph':
      return Math.min(2, paragraphLayout(block, ctx).lines.length) * STYLES.body.lineHeight;
    case 'clause':
    case 'article':
      return block.children[0] ? leadHeight(block.children[0], ctx) + (block.kind === 'article' ? STYLES.articleHeading.lineHeight + SPACING.articleBefore : 0) : twoLines;
    case 'list':
      return block.items[0]?.[0] ? leadHeight(block.items[0][0], ctx) : twoLines;
    case 'table':
      return tableLeadHeight(block, ctx);
    case 'signatures':
      return signaturesHeight(block, ctx);
    case 'pageBreak':
      return 0;
    default:
      return assertNever(block);
  }
}

function renderArticle(layout: Layout, block: ArticleBlock, ctx: Ctx, scope: Scope, keepAfter: number): void {
  const n = ++scope.articles;
  const isArticle = block.style === 'article';
  const label = isArticle ? articleLabel(n) : sectionLabel(n);
  const style = isArticle ? STYLES.articleHeading : STYLES.sectionHeading;
  const labelWidth = textWidth('bold', label, style.size) + (isArticle ? style.size : 0);
  const textX = ctx.x + labelWidth;
  const width = ctx.width - labelWidth;
  const lines = breakLines([{ text: block.title, style: 'bold', ...(block.revision ? { mark: block.revision } : {}) }], style.size, width, width);
  layout.space(isArticle ? SPACING.articleBefore : SPACING.sectionBefore);
  const after = isArticle ? SPACING.articleAfter : SPACING.sectionAfter;
  // Keep the heading with the start of what follows (two lines, a table's first rows).
  const first = block.children[0];
  const need = lines.length * style.lineHeight + after + (first ? leadHeight(first, ctx) : 0);
  if (need <= Layout.pageHeight) layout.ensure(need);
  const entry = { title: isArticle ? `${label} ${block.title}` : `${label}${block.title}`, page: layout.page, y: layout.y, children: [] };
  scope.outline.push(entry);
  // Main-body articles come first, so a reference to an article id finds the article.
  layout.anchor(`article:${block.id}`);
  layout.placeLines(lines, textX, width, textX, style, 'left', (top) =>
    layout.add({ kind: 'text', font: 'bold', size: style.size, x: ctx.x, y: baselineOf(top, style), text: label, spacing: 0, gray: 0 }),
  );
  layout.space(after);
  renderBlocks(layout, block.children, { ...ctx, number: n, clauses: { n: 0 } }, { articles: 0, outline: entry.children }, keepAfter);
}

function renderClause(layout: Layout, block: ClauseBlock, ctx: Ctx, scope: Scope, keepAfter: number): void {
  const n = ++ctx.clauses.n;
  const text = ctx.number > 0 ? clauseLabel(ctx.number, n) : `${n}.`;
  renderLabelled(layout, block.children, labelFor(text, SPACING.clauseLabelEm), ctx, scope, keepAfter);
}

function renderList(layout: Layout, block: ListBlock, ctx: Ctx, scope: Scope, keepAfter: number): void {
  block.items.forEach((item, i) => {
    const label = block.ordered ? labelFor(itemLabel(i + 1), SPACING.itemLabelEm) : labelFor(BULLET, SPACING.bulletLabelEm);
    renderLabelled(layout, item, label, ctx, scope, i === block.items.length - 1 ? keepAfter : 0);
  });
}

/** A label column (1.1, （1）, •) with the blocks beside it: wrapped lines align with the text. */
function labelFor(text: string, minEm: number): Label {
  const size = STYLES.body.size;
  return { text, width: Math.max(minEm * size, textWidth('regular', text, size) + 0.5 * size) };
}

function renderLabelled(layout: Layout, children: readonly Block[], label: Label, ctx: Ctx, scope: Scope, keepAfter: number): void {
  const inner: Ctx = { ...ctx, x: ctx.x + label.width, width: ctx.width - label.width, indentFirst: false };
  const [first, ...rest] = children;
  const keepFirst = rest.length === 0 ? keepAfter : introduces(first!, rest[0]) ? leadHeight(rest[0]!, inner) : 0;
  if (first?.kind === 'paragraph') {
    renderParagraph(layout, first, ctx, label, keepFirst);
  } else {
    const style = STYLES.body;
    layout.ensure(first ? leadHeight(first, inner) : style.lineHeight * 2);
    drawLabel(layout, label, ctx.x, layout.y);
    if (first === undefined) layout.y += style.lineHeight;
    else renderBlock(layout, first, inner, scope, keepFirst);
  }
  renderBlocks(layout, rest, inner, scope, keepAfter);
}

function drawLabel(layout: Layout, label: Label, x: number, top: number): void {
  const style = STYLES.body;
  layout.add({ kind: 'text', font: 'regular', size: style.size, x, y: baselineOf(top, style), text: label.text, spacing: 0, gray: 0 });
}

interface ParagraphLayout {
  readonly lines: readonly Line[];
  readonly x: number;
  readonly width: number;
  readonly xFirst: number;
  readonly align: LineAlign;
}

/** A paragraph is broken into lines once per column (keep-together rules measure it first; measured.ts). */
const paragraphLayouts = new MeasuredByBlock<ParagraphBlock, ParagraphLayout>();

function paragraphLayout(block: ParagraphBlock, ctx: Ctx, label?: Label): ParagraphLayout {
  const key = `${ctx.x}|${ctx.width}|${ctx.indentFirst}|${label?.width ?? ''}|${loadFont('regular').key}|${loadFont('bold').key}`;
  return paragraphLayouts.get(block, key) ?? paragraphLayouts.set(block, key, breakParagraph(block, ctx, label));
}

function breakParagraph(block: ParagraphBlock, ctx: Ctx, label?: Label): ParagraphLayout {
  const style = STYLES.body;
  const align: LineAlign = block.align ?? 'justify';
  const runs = toRuns(block.children);
  if (label !== undefined) {
    const x = ctx.x + label.width;
    const width = ctx.width - label.width;
    return { lines: breakLines(runs, style.size, width, width), x, width, xFirst: x, align };
  }
  const indent = align === 'justify' && ctx.indentFirst ? SPACING.firstLineIndentEm * style.size : 0;
  return { lines: breakLines(runs, style.size, ctx.width - indent, ctx.width), x: ctx.x, width: ctx.width, xFirst: ctx.x + indent, align };
}

function paragraphHeight(block: ParagraphBlock, ctx: Ctx): number {
  return paragraphLayout(block, ctx).lines.length * STYLES.body.lineHeight + SPACING.paragraphAfter;
}

function renderParagraph(layout: Layout, block: ParagraphBlock, ctx: Ctx, label: Label | undefined, keepAfter: number): void {
  const p = paragraphLayout(block, ctx, label);
  const onFirst = label === undefined ? undefined : (top: number) => drawLabel(layout, label, ctx.x, top);
  layout.placeLines(p.lines, p.x, p.width, p.xFirst, STYLES.body, p.align, onFirst, keepAfter > 0 ? keepAfter + SPACING.paragraphAfter : 0);
  layout.space(SPACING.paragraphAfter);
}
