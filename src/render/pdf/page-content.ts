/**
 * Page content streams, compressed here rather than by pdfkit, and kept compressed across the
 * documents of a process: the contracts of a batch share most of their pages byte for byte (the
 * one text of the running header that differs, the contract number, is drawn from a form:
 * Layout.forms), and deflating a page is most of what writing it costs. The bytes are those
 * pdfkit would write: its own deflate of the same text, with its dictionary.
 */
import { deflateSync } from 'node:zlib';
import { LruMap } from '../../lru.js';
import type { PdfStreamRef } from './pdfkit-internals.js';

/** A contract has ~30 pages; a batch of a few templates and page counts shares a few hundred. */
const MAX_KEPT_PAGES = 256;
const kept = new LruMap<string, Uint8Array>(MAX_KEPT_PAGES);
let reused = 0;

/**
 * Pages are kept from the second document a process renders: a process that renders one (a cold
 * `contract gen`) would pay the keeping for nothing.
 */
let keeping = false;

/** Called when a document has been written. */
export function keepPageContents(): void {
  keeping = true;
}

/** Forgets the pages kept (tests compare renders with and without); `untilNextDocument`: as a fresh process. */
export function forgetPageContents(options: { readonly untilNextDocument?: boolean } = {}): void {
  kept.clear();
  if (options.untilNextDocument) keeping = false;
}

/** Pages kept now, and pages whose compressed content was reused since the process started. */
export function pageContentStats(): { readonly kept: number; readonly reused: number } {
  return { kept: kept.size, reused };
}

/**
 * Ends `content`, a page's content stream as pdfkit made it (holding what pdfkit wrote when it
 * added the page, its y-down transform), with `text` after what it holds, compressed.
 */
export function writePageContent(content: PdfStreamRef, text: string): void {
  const whole = Buffer.concat(content.buffer).toString('latin1') + text;
  let compressed = keeping ? kept.get(whole) : undefined;
  if (compressed !== undefined) reused++;
  else {
    compressed = deflateSync(Buffer.from(whole, 'latin1'));
    // Kept as a copy of its own size: zlib's output is a view of a larger buffer.
    if (keeping) kept.set(whole, (compressed = new Uint8Array(compressed)));
  }
  // What PDFReference.write leaves for a compressed stream: its length, then its filter.
  content.data['Length'] = whole.length;
  content.data['Filter'] = 'FlateDecode';
  content.compress = false;
  content.buffer = [compressed];
}
