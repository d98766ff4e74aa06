import { LruMap } from './lru.js';

/**
 * What a renderer keeps across the documents of a process, by key, for the contracts of a batch
 * share most of their text. Kept only from the second document on: a process that renders one
 * (a cold `contract gen`) would pay the keys and the keeping for nothing; a thread told that many
 * are coming arms it before its first (many-documents.ts).
 */
export class KeptAcrossDocuments<K, V> {
  private readonly kept: LruMap<K, V>;
  private keeping = false;
  private reused = 0;

  constructor(capacity: number) {
    this.kept = new LruMap(capacity);
  }

  /** Whether documents now keep and reuse (from the second on). */
  get active(): boolean {
    return this.keeping;
  }

  /** Called when a document has been rendered. */
  arm(): void {
    this.keeping = true;
  }

  /** What was kept for `key`, if documents keep now. */
  get(key: K): V | undefined {
    if (!this.keeping) return undefined;
    const value = this.kept.get(key);
    if (value !== undefined) this.reused++;
    return value;
  }

  set(key: K, value: V): void {
    if (this.keeping) this.kept.set(key, value);
  }

  /** Forgets what was kept (tests compare renders with and without); `untilNextDocument`: as a fresh process. */
  forget(options: { readonly untilNextDocument?: boolean } = {}): void {
    this.kept.clear();
    if (options.untilNextDocument) this.keeping = false;
  }

  /** What is kept now, from the least to the most recently used. */
  entries(): [K, V][] {
    return this.kept.entries();
  }

  /** Entries kept now, and entries reused since the process started. */
  stats(): { readonly kept: number; readonly reused: number } {
    return { kept: this.kept.size, reused: this.reused };
  }
}
