/**
 * The lines of the built-in templates' paragraphs, broken by the build and shipped with the
 * package (scripts/packaged-lines.mjs writes dist/data/lines/), as the shared font subsets are
 * (embed-font.ts): a process's first contract finds most of its paragraphs there instead of
 * breaking them, which took a cold `contract gen` ~10% of its instructions. For a process's first
 * document only: a thread told that many are coming (a batch's worker) keeps the ones it takes, and
 * the file is let go once that document is laid out (line-break.ts). Only what two renders
 * of the bundled example share, the second with other party names, people, phone numbers and
 * contract number, is written.
 *
 * They are looked up by what breaking reads besides the faces (line-break.ts): the size, the
 * widths and the runs; the file is named by the faces (their version keys). So a hit is what
 * breaking would give with the build's faces and code; other templates miss, and other fonts have
 * no file to read. The file is written by the build from the same code. The tests, which run the sources (perhaps
 * changed since the last build), read it only when they ask for it (test/setup/packaged-data.ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FontFace } from '../../fonts/index.js';
import { packagedEntriesFile, readPackagedEntries } from '../../io/packaged-entries.js';
import type { Line } from './line-break.js';

export const PACKAGED_LINES = join('dist', 'data', 'lines');
/** Changes when what the file holds, or how, changes. */
const FORMAT = 2;

/** The file of the lines broken with these faces (another font has none: nothing is read for it). */
export const packagedLinesFileName = (regular: FontFace, bold: FontFace): string =>
  `lines.v${FORMAT}.${createHash('sha1').update(`${regular.key}\0${bold.key}`).digest('hex').slice(0, 20)}.json`;

let use = true;
/** The lines read for the last faces asked for; null: none (no file, not ours, or not used). */
let loaded: { readonly regular: FontFace; readonly bold: FontFace; readonly lines: ReadonlyMap<string, readonly Line[]> | null } | undefined;

/** For tests: whether to use the files (the sources' tests do not by default), and read them again. */
export function configurePackagedLines(options: { readonly use: boolean }): void {
  use = options.use;
  loaded = undefined;
}

/** Lets the lines read go: a process that keeps lines of its own has no use for them (line-break.ts). */
export function releasePackagedLines(): void {
  loaded = undefined;
}

/** The packaged lines of these faces by key, read once per process; null when there are none to use. */
export function packagedLines(regular: FontFace, bold: FontFace): ReadonlyMap<string, readonly Line[]> | null {
  if (!use) return null;
  if (loaded?.regular !== regular || loaded.bold !== bold) loaded = { regular, bold, lines: read(packagedLinesFileName(regular, bold)) };
  return loaded.lines;
}

function read(name: string): ReadonlyMap<string, readonly Line[]> | null {
  return readPackagedEntries<readonly Line[]>(join(PACKAGED_LINES, name), FORMAT);
}

/** The file's text for `entries` (key, lines), in the order given. */
export function packagedLinesFile(entries: Iterable<readonly [string, readonly Line[]]>): string {
  return packagedEntriesFile(FORMAT, entries);
}
