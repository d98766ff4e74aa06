/** What the model and the renderers keep across the documents of a process (Markdown trees, DOCX blocks and parts, PDF lines) is bounded by this. */

/** A small least-recently-used map: Map keeps insertion order, so a hit moves to the end. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Whether `key` is kept, without making it the most recently used. */
  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
  }

  /** The keys from the least to the most recently used. */
  keys(): K[] {
    return [...this.map.keys()];
  }

  /** The entries from the least to the most recently used. */
  entries(): [K, V][] {
    return [...this.map.entries()];
  }
}
