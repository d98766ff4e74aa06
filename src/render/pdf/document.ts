/** Lay out a whole contract: title, body, each annex on a new page, then headers and footers. */
import { annexLabel } from '../../model/numbering.js';
import type { ContractDocument } from '../../model/types.js';
import { renderBlocks } from './blocks.js';
import type { Ctx } from './context.js';
import { decoratePages } from './header-footer.js';
import { Layout, type OutlineEntry } from './layout.js';
import { breakLines } from './line-break.js';
import { PAGE, SPACING, STYLES, TEXT_WIDTH, type TextStyle } from './style.js';

const rootCtx = (): Ctx => ({ x: PAGE.marginLeft, width: TEXT_WIDTH, number: 0, clauses: { n: 0 }, indentFirst: true });

function heading(layout: Layout, text: string, style: TextStyle, align: 'left' | 'center'): void {
  const lines = breakLines([{ text, style: style.font }], style.size, TEXT_WIDTH, TEXT_WIDTH);
  layout.placeLines(lines, PAGE.marginLeft, TEXT_WIDTH, PAGE.marginLeft, style, align);
}

export function layoutDocument(doc: ContractDocument): Layout {
  const layout = new Layout();
  heading(layout, doc.meta.title, STYLES.title, 'center');
  layout.space(SPACING.titleAfter);
  renderBlocks(layout, doc.body, rootCtx(), { articles: 0, outline: layout.outline });
  doc.annexes.forEach((annex, i) => {
    layout.newPage();
    const label = annexLabel(i + 1);
    const entry: OutlineEntry = { title: `${label} ${annex.title}`, page: layout.page, y: layout.y, children: [] };
    layout.outline.push(entry);
    heading(layout, label, STYLES.annexLabel, 'left');
    heading(layout, annex.title, STYLES.annexTitle, 'center');
    layout.space(SPACING.annexTitleAfter);
    renderBlocks(layout, annex.body, rootCtx(), { articles: 0, outline: entry.children });
  });
  decoratePages(layout.pages, doc.meta);
  return layout;
}
