/**
 * Empty signature fields (/FT /Sig widgets) over each party's signature and seal area, which
 * e-signing tools fill in. pdfkit has no API for them (pdfkit issue 1381): the dictionaries
 * are built with `doc.ref()`.
 */
import type { SignatureRect } from './layout.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import { PAGE } from './style.js';
import { num } from './content.js';

/** Add the widgets of `page` to the current pdfkit page; returns the field references. */
export function addSignatureWidgets(doc: PdfDoc, rects: readonly SignatureRect[], page: number): PdfRef[] {
  const fields: PdfRef[] = [];
  for (const r of rects) {
    if (r.page !== page) continue;
    // An empty appearance: PDF/A wants one on every widget; the signing tool replaces it.
    const appearance = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, Number(num(r.w)), Number(num(r.h))], Resources: {} });
    appearance.end('q Q');
    const widget = doc.ref({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: new String(r.name),
      TU: new String(r.name),
      F: 4,
      Rect: [r.x, PAGE.height - r.y - r.h, r.x + r.w, PAGE.height - r.y].map((v) => Number(num(v))),
      P: doc.page.dictionary,
      AP: { N: appearance },
    });
    widget.end();
    const annots = (doc.page.dictionary.data.Annots ??= []) as PdfRef[];
    annots.push(widget);
    fields.push(widget);
  }
  return fields;
}

export function writeAcroForm(doc: PdfDoc, fields: readonly PdfRef[]): void {
  if (fields.length === 0) return;
  const form = doc.ref({ Fields: [...fields], SigFlags: 3 });
  form.end();
  doc._root.data.AcroForm = form;
  // pdfkit's own form code would look for its form fonts and end the dictionary a second time.
  doc.endAcroForm = () => doc;
}
