/** One layout function per block kind, behind an exhaustive switch. */
import { articleLabel, BULLET, clauseLabel, itemLabel, sectionLabel } from '../../model/numbering.js';
import { assertNever, type ArticleBlock, type Block, type ClauseBlock, type ListBlock, type ParagraphBlock } from '../../model/types.js';
import type { Ctx, Scope } from './context.js';
import { toRuns } from './inlines.js';
import { baselineOf, Layout, type LineAlign } from './layout.js';
import { breakLines } from './line-break.js';
import { textWidth } from './measure.js';
import { renderSignatures, signaturesHeight } from './signatures.js';
import { STYLES, SPACING } from './style.js';
import { renderTable } from './tables.js';

interface Label {
  readonly text: string;
  readonly width: number;
}

export function renderBlocks(layout: Layout, blocks: readonly Block[], ctx: Ctx, scope: Scope): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.kind === 'paragraph' && next?.kind === 'signatures') {
      // The signature block never stands alone on its page: keep the paragraph before it.
      const keep = paragraphHeight(block, ctx) + SPACING.signaturesBefore + signaturesHeight(next, ctx);
      if (keep <= Layout.pageHeight) layout.ensure(keep);
    }
    renderBlock(layout, block, ctx, scope);
  }
}

export function renderBlock(layout: Layout, block: Block, ctx: Ctx, scope: Scope): void {
  switch (block.kind) {
    case 'article':
      return renderArticle(layout, block, ctx, scope);
    case 'clause':
      return renderClause(layout, block, ctx, scope);
    case 'paragraph':
      return renderParagraph(layout, block, ctx);
    case 'list':
      return renderList(layout, block, ctx, scope);
    case 'table':
      return renderTable(layout, block, ctx);
    case 'signatures':
      return renderSignatures(layout, block, ctx);
    case 'pageBreak':
      if (!layout.atTop) layout.newPage();
      return;
    default:
      assertNever(block);
  }
}

function renderArticle(layout: Layout, block: ArticleBlock, ctx: Ctx, scope: Scope): void {
  const n = ++scope.articles;
  const isArticle = block.style === 'article';
  const label = isArticle ? articleLabel(n) : sectionLabel(n);
  const style = isArticle ? STYLES.articleHeading : STYLES.sectionHeading;
  const labelWidth = textWidth('bold', label, style.size) + (isArticle ? style.size : 0);
  const textX = ctx.x + labelWidth;
  const width = ctx.width - labelWidth;
  const lines = breakLines([{ text: block.title, style: 'bold' }], style.size, width, width);
  layout.space(isArticle ? SPACING.articleBefore : SPACING.sectionBefore);
  const after = isArticle ? SPACING.articleAfter : SPACING.sectionAfter;
  // Keep the heading with the next two lines: never the last line of a page.
  layout.ensure(lines.length * style.lineHeight + after + 2 * STYLES.body.lineHeight);
  const entry = { title: isArticle ? `${label} ${block.title}` : `${label}${block.title}`, page: layout.page, y: layout.y, children: [] };
  scope.outline.push(entry);
  layout.placeLines(lines, textX, width, textX, style, 'left', (top) =>
    layout.add({ kind: 'text', font: 'bold', size: style.size, x: ctx.x, y: baselineOf(top, style), text: label, spacing: 0, gray: 0 }),
  );
  layout.space(after);
  renderBlocks(layout, block.children, { ...ctx, number: n, clauses: { n: 0 } }, { articles: 0, outline: entry.children });
}

function renderClause(layout: Layout, block: ClauseBlock, ctx: Ctx, scope: Scope): void {
  const n = ++ctx.clauses.n;
  const text = ctx.number > 0 ? clauseLabel(ctx.number, n) : `${n}.`;
  renderLabelled(layout, block.children, labelFor(text, SPACING.clauseLabelEm), ctx, scope);
}

function renderList(layout: Layout, block: ListBlock, ctx: Ctx, scope: Scope): void {
  block.items.forEach((item, i) => {
    const label = block.ordered ? labelFor(itemLabel(i + 1), SPACING.itemLabelEm) : labelFor(BULLET, SPACING.bulletLabelEm);
    renderLabelled(layout, item, label, ctx, scope);
  });
}

/** A label column (1.1, （1）, •) with the blocks beside it: wrapped lines align with the text. */
function labelFor(text: string, minEm: number): Label {
  const size = STYLES.body.size;
  return { text, width: Math.max(minEm * size, textWidth('regular', text, size) + 0.5 * size) };
}

function renderLabelled(layout: Layout, children: readonly Block[], label: Label, ctx: Ctx, scope: Scope): void {
  const inner: Ctx = { ...ctx, x: ctx.x + label.width, width: ctx.width - label.width, indentFirst: false };
  const [first, ...rest] = children;
  if (first?.kind === 'paragraph') {
    renderParagraph(layout, first, ctx, label);
  } else {
    const style = STYLES.body;
    layout.ensure(style.lineHeight * 2);
    drawLabel(layout, label, ctx.x, layout.y);
    if (first === undefined) layout.y += style.lineHeight;
    else renderBlock(layout, first, inner, scope);
  }
  renderBlocks(layout, rest, inner, scope);
}

function drawLabel(layout: Layout, label: Label, x: number, top: number): void {
  const style = STYLES.body;
  layout.add({ kind: 'text', font: 'regular', size: style.size, x, y: baselineOf(top, style), text: label.text, spacing: 0, gray: 0 });
}

function paragraphLayout(block: ParagraphBlock, ctx: Ctx, label?: Label) {
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

function renderParagraph(layout: Layout, block: ParagraphBlock, ctx: Ctx, label?: Label): void {
  const p = paragraphLayout(block, ctx, label);
  const onFirst = label === undefined ? undefined : (top: number) => drawLabel(layout, label, ctx.x, top);
  layout.placeLines(p.lines, p.x, p.width, p.xFirst, STYLES.body, p.align, onFirst);
  layout.space(SPACING.paragraphAfter);
}
