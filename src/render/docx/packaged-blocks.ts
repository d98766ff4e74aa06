/**
 * The DOCX XML of the built-in templates' top-level blocks, written by the build and shipped with
 * the package (scripts/packaged-docx.mjs writes dist/data/docx/), as the PDF's lines are
 * (pdf/packaged-lines.ts): a process's first contract takes most of its blocks from it instead of
 * building their docx objects and having docx write them, which took most of a cold `contract gen`'s
 * DOCX. Only for a process's first document: from its second on it keeps blocks of its own
 * (reuse.ts), and lets the file go; a thread told that many are coming (a batch's worker) keeps
 * from its first, the blocks it takes from the file among them. Only what two renders of the bundled example share, the second
 * with other party names, people, phone numbers and contract number, is written.
 *
 * A block is looked up by a digest of what the kept blocks are keyed by (blocks.ts): the block,
 * its context, the counters before it and the document's bookmark names, so a hit is what
 * rendering it would give with the build's code. The spacing a paragraph takes from its
 * neighbours is settled later (flow.ts): each paragraph holds the XML of each spacing the build
 * saw, and one whose spacing it did not see, or that ends a section, is rendered as without the
 * file. The tests, which run the sources (perhaps changed since the last build), read it only when
 * they ask for it (test/setup/packaged-data.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { packagedEntriesFile, readPackagedEntries } from '../../io/packaged-entries.js';
import type { List, WrittenText } from './reuse.js';

export const PACKAGED_BLOCKS = join('dist', 'data', 'docx');
/** Changes when what the file holds, or how, changes. */
const FORMAT = 1;
export const PACKAGED_BLOCKS_FILE = `blocks.v${FORMAT}.json`;

/** What rendering a top-level block changes outside itself. */
export interface BlockCounters {
  readonly articles: number;
  readonly lists: number;
  readonly looseClauseLists: number;
  readonly ids: number;
  readonly clauses: number;
}

export type PackagedItem =
  | {
      readonly kind: 'paragraph';
      /** What the flow reads of the paragraph before it is made (flow.ts). */
      readonly style?: string;
      readonly keepNext: boolean;
      readonly spacing: { readonly before: number; readonly after: number };
      readonly list?: List;
      /** The XML by the spacing its neighbours gave it (flow.ts, `variantOf`). */
      readonly variants: readonly (readonly [string, WrittenText])[];
    }
  | { readonly kind: 'table'; readonly signatures: boolean; readonly xml: WrittenText }
  | { readonly kind: 'pageBreak' };

export interface PackagedBlock {
  readonly after: BlockCounters;
  readonly items: readonly PackagedItem[];
}

/** The key of a block in the file: `place` is what it is kept by in a process but the document's bookmark names (blocks.ts). */
export function packagedBlockKey(fingerprint: string, place: string): string {
  return createHash('sha1').update(fingerprint).update('\0').update(place).digest('base64');
}

let use = true;
/** The blocks read; null: none (no file, not ours, or not used); undefined: not read yet. */
let loaded: ReadonlyMap<string, PackagedBlock> | null | undefined;
/** Whether the process's first document is done: the file is not read again. */
let spent = false;
let hits = 0;

/** For tests: whether to use the file (the sources' tests do not by default), or these blocks instead of it; as for a process's first document. */
export function configurePackagedBlocks(options: { readonly use: boolean; readonly blocks?: Iterable<readonly [string, PackagedBlock]> }): void {
  use = options.use;
  spent = false;
  loaded = options.blocks === undefined ? undefined : new Map(options.blocks);
}

/**
 * Lets the blocks read go once a process's first document is done: from then on it keeps blocks
 * of its own, those it took from the file among them (docx/index.ts).
 */
export function releasePackagedBlocks(): void {
  loaded = undefined;
  spent = true;
}

/** Blocks taken from the file since the process started. */
export const packagedBlockHits = (): number => hits;

/** The packaged block of `key`, if any. */
export function packagedBlock(key: string): PackagedBlock | undefined {
  const block = packagedBlocks()?.get(key);
  if (block !== undefined) hits++;
  return block;
}

/** The packaged blocks by key, read once per process; null when there are none to use. */
export function packagedBlocks(): ReadonlyMap<string, PackagedBlock> | null {
  if (!use || spent) return null;
  if (loaded === undefined) loaded = read();
  return loaded;
}

const read = (): ReadonlyMap<string, PackagedBlock> | null => readPackagedEntries<PackagedBlock>(join(PACKAGED_BLOCKS, PACKAGED_BLOCKS_FILE), FORMAT);

/** The file's text for `entries` (key, block), in the order given. */
export const packagedBlocksFile = (entries: Iterable<readonly [string, PackagedBlock]>): string => packagedEntriesFile(FORMAT, entries);
