/**
 * The whole contract as one document with tracked changes: the new version, with what was
 * removed put back where it stood and marked deleted, and what was added marked inserted.
 * Blocks are matched as the clause diff matches them (articles by id, the rest by their words,
 * a removed block paired with a similar added one), then a matched paragraph's words are
 * compared, so a changed number is a change of that number, not of its paragraph. Numbers
 * (第N条, 3.2, 附件二) are not text in the model, so a renumbering is never an edit.
 */
import { alignedRuns } from './align.js';
import type { Annex, ArticleBlock, Block, ContractDocument, Inline, Revision, TableBlock } from '../model/types.js';
import { wordDiff, similarity } from './compare.js';
import { tokenize, tokenKey, untokenize } from './tokens.js';

export interface RevisionAuthor {
  readonly name: string;
  /** ISO date-time, e.g. 2026-11-30T00:00:00Z. */
  readonly date: string;
}

const inlineKey = (inlines: readonly Inline[]): string => tokenKey(tokenize(inlines));

function blockKey(block: Block): string {
  switch (block.kind) {
    case 'article':
      return `article\u0000${block.id}`;
    case 'paragraph':
      return `paragraph\u0000${inlineKey(block.children)}`;
    case 'clause':
      return `clause\u0000${block.children.map(blockKey).join('\u0001')}`;
    case 'list':
      return `list\u0000${block.ordered}\u0000${block.items.map((item) => item.map(blockKey).join('\u0001')).join('\u0002')}`;
    case 'table':
      return `table\u0000${[block.header, ...block.rows].map(rowKey).join('\u0002')}`;
    case 'signatures':
      return `signatures\u0000${JSON.stringify(block.parties)}`;
    case 'pageBreak':
      return 'pageBreak';
  }
}

const rowKey = (row: readonly (readonly Inline[])[]): string => row.map(inlineKey).join('\u0001');

/** Every word of a block, for judging whether a removed and an added block are one edited block. */
function blockInlines(block: Block): Inline[] {
  switch (block.kind) {
    case 'article':
      return [{ kind: 'text', text: `${block.title}\n` }, ...block.children.flatMap(blockInlines)];
    case 'paragraph':
      return [...block.children, { kind: 'text', text: '\n' }];
    case 'clause':
      return block.children.flatMap(blockInlines);
    case 'list':
      return block.items.flatMap((item) => item.flatMap(blockInlines));
    case 'table':
      return [block.header, ...block.rows].flatMap((row) => row.flatMap((cell) => [...cell, { kind: 'text', text: '\n' } as const]));
    case 'signatures':
    case 'pageBreak':
      return [];
  }
}

const alike = (a: readonly Inline[], b: readonly Inline[]): boolean => similarity(wordDiff(tokenize(a), tokenize(b))) >= MIN_SIMILARITY;
/** As in the clause diff (compare.ts): below this share of common words, two changes, not one edit. */
const MIN_SIMILARITY = 0.35;

/** Words of an edited run of inlines, each insertion and deletion marked. */
export function markedInlines(oldInlines: readonly Inline[], newInlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const { op, tokens } of wordDiff(tokenize(oldInlines), tokenize(newInlines))) {
    const inlines = untokenize(tokens);
    if (op === 'equal') out.push(...inlines);
    else out.push({ kind: op, children: inlines });
  }
  return out;
}

const wrap = (inlines: readonly Inline[], revision: Revision): Inline[] => (inlines.length === 0 ? [] : [{ kind: revision, children: inlines }]);

/** A block added or removed as a whole: every word and every paragraph of it marked. */
export function markWhole(block: Block, revision: Revision): Block | undefined {
  switch (block.kind) {
    case 'article':
      return { ...block, revision, children: markAll(block.children, revision) };
    case 'paragraph':
      return { ...block, revision, children: wrap(block.children, revision) };
    case 'clause':
      return { ...block, children: markAll(block.children, revision) };
    case 'list':
      return { ...block, items: block.items.map((item) => markAll(item, revision)) };
    case 'table':
      return {
        ...block,
        header: block.header.map((cell) => wrap(cell, revision)),
        rows: block.rows.map((row) => row.map((cell) => wrap(cell, revision))),
        rowRevisions: block.rows.map(() => revision),
      };
    case 'signatures':
      // A signature block is never dropped or added by a change of params; kept as it is.
      return block;
    case 'pageBreak':
      return revision === 'ins' ? block : undefined;
  }
}

const markAll = (blocks: readonly Block[], revision: Revision): Block[] => blocks.flatMap((b) => markWhole(b, revision) ?? []);

/** One block edited into another of the same kind: the words compared, containers merged. */
function mergeBlock(old: Block, next: Block): Block {
  if (old.kind === 'paragraph' && next.kind === 'paragraph') {
    return inlineKey(old.children) === inlineKey(next.children) ? next : { ...next, children: markedInlines(old.children, next.children) };
  }
  if (old.kind === 'article' && next.kind === 'article') {
    // Titles come from the templates, not from params: they do not change between versions.
    const merged: ArticleBlock = { ...next, children: mergeBlocks(old.children, next.children) };
    return merged;
  }
  if (old.kind === 'clause' && next.kind === 'clause') return { ...next, children: mergeBlocks(old.children, next.children) };
  if (old.kind === 'list' && next.kind === 'list') return { ...next, items: mergeSequences(old.items, next.items, itemKey, (a, b) => mergeBlocks(a, b), (item, r) => markAll(item, r), itemAlike) };
  if (old.kind === 'table' && next.kind === 'table') return mergeTables(old, next);
  return next;
}

const itemKey = (item: readonly Block[]): string => item.map(blockKey).join('\u0001');
const itemAlike = (a: readonly Block[], b: readonly Block[]): boolean => alike(a.flatMap(blockInlines), b.flatMap(blockInlines));

function canMerge(old: Block, next: Block): boolean {
  if (old.kind !== next.kind) return false;
  if (old.kind === 'article' && next.kind === 'article') return old.title === next.title;
  if (old.kind === 'table' && next.kind === 'table') return old.header.length === next.header.length;
  if (old.kind === 'signatures' || old.kind === 'pageBreak') return true;
  return alike(blockInlines(old), blockInlines(next));
}

export function mergeBlocks(oldBlocks: readonly Block[], newBlocks: readonly Block[]): Block[] {
  return mergeSequences(oldBlocks, newBlocks, blockKey, mergeBlock, (b, r) => markWhole(b, r), canMerge).flatMap((b) => b ?? []);
}

/**
 * Two sequences merged: items with equal keys kept (merged, for containers whose key is only
 * their identity), a removed run and the added run after it paired in order where alike, the
 * rest marked deleted (in the old order, where they stood) or inserted.
 */
function mergeSequences<T, R>(
  oldItems: readonly T[],
  newItems: readonly T[],
  key: (item: T) => string,
  merge: (old: T, next: T) => R,
  mark: (item: T, revision: Revision) => R,
  pairable: (old: T, next: T) => boolean,
): R[] {
  const out: R[] = [];
  const keyed = (items: readonly T[]) => items.map((item) => ({ item, key: key(item) }));
  for (const run of alignedRuns(keyed(oldItems), keyed(newItems), (a, b) => a.key === b.key)) {
    const removed = run.old.map((o) => o.item);
    const added = run.new.map((n) => n.item);
    if (run.kind === 'equal') {
      removed.forEach((old, k) => out.push(merge(old, added[k]!)));
      continue;
    }
    let j = 0;
    for (const old of removed) {
      const k = added.findIndex((candidate, index) => index >= j && pairable(old, candidate));
      if (k < 0) {
        out.push(mark(old, 'del'));
        continue;
      }
      for (; j < k; j++) out.push(mark(added[j]!, 'ins'));
      out.push(merge(old, added[k]!));
      j = k + 1;
    }
    for (; j < added.length; j++) out.push(mark(added[j]!, 'ins'));
  }
  return out;
}

type Row = readonly (readonly Inline[])[];
interface MergedRow {
  readonly cells: Row;
  readonly revision: Revision | undefined;
}

function mergeTables(old: TableBlock, next: TableBlock): TableBlock {
  const header = next.header.map((cell, c) => markedInlines(old.header[c] ?? [], cell));
  const rows = mergeSequences<Row, MergedRow>(
    old.rows,
    next.rows,
    rowKey,
    (a, b) => ({ cells: b.map((cell, c) => markedInlines(a[c] ?? [], cell)), revision: undefined }),
    (row, revision) => ({ cells: row.map((cell) => wrap(cell, revision)), revision }),
    (a, b) => a.length === b.length && alike(a.flat(), b.flat()),
  );
  return { ...next, header, rows: rows.map((r) => r.cells), rowRevisions: rows.map((r) => r.revision) };
}

function markAnnex(annex: Annex, revision: Revision): Annex {
  return { ...annex, revision, body: markAll(annex.body, revision) };
}

/** The new contract with every difference from the old one as a tracked change by `author`. */
export function redlineDocument(oldDoc: ContractDocument, newDoc: ContractDocument, author: RevisionAuthor): ContractDocument {
  const annexes = mergeSequences<Annex, Annex>(
    oldDoc.annexes,
    newDoc.annexes,
    (annex) => annex.id,
    (a, b) => ({ ...b, body: mergeBlocks(a.body, b.body) }),
    markAnnex,
    () => false,
  );
  return {
    meta: { ...newDoc.meta, revisionAuthor: { name: author.name, date: author.date } },
    body: mergeBlocks(oldDoc.body, newDoc.body),
    annexes,
  };
}
