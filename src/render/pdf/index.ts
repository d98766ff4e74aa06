/**
 * PDF renderer: ContractDocument -> PDF bytes. Lays the document out into pages first
 * (layout.ts, blocks.ts, …), then writes them with pdfkit's low-level objects: content
 * streams, our own CFF subset fonts, outline, signature fields and metadata. Pure: no files
 * written, nothing printed (the bundled font is read once per process; a cache of font subsets
 * across runs is injected as a SubsetStore).
 */
import PDFDocument from 'pdfkit';
import type { ContractDocument } from '../../model/types.js';
import { addSignatureWidgets, writeAcroForm } from './acroform.js';
import { contentStream } from './content.js';
import { layoutDocument } from './document.js';
import { manyDocumentsExpected } from '../../many-documents.js';
import { keepBrokenLines } from './line-break.js';
import { EmbeddedFace, keepSharedLines } from './embed-face.js';
import type { EmbeddedFont } from './embed-font.js';
import { SHARED_TEXT } from './shared-text.js';
import { withFonts } from './font.js';
import { defaultFontSet, type FontSet } from '../../fonts/index.js';
import { documentInfo, installXmp } from './metadata.js';
import { writeLinks } from './links.js';
import { writeOutline } from './outline.js';
import { keepPageContents, writePageContent } from './page-content.js';
import type { Op } from './layout.js';
import type { PdfDoc, PdfRef } from './pdfkit-internals.js';
import { PAGE, type FontStyle } from './style.js';
import type { SubsetStore } from './subset-store.js';

export { missingGlyphs } from './font.js';
export type { SubsetStore } from './subset-store.js';

export interface PdfOptions {
  /** Fixed creation date (seconds since the epoch): byte-identical output for the same input. */
  readonly sourceDateEpoch?: number;
  /** PDF/A-2b. */
  readonly pdfa?: boolean;
  /**
   * Compressed font subsets kept across runs (src/output/subset-store.ts keeps them on disk).
   * The output is byte-identical with or without it, on a hit or a miss.
   */
  readonly subsetStore?: SubsetStore;
  /** The faces to set the contract in (src/fonts resolves them); default: the house style's. */
  readonly fonts?: FontSet;
}

export async function renderPdf(doc: ContractDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  if (manyDocumentsExpected()) {
    keepBrokenLines({ firstToo: true });
    keepSharedLines();
    keepPageContents();
  }
  const fontSet = options.fonts ?? defaultFontSet();
  const layout = withFonts(fontSet, () => layoutDocument(doc));
  keepBrokenLines();
  const info = documentInfo(doc.meta, options.sourceDateEpoch);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    // No default font: pdfkit would load Helvetica's metrics for nothing.
    font: null as unknown as string,
    compress: true,
    // Pages stay open until the end: links may point forward.
    bufferPages: true,
    lang: doc.meta.language,
    displayTitle: true,
    info: { ...info },
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
  }) as unknown as PdfDoc;
  installXmp(pdf, info);

  const chunks = collectOutput(pdf);
  const done = new Promise<void>((resolve, reject) => {
    // Nothing reaches the stream any more but its end: a piece that did would be out of order.
    pdf.on('data', () => reject(new Error('pdfkit wrote to its stream past renderPdf')));
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const store = options.subsetStore;
  const fonts: Record<FontStyle, EmbeddedFace> = {
    regular: new EmbeddedFace(pdf, fontSet.body, { own: 'F1', shared: 'F3' }, { ...(store ? { store } : {}), sharedText: SHARED_TEXT.body }),
    bold: new EmbeddedFace(pdf, fontSet.heading, { own: 'F2', shared: 'F4' }, { ...(store ? { store } : {}), sharedText: SHARED_TEXT.heading }),
  };
  // Every glyph is known before any is written: the subsets number them.
  for (const ops of [...layout.pages.map((page) => page.ops), ...layout.forms.values()]) for (const op of ops) if (op.kind === 'text') fonts[op.font].register(op.text);
  fonts.regular.finish();
  fonts.bold.finish();
  const pages: PdfRef[] = [];
  const fields: PdfRef[] = [];
  const resources = sharedResources(pdf);
  const fontResources = (resources.data.Font = {}) as Record<string, PdfRef>;
  if (layout.forms.size > 0) resources.data.XObject = writeForms(pdf, layout.forms, fonts);
  layout.pages.forEach((page, i) => {
    addPage(pdf, resources);
    pages.push(pdf.page.dictionary);
    const used = new Set<EmbeddedFont>();
    writePageContent(pdf.page.content, `${contentStream(page.ops, fonts, used)}\n`);
    for (const font of used) fontResources[font.id] = font.ref;
    fields.push(...addSignatureWidgets(pdf, layout.signatures, i));
  });
  writeLinks(pdf, layout.links, layout.anchors, pages);
  writeOutline(pdf, layout.outline, pages);
  writeAcroForm(pdf, fields);
  fonts.regular.embed();
  fonts.bold.embed();
  pdf.end();
  await done;
  keepSharedLines();
  keepPageContents();
  return Buffer.concat(chunks);
}

/**
 * The pieces of the file, in order, as pdfkit writes them. pdfkit's document is a readable
 * stream: each of the thousands of pieces it writes (an object's number, its dictionary, its
 * stream, …) went through Node's stream machinery, a string copied to bytes a character at a
 * time in JavaScript, and the stream's buffer copied again on the way out (~3 ms of a contract's
 * PDF, unoptimised as in a worker or a cold run). The same bytes are kept here directly, and
 * pdfkit's offsets counted as it counts them, for its cross-reference table. What pdfkit wrote
 * while it was constructed (the header) is read from the stream first.
 */
function collectOutput(pdf: PdfDoc): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let written = pdf.read(); written !== null; written = pdf.read()) chunks.push(written);
  pdf._write = (data) => {
    // pdfkit keeps the low byte of each UTF-16 unit of a string, as latin1 does.
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    chunks.push(bytes);
    pdf._offset += bytes.length;
  };
  return chunks;
}

/**
 * The forms pages draw by name (Layout.forms), each a form XObject over the whole page: its
 * operations are in the page's own space (the form inherits the page's transform where it is
 * drawn). Each has the fonts it uses as its resources.
 */
function writeForms(pdf: PdfDoc, forms: ReadonlyMap<string, readonly Op[]>, fonts: Readonly<Record<FontStyle, EmbeddedFace>>): Record<string, PdfRef> {
  const refs: Record<string, PdfRef> = {};
  for (const [name, ops] of forms) {
    const used = new Set<EmbeddedFont>();
    const content = Buffer.from(`${contentStream(ops, fonts, used)}\n`, 'latin1');
    const font: Record<string, PdfRef> = {};
    for (const f of used) font[f.id] = f.ref;
    const form = pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, PAGE.width, PAGE.height], Resources: { ProcSet: ['PDF', 'Text'], Font: font } });
    form.end(content);
    refs[name] = form;
  }
  return refs;
}

/**
 * One resource dictionary for every page (the fonts any page uses): pdfkit writes one per page,
 * all alike. Written once, when the first page ends (pdfkit ends each page's resources with it;
 * with bufferPages that is at the end, when every page's fonts are known).
 */
function sharedResources(pdf: PdfDoc): PdfRef {
  const ref = pdf.ref({ ProcSet: ['PDF', 'Text'] });
  const end = ref.end.bind(ref);
  let ended = false;
  ref.end = (chunk) => {
    if (ended) return;
    ended = true;
    end(chunk);
  };
  return ref;
}

/** A new page whose resources are `resources`: pdfkit's page asks for its own; it gets these instead. */
function addPage(pdf: PdfDoc, resources: PdfRef): void {
  const ref = pdf.ref;
  pdf.ref = (data) => (data !== undefined && 'ProcSet' in data ? resources : ref.call(pdf, data));
  try {
    pdf.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
  } finally {
    pdf.ref = ref;
  }
}
