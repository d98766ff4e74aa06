/**
 * What changed between two validated params files, key by key: `fees.items[2].unitPrice`
 * from "0.12" to "0.10". Lists are aligned (an item inserted in the middle is one added item,
 * not a change of every item after it); changed items are compared key by key.
 */
import { diffArrays } from 'diff';
import { keyPathOf } from '../diagnostics.js';

export type Segment = string | number;

export interface ParamChange {
  readonly change: 'modified' | 'added' | 'removed';
  /** `fees.items[2].unitPrice` */
  readonly path: string;
  readonly segments: readonly Segment[];
  readonly old?: unknown;
  readonly new?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function record(out: ParamChange[], segments: readonly Segment[], change: ParamChange['change'], old: unknown, next: unknown): void {
  out.push({
    change,
    path: keyPathOf(segments),
    segments,
    ...(change !== 'added' ? { old } : {}),
    ...(change !== 'removed' ? { new: next } : {}),
  });
}

function compare(old: unknown, next: unknown, segments: readonly Segment[], out: ParamChange[]): void {
  if (same(old, next)) return;
  if (old === undefined) return record(out, segments, 'added', old, next);
  if (next === undefined) return record(out, segments, 'removed', old, next);
  if (isObject(old) && isObject(next)) {
    const keys = [...Object.keys(next), ...Object.keys(old).filter((k) => !(k in next))];
    for (const key of keys) compare(old[key], next[key], [...segments, key], out);
    return;
  }
  if (Array.isArray(old) && Array.isArray(next)) return compareLists(old, next, segments, out);
  record(out, segments, 'modified', old, next);
}

function compareLists(old: readonly unknown[], next: readonly unknown[], segments: readonly Segment[], out: ParamChange[]): void {
  const aligned = diffArrays(old as unknown[], next as unknown[], { comparator: same });
  let oldIndex = 0;
  let newIndex = 0;
  for (let i = 0; i < aligned.length; i++) {
    const c = aligned[i]!;
    const count = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      oldIndex += count;
      newIndex += count;
      continue;
    }
    const removedCount = c.removed ? count : 0;
    const follower = c.removed && aligned[i + 1]?.added ? aligned[i + 1]! : undefined;
    const addedCount = c.added ? count : follower ? (follower.count ?? follower.value.length) : 0;
    if (follower) i += 1;
    // Items replaced in place are modified item by item; the surplus is added or removed.
    const paired = Math.min(removedCount, addedCount);
    for (let k = 0; k < paired; k++) compare(old[oldIndex + k], next[newIndex + k], [...segments, newIndex + k], out);
    for (let k = paired; k < removedCount; k++) record(out, [...segments, oldIndex + k], 'removed', old[oldIndex + k], undefined);
    for (let k = paired; k < addedCount; k++) record(out, [...segments, newIndex + k], 'added', undefined, next[newIndex + k]);
    oldIndex += removedCount;
    newIndex += addedCount;
  }
}

export function paramChanges(old: unknown, next: unknown): ParamChange[] {
  const out: ParamChange[] = [];
  compare(old, next, [], out);
  return out;
}

/**
 * The subtree a change belongs to for attributing it to clauses: the path up to its first
 * list index (a list is swapped in whole), else the key itself.
 */
export function attributionPath(change: ParamChange): readonly Segment[] {
  const firstIndex = change.segments.findIndex((s) => typeof s === 'number');
  return firstIndex < 0 ? change.segments : change.segments.slice(0, firstIndex);
}

/** A copy of `base` with the subtree at `path` taken from `source`. */
export function graft<T>(base: T, source: unknown, path: readonly Segment[]): T {
  const copy = structuredClone(base) as unknown;
  if (path.length === 0) return structuredClone(source) as T;
  let from: unknown = source;
  for (const s of path) from = (from as Record<string | number, unknown> | undefined)?.[s];
  let into = copy as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) {
    if (!isObject(into[s]) && !Array.isArray(into[s])) into[s] = {};
    into = into[s] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (from === undefined) delete into[last];
  else into[last] = structuredClone(from);
  return copy as T;
}
