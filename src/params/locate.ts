/**
 * Where each value and key of a params file was written. Built while converting the YAML
 * tree (to-plain.ts) and kept per file, so that a merged (`extends`) value can point into
 * the file that actually holds it.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type KeyPath = readonly (string | number)[];

interface Entry {
  value: SourceLocation;
  key?: SourceLocation;
}

const id = (path: KeyPath): string => JSON.stringify(path);

/** Positions of one file's values and keys, by key path. */
export class LocationIndex {
  private readonly entries = new Map<string, Entry>();
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  setValue(path: KeyPath, offset: number): void {
    const e = this.entries.get(id(path));
    if (e) e.value = this.at(offset);
    else this.entries.set(id(path), { value: this.at(offset) });
  }

  setKey(path: KeyPath, offset: number): void {
    const e = this.entries.get(id(path));
    if (e) e.key = this.at(offset);
    else this.entries.set(id(path), { value: this.at(offset), key: this.at(offset) });
  }

  /** Exact entry only; the fallback to parents is done across all layers (see `locateIn`). */
  get(path: KeyPath): Entry | undefined {
    return this.entries.get(id(path));
  }
}

/**
 * The position of `path` in the first layer (most derived first) that holds it, else of
 * its nearest parent that some layer holds.
 */
export function locateIn(layers: readonly LocationIndex[], path: KeyPath, want: 'value' | 'key'): SourceLocation | undefined {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    for (const layer of layers) {
      const e = layer.get(prefix);
      if (!e) continue;
      // A parent stands for "the mapping named here": its key reads best (`contract:`).
      if (n < path.length || want === 'key') return e.key ?? e.value;
      return e.value;
    }
  }
  return undefined;
}

/** The key path of the deepest node that contains `offset`, to name the key of a YAML error. */
export function pathAtOffset(doc: Document, offset: number): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 64 && node; depth++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        const v = pair.value as Node | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        if (start !== undefined && end !== undefined && offset >= start && offset < end) {
          path.push(isScalar(k) ? String(k.source ?? k.value) : '?');
          next = v;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = (item as Node | null)?.range;
        if (next === undefined && r && offset >= r[0] && offset < r[2]) {
          path.push(i);
          next = item;
        }
      });
    }
    node = next;
  }
  return path;
}
