/**
 * The parts of a pdfkit 0.20 document this renderer uses, typed in one place. Besides the
 * public `ref()` / `addPage()` / `addContent()`, it reaches `page.dictionary`,
 * `page.resources` (a page's resources come from `ref()` with a ProcSet: index.ts shares one),
 * `_root` (the catalog), `_addInfo` (to escape the XMP metadata) and `endAcroForm`
 * (replaced: the signature form is ours):
 * re-check them when upgrading pdfkit.
 */
export interface PdfRef {
  readonly data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end: (chunk?: Uint8Array | string) => void;
}

export interface PdfPage {
  readonly dictionary: PdfRef;
  readonly resources: PdfRef;
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
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): void;
}
