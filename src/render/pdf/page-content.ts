/**
 * Page content streams, compressed here rather than by pdfkit, and kept compressed across the
 * documents of a process: the contracts of a batch share most of their pages byte for byte (the
 * one text of the running header that differs, the contract number, is drawn from a form:
 * Layout.forms), and deflating a page is most of what writing it costs. The bytes are those
 * pdfkit would write: its own deflate of the same text, with its dictionary.
 */
import { deflateSync } from 'node:zlib';
import { KeptAcrossDocuments } from '../../kept-across-documents.js';
import type { PdfStreamRef } from './pdfkit-internals.js';

/** A contract has ~30 pages; a batch of a few templates and page counts shares a few hundred. */
const kept = new KeptAcrossDocuments<string, Uint8Array>(256);

/** Called when a document has been written: pages are kept from the next one on. */
export function keepPageContents(): void {
  kept.arm();
}

/** Forgets the pages kept (tests compare renders with and without); `untilNextDocument`: as a fresh process. */
export function forgetPageContents(options: { readonly untilNextDocument?: boolean } = {}): void {
  kept.forget(options);
}

/** Pages kept now, and pages whose compressed content was reused since the process started. */
export function pageContentStats(): { readonly kept: number; readonly reused: number } {
  return kept.stats();
}

/**
 * Ends `content`, a page's content stream as pdfkit made it (holding what pdfkit wrote when it
 * added the page, its y-down transform), with `text` after what it holds, compressed.
 */
export function writePageContent(content: PdfStreamRef, text: string): void {
  const whole = Buffer.concat(content.buffer).toString('latin1') + text;
  let compressed = kept.get(whole);
  if (compressed === undefined) {
    compressed = deflateSync(Buffer.from(whole, 'latin1'));
    // Kept as a copy of its own size: zlib's output is a view of a larger buffer.
    if (kept.active) kept.set(whole, (compressed = new Uint8Array(compressed)));
  }
  // What PDFReference.write leaves for a compressed stream: its length, then its filter.
  content.data['Length'] = whole.length;
  content.data['Filter'] = 'FlateDecode';
  content.compress = false;
  content.buffer = [compressed];
}
