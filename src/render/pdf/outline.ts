/** Bookmarks for every article and annex (annex sections beneath), landing on the heading. */
import { num } from './content.js';
import type { OutlineEntry } from './layout.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import { PAGE } from './style.js';

/** How far above the heading the view starts. */
const ABOVE = 6;

export function writeOutline(doc: PdfDoc, entries: readonly OutlineEntry[], pages: readonly PdfRef[]): void {
  if (entries.length === 0) return;
  const root = doc.ref({ Type: 'Outlines' });
  const count = addChildren(doc, root, entries, pages);
  root.data.Count = count;
  root.end();
  doc._root.data.Outlines = root;
  doc._root.data.PageMode = 'UseOutlines';
}

/** Link `entries` under `parent`; returns the number of visible descendants. */
function addChildren(doc: PdfDoc, parent: PdfRef, entries: readonly OutlineEntry[], pages: readonly PdfRef[]): number {
  const refs = entries.map((e) =>
    doc.ref({
      Title: new String(e.title),
      Parent: parent,
      Dest: [pages[e.page], 'XYZ', null, Number(num(Math.min(PAGE.height, PAGE.height - e.y + ABOVE))), null],
    }),
  );
  let visible = entries.length;
  entries.forEach((e, i) => {
    const ref = refs[i]!;
    if (i > 0) ref.data.Prev = refs[i - 1];
    if (i < refs.length - 1) ref.data.Next = refs[i + 1];
    if (e.children.length > 0) {
      const n = addChildren(doc, ref, e.children, pages);
      ref.data.Count = n;
      visible += n;
    }
    ref.end();
  });
  parent.data.First = refs[0];
  parent.data.Last = refs[refs.length - 1];
  return visible;
}
