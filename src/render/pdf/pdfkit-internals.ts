/**
 * The parts of a pdfkit 0.20 document this renderer uses, typed in one place. Besides the
 * public `ref()` / `addPage()` / `addContent()`, it reaches `page.dictionary`,
 * `page.resources` (a page's resources come from `ref()` with a ProcSet: index.ts shares one),
 * `page.content` with a reference's `buffer` and `compress` (page-content.ts compresses pages),
 * `_root` (the catalog), `_addInfo` (to escape the XMP metadata), `endAcroForm`
 * (replaced: the signature form is ours) and `_write` with `_offset` (replaced: index.ts collects
 * the file's pieces itself):
 * re-check them when upgrading pdfkit.
 */
export interface PdfRef {
  readonly data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end: (chunk?: Uint8Array | string) => void;
}

/** A reference as pdfkit's PDFReference has it, with the stream it holds. */
export interface PdfStreamRef extends PdfRef {
  /** The stream's pieces as written so far; PDFReference.finalize joins them (and deflates them when `compress`). */
  buffer: Uint8Array[];
  compress: boolean;
}

export interface PdfPage {
  readonly dictionary: PdfRef;
  readonly resources: PdfRef;
  /** The page's content stream. */
  readonly content: PdfStreamRef;
}

export interface PdfDoc {
  readonly page: PdfPage;
  readonly _root: PdfRef;
  readonly info: Record<string, unknown>;
  _addInfo: () => void;
  endAcroForm: () => unknown;
  appendXML(xml: string, newline?: boolean): void;
  ref: (data?: Record<string, unknown>) => PdfRef;
  addPage(options: Record<string, unknown>): unknown;
  addContent(data: string | Uint8Array): unknown;
  /** Where the next byte goes in the file: PDFReference reads it for the cross-reference table. */
  _offset: number;
  /** Writes one piece of the file: bytes as they are, a string as its latin1 bytes and a newline. */
  _write: (data: Uint8Array | string) => void;
  /** What the document (a readable stream) has written and no one has read, or null. */
  read(): Uint8Array | null;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): void;
}
