/**
 * The model of each template part, kept across the documents of a process.
 *
 * A part's model (an article, an annex, the preamble's or the signatures' blocks) is made of its
 * kind and id (an annex's role too), its file, its rendered Markdown and the contract's article
 * and annex numbers: the key the build's packaged parts are looked up by (packaged-parts.ts). The
 * contracts of a batch share most of their template text, so most parts of a contract were built
 * for one before it (72% of the parts of 60 distinct contracts of the bench). Reusing the part's
 * objects, not only its content, also lets the renderers find them in what they keep by the block
 * itself: the PDF's paragraph and table layouts (pdf/blocks.ts, pdf/tables.ts) and the DOCX's
 * block keys (docx/blocks.ts).
 *
 * Shared between documents, a kept part is frozen: nothing can change one document's model under
 * another (the model's types are read-only; this makes it hold at run time too).
 */
import { KeptAcrossDocuments } from '../kept-across-documents.js';
import { manyDocumentsExpected } from '../many-documents.js';

/**
 * A contract has ~26 parts. The 100 distinct contracts of a bench run reused as many of them with
 * room for 26 as for 160 (1,881): a part is either template text every contract prints or one
 * contract's own. 64 hold two variants of the templates used in turn (an annex's role, say).
 */
const MAX_PARTS = 64;
const kept = new KeptAcrossDocuments<string, unknown>(MAX_PARTS);

/** Whether parts are kept and reused for the document being built: from a process's second, or a thread's first if many are coming. */
export function keepingModelParts(): boolean {
  if (manyDocumentsExpected()) kept.arm();
  return kept.active;
}

/** Called when a document's model has been built: the next ones keep and reuse. */
export function keepModelParts(): void {
  kept.arm();
}

/** The part kept for `key`, if any. */
export const keptModelPart = (key: string): unknown => kept.get(key);

/** Keeps `part`, frozen, under `key`; returns it. */
export function keepModelPart<T>(key: string, part: T): T {
  kept.set(key, deepFreeze(part));
  return part;
}

/** Forgets the parts kept (tests compare builds with and without); `untilNextDocument`: as a fresh process. */
export function forgetModelParts(options: { readonly untilNextDocument?: boolean } = {}): void {
  kept.forget(options);
}

/** Parts kept now, and parts reused since the process started. */
export function modelPartStats(): { readonly kept: number; readonly reused: number } {
  return kept.stats();
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
