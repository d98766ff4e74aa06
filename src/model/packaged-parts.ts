/**
 * The document model of the built-in templates' parts, built by the build and shipped with the
 * package (scripts/packaged-model.mjs writes dist/data/model/), as the DOCX blocks and the PDF's
 * lines are (render/docx/packaged-blocks.ts, render/pdf/packaged-lines.ts): the first document a
 * process builds takes most of its parts from it instead of parsing their Markdown (markdown-it)
 * and converting the tokens. Only what two builds of the bundled example share, the second with
 * other party names, people, phone numbers and contract number, is written.
 *
 * A part is looked up by a digest of all its model is made of (from-markdown.ts): its kind, id,
 * role and file, its rendered Markdown and the contract's article and annex numbers, so a hit is
 * what building it would give with the build's code. Only for a process's first document, whose
 * objects are then its own; a process that builds more keeps its Markdown trees instead
 * (markdown-tree.ts). The tests, which run the sources (perhaps changed since the last build),
 * read it only when they ask for it (test/setup/packaged-data.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { packagedEntriesFile, readPackagedEntries } from '../io/packaged-entries.js';

export const PACKAGED_MODEL = join('dist', 'data', 'model');
/** Changes when what the file holds, or how, changes. */
const FORMAT = 1;
export const PACKAGED_MODEL_FILE = `parts.v${FORMAT}.json`;

/** The key of a part's model: `made` is everything the model is made of. */
export const packagedPartKey = (made: readonly string[]): string => {
  const hash = createHash('sha1');
  for (const piece of made) hash.update(piece).update('\0');
  return hash.digest('base64');
};

let use = true;
/** The parts read; null: none (no file, not ours, not used, or a document was built already); undefined: not read yet. */
let loaded: Map<string, unknown> | null | undefined;
let hits = 0;
/** What the build collects while it builds the example (scripts/packaged-model.mjs). */
let recording: Map<string, unknown> | undefined;

/** For tests: whether to use the file (the sources' tests do not by default), or these parts instead of it, for the next document built. */
export function configurePackagedParts(options: { readonly use: boolean; readonly parts?: Iterable<readonly [string, unknown]> }): void {
  use = options.use;
  loaded = options.parts === undefined ? undefined : new Map(options.parts);
}

/** Parts taken from the file since the process started. */
export const packagedPartHits = (): number => hits;

/** The packaged parts for the document being built, read at the first; null for every later one. */
export function packagedPartsForDocument(): ReadonlyMap<string, unknown> | null {
  if (!use) return null;
  if (loaded === undefined) loaded = read();
  const parts = loaded;
  // Its objects go to this document only: the next one builds its own.
  loaded = null;
  return parts;
}

/** A part of the package, counted as a hit. */
export function takePackagedPart(parts: ReadonlyMap<string, unknown>, key: string): unknown {
  const part = parts.get(key);
  if (part !== undefined) hits++;
  return part;
}

/** For scripts/packaged-model.mjs: collects every part built from now on, by key; `false` stops and returns them. */
export function recordParts(on: boolean): Map<string, unknown> | undefined {
  const recorded = recording;
  recording = on ? new Map() : undefined;
  return recorded;
}

/** Called with each part built: kept, as a copy, while the build records them; `key` is computed only then. */
export function recordPart(key: () => string, part: unknown): void {
  recording?.set(key(), JSON.parse(JSON.stringify(part)));
}

const read = (): Map<string, unknown> | null => readPackagedEntries<unknown>(join(PACKAGED_MODEL, PACKAGED_MODEL_FILE), FORMAT);

/** The file's text for `entries` (key, model), in the order given. */
export const packagedPartsFile = (entries: Iterable<readonly [string, unknown]>): string => packagedEntriesFile(FORMAT, entries);
