/**
 * Lay out a whole contract: title, body, each annex on a new page, then headers and footers.
 * An annex's pages name it in their running header (附件二 保密协议); a sample form's say so
 * (样本) and its signature blocks get no signature fields.
 */
import { annexLabel } from '../../model/numbering.js';
import type { Annex, ContractDocument } from '../../model/types.js';
import { renderBlocks } from './blocks.js';
import type { Ctx } from './context.js';
import { decoratePages } from './header-footer.js';
import { Layout, type OutlineEntry } from './layout.js';
import { breakLines } from './line-break.js';
import { startMeasuringDocument } from './measured.js';
import { PAGE, SPACING, STYLES, TEXT_WIDTH, type TextStyle } from './style.js';

/** The least an annex's last page holds: five lines of text. */
const MIN_LAST_PAGE = 5 * STYLES.body.lineHeight;

const rootCtx = (sign = true): Ctx => ({ x: PAGE.marginLeft, width: TEXT_WIDTH, number: 0, clauses: { n: 0 }, indentFirst: true, sign });

/** The running header of an annex's pages. */
export const annexHeader = (label: string, annex: Annex): string => `${label} ${annex.title}${annex.role === 'form' ? '（样本）' : ''}`;

function heading(layout: Layout, text: string, style: TextStyle, align: 'left' | 'center'): void {
  const lines = breakLines([{ text, style: style.font }], style.size, TEXT_WIDTH, TEXT_WIDTH);
  layout.placeLines(lines, PAGE.marginLeft, TEXT_WIDTH, PAGE.marginLeft, style, align);
}

export function layoutDocument(doc: ContractDocument): Layout {
  startMeasuringDocument();
  const layout = new Layout(doc.meta.title);
  heading(layout, doc.meta.title, STYLES.title, 'center');
  layout.space(SPACING.titleAfter);
  renderBlocks(layout, doc.body, rootCtx(), { articles: 0, outline: layout.outline });
  doc.annexes.forEach((annex, i) => {
    const label = annexLabel(i + 1);
    const start = layout.snapshot();
    const render = (): void => {
      layout.header = annexHeader(label, annex);
      layout.newPage();
      layout.anchor(`annex:${annex.id}`);
      const entry: OutlineEntry = { title: `${label} ${annex.title}`, page: layout.page, y: layout.y, children: [] };
      layout.outline.push(entry);
      heading(layout, label, STYLES.annexLabel, 'left');
      heading(layout, annex.title, STYLES.annexTitle, 'center');
      layout.space(SPACING.annexTitleAfter);
      renderBlocks(layout, annex.body, rootCtx(annex.role !== 'form'), { articles: 0, outline: entry.children });
    };
    render();
    // An annex's last page holding a line or two looks like an afterthought (and invites
    // additions): lay the annex out again with its page before ending early.
    const used = layout.y - PAGE.marginTop;
    const pages = layout.pages.length - start.pages;
    if (pages >= 2 && used < MIN_LAST_PAGE) {
      const page = layout.pages.length - 2;
      layout.restore(start);
      layout.shortenPage({ page, by: MIN_LAST_PAGE - used });
      render();
      layout.shortenPage(undefined);
    }
  });
  decoratePages(layout.pages, doc.meta, layout.forms);
  return layout;
}
