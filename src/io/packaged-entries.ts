/**
 * Files of entries (key, value) the build writes into the package (dist/data/...: the model's parts,
 * the PDF's lines, the DOCX's blocks), each with the number of its format, read by a process that
 * has use for them. Only ever an optimisation: a file that is missing, too large to be ours, not
 * JSON or of another format is as if there were none.
 */
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { readBounded } from './read-bounded.js';

/** Our own files are far smaller; a larger one would not be ours. */
const MAX_BYTES = 16 * 1024 * 1024;

interface EntriesFile<V> {
  readonly format: number;
  readonly entries: readonly (readonly [string, V])[];
}

/** The entries of the package's file at `path` (from the package root), when it is of `format`; else null. */
export function readPackagedEntries<V>(path: string, format: number): Map<string, V> | null {
  let root: string;
  try {
    root = packageRoot();
  } catch {
    return null;
  }
  const file = readBounded(join(root, path), MAX_BYTES);
  if (!file.ok) return null;
  try {
    const parsed = JSON.parse(file.data.toString('utf8')) as Partial<EntriesFile<V>>;
    if (parsed.format !== format || !Array.isArray(parsed.entries)) return null;
    return new Map(parsed.entries);
  } catch {
    return null;
  }
}

/** The text of a file of `format` holding `entries`, in the order given. */
export function packagedEntriesFile<V>(format: number, entries: Iterable<readonly [string, V]>): string {
  const file: EntriesFile<V> = { format, entries: [...entries] };
  return JSON.stringify(file);
}
