/**
 * Whether this thread is to render many documents: a batch's worker, or a batch rendered in
 * process. What the contracts of a batch share is kept across documents (model/kept-parts.ts,
 * render/docx/reuse.ts, render/pdf/line-break.ts, render/pdf/embed-face.ts,
 * render/pdf/page-content.ts) from a process's second document on,
 * so that a one-contract run (a cold `contract gen`) pays nothing for keeping; a thread told that
 * more are coming keeps from its first, and its second document reuses instead of keeping.
 */
let expected = false;

export function expectManyDocuments(on = true): void {
  expected = on;
}

export function manyDocumentsExpected(): boolean {
  return expected;
}
