import { PdfFile, signatureFields } from './pdf-file.js';
import { assertOurs } from './provenance.js';

/** The signature fields of a contract PDF, in form order, and whether each is signed. */
export function signatureFieldNames(pdf: Uint8Array): { readonly name: string; readonly signed: boolean }[] {
  const file = new PdfFile(pdf);
  assertOurs(file);
  return signatureFields(file).map((f) => ({ name: f.name, signed: f.value !== undefined }));
}
