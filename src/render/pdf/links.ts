/**
 * Cross-references as links: each `ref` of the model, where it is printed, becomes a /Link
 * annotation whose destination is the top of the heading it names (an article or an annex).
 */
import { num } from './content.js';
import type { Anchor, AnchorKey, LinkRect } from './layout.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import { PAGE } from './style.js';

/** How far above the heading the view starts (as for bookmarks). */
const ABOVE = 6;

/** Add the link annotations; `pages` are every page's dictionary (all pages exist by now). */
export function writeLinks(doc: PdfDoc, links: readonly LinkRect[], anchors: ReadonlyMap<AnchorKey, Anchor>, pages: readonly PdfRef[]): void {
  for (const link of links) {
    const target = anchors.get(link.target);
    const page = pages[link.page];
    const to = target === undefined ? undefined : pages[target.page];
    // A reference to something the document does not contain stays plain text.
    if (target === undefined || page === undefined || to === undefined) continue;
    // /Type is optional for annotations; left out of ~100 links it saves 1.5 KB.
    const annotation = doc.ref({
      Subtype: 'Link',
      F: 4,
      Rect: [link.x, PAGE.height - link.y - link.h, link.x + link.w, PAGE.height - link.y].map((v) => Math.round(v * 100) / 100),
      Border: [0, 0, 0],
      Dest: [to, 'XYZ', null, Number(num(Math.min(PAGE.height, PAGE.height - target.y + ABOVE))), null],
    });
    annotation.end();
    const annots = (page.data.Annots ??= []) as PdfRef[];
    annots.push(annotation);
  }
}
