/**
 * Running header: the title, or the annex on the page (附件二 保密协议), and the contract number;
 * in a draft, a 草稿 DRAFT mark before the number (as the DOCX header has it) and a watermark.
 * Footer: 第 X 页 共 Y 页.
 */
import type { DocumentMeta } from '../../model/types.js';
import type { Op, Page } from './layout.js';
import { textWidth } from './measure.js';
import { HEADER_FOOTER, PAGE, STYLES, WATERMARK } from './style.js';

export const footerText = (page: number, pages: number): string => `第 ${page} 页 共 ${pages} 页`;

/** The name of the form that draws the contract number (Layout.forms). */
export const NUMBER_FORM = 'Num';

export function decoratePages(pages: readonly Page[], meta: DocumentMeta, forms: Map<string, readonly Op[]>): void {
  const h = STYLES.header;
  const f = STYLES.footer;
  const right = PAGE.width - PAGE.marginRight;
  const number = `合同编号：${meta.number}`;
  const numberX = right - textWidth('regular', number, h.size);
  const draftX = numberX - h.size * 2 - textWidth('bold', WATERMARK.text, h.size);
  // The one text of the header and footer that differs from one contract to the next.
  forms.set(NUMBER_FORM, [{ kind: 'text', font: 'regular', size: h.size, x: numberX, y: HEADER_FOOTER.headerBaseline, text: number, spacing: 0, gray: HEADER_FOOTER.gray }]);
  pages.forEach((page, i) => {
    const ops: Op[] = [];
    if (meta.draft) {
      ops.push(watermark());
      ops.push({ kind: 'text', font: 'bold', size: h.size, x: draftX, y: HEADER_FOOTER.headerBaseline, text: WATERMARK.text, spacing: 0, gray: HEADER_FOOTER.gray });
    }
    ops.push(
      { kind: 'text', font: 'regular', size: h.size, x: PAGE.marginLeft, y: HEADER_FOOTER.headerBaseline, text: fitted(page.header, (meta.draft ? draftX : numberX) - PAGE.marginLeft - h.size * 2, h.size), spacing: 0, gray: HEADER_FOOTER.gray },
      { kind: 'form', name: NUMBER_FORM },
      { kind: 'line', x1: PAGE.marginLeft, y1: HEADER_FOOTER.headerRuleY, x2: right, y2: HEADER_FOOTER.headerRuleY, width: HEADER_FOOTER.ruleWidth, gray: HEADER_FOOTER.gray },
    );
    // Words placed apart (half an em) rather than joined by narrow spaces, which text
    // extraction drops between CJK and digits.
    const words = footerText(i + 1, pages.length).split(' ');
    const gap = f.size / 2;
    const widths = words.map((w) => textWidth('regular', w, f.size));
    let x = (PAGE.width - widths.reduce((a, b) => a + b, 0) - gap * (words.length - 1)) / 2;
    words.forEach((text, k) => {
      ops.push({ kind: 'text', font: 'regular', size: f.size, x, y: HEADER_FOOTER.footerBaseline, text, spacing: 0, gray: HEADER_FOOTER.gray });
      x += widths[k]! + gap;
    });
    // The mark goes under the content; header and footer anywhere.
    page.ops.unshift(...ops);
  });
}

/** `text`, shortened with an ellipsis to fit `width` (a long title must not run into the number). */
function fitted(text: string, width: number, size: number): string {
  if (textWidth('regular', text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth('regular', `${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

function watermark(): Op {
  const s = STYLES.watermark;
  const w = textWidth(s.font, WATERMARK.text, s.size);
  const a = (WATERMARK.angleDeg * Math.PI) / 180;
  // Centre the baseline's midpoint (raised by a third of the size) on the page centre.
  const cx = PAGE.width / 2 - (w / 2) * Math.cos(a) + (s.size / 3) * Math.sin(a);
  const cy = PAGE.height / 2 + (w / 2) * Math.sin(a) + (s.size / 3) * Math.cos(a);
  return { kind: 'text', font: s.font, size: s.size, x: cx, y: cy, text: WATERMARK.text, spacing: 0, gray: WATERMARK.gray, angle: WATERMARK.angleDeg };
}
