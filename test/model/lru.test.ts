/**
 * LruMap (src/lru.ts), which bounds everything a process keeps across documents, against a
 * plain model of a least-recently-used map: an array of [key, value] from the least to the most
 * recently used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/lru.js';

type Op = { kind: 'get' | 'has'; key: number } | { kind: 'set'; key: number; value: string } | { kind: 'clear' };

class ModelLru {
  entries: [number, string][] = [];
  constructor(private readonly capacity: number) {}
  get(key: number): string | undefined {
    const at = this.entries.findIndex(([k]) => k === key);
    if (at < 0) return undefined;
    const [entry] = this.entries.splice(at, 1);
    this.entries.push(entry!);
    return entry![1];
  }
  has(key: number): boolean {
    return this.entries.some(([k]) => k === key);
  }
  set(key: number, value: string): void {
    this.entries = this.entries.filter(([k]) => k !== key);
    this.entries.push([key, value]);
    if (this.entries.length > this.capacity) this.entries.shift();
  }
  clear(): void {
    this.entries = [];
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('get' as const), key: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('has' as const), key: fc.nat(12) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), key: fc.nat(12), value: fc.string({ maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

describe('LruMap', () => {
  it('answers, keeps and drops as a least-recently-used map does, in any sequence of calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 80 }), (capacity, ops) => {
        const lru = new LruMap<number, string>(capacity);
        const model = new ModelLru(capacity);
        for (const o of ops) {
          if (o.kind === 'get') expect(lru.get(o.key)).toBe(model.get(o.key));
          else if (o.kind === 'has') expect(lru.has(o.key)).toBe(model.has(o.key));
          else if (o.kind === 'set') {
            lru.set(o.key, o.value);
            model.set(o.key, o.value);
          } else {
            lru.clear();
            model.clear();
          }
          expect(lru.keys()).toEqual(model.entries.map(([k]) => k));
          expect(lru.size).toBe(model.entries.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('drops the least recently used entry, a hit counting as a use', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.keys()).toEqual(['a', 'c']);
  });
});
