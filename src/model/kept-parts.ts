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
import { LruMap } from '../lru.js';
import { manyDocumentsExpected } from '../many-documents.js';
import type { Block } from './types.js';

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

/**
 * Keeps `part`, frozen, under `key`; returns it. Its blocks that equal a block of a part kept
 * before are that block: a part that differs from an earlier one in a clause (a party's name, a
 * price) shares its other clauses with it, object for object, and the renderers find what they
 * keep by those (a paragraph's PDF layout, a clause's DOCX items).
 */
export function keepModelPart<T>(key: string, part: T): T {
  shareBlocks(part);
  kept.set(key, deepFreeze(part));
  return part;
}

/** Forgets the parts kept (tests compare builds with and without); `untilNextDocument`: as a fresh process. */
export function forgetModelParts(options: { readonly untilNextDocument?: boolean } = {}): void {
  kept.forget(options);
  keptBlocks.clear();
}

/**
 * The blocks of the parts kept, by their JSON. A contract's parts hold ~500 blocks; those of the
 * articles a batch's contracts do not share are a few dozen.
 */
const keptBlocks = new LruMap<string, Block>(512);

/** In a part not yet frozen, every block that equals a kept one becomes that one; the others are kept. */
function shareBlocks(node: unknown): void {
  if (typeof node !== 'object' || node === null || Object.isFrozen(node)) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const child: unknown = node[i];
      if (Array.isArray(child)) shareBlocks(child);
      else if (isBlock(child)) node[i] = shared(child);
    }
    return;
  }
  // An annex's body, an article's or a clause's blocks, a list's items; not a paragraph's text.
  const record = node as { readonly kind?: unknown; readonly body?: unknown; readonly children?: unknown; readonly items?: unknown };
  if (record.kind === undefined) shareBlocks(record.body);
  else if (record.kind === 'article' || record.kind === 'clause') shareBlocks(record.children);
  else if (record.kind === 'list') shareBlocks(record.items);
}

function shared(block: Block): Block {
  if (Object.isFrozen(block)) return block;
  const json = JSON.stringify(block);
  const earlier = keptBlocks.get(json);
  if (earlier !== undefined) return earlier;
  shareBlocks(block);
  keptBlocks.set(json, block);
  return block;
}

const isBlock = (value: unknown): value is Block => typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';

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
