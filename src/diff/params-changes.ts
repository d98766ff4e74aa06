/**
 * What changed between two validated params files, key by key: `fees.items[2].unitPrice`
 * from "0.12" to "0.10". Lists are aligned (an item inserted in the middle is one added item,
 * not a change of every item after it); changed items are compared key by key.
 */
import { alignedRuns } from './align.js';
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
  for (const run of alignedRuns(old, next, same)) {
    if (run.kind === 'equal') continue;
    // Items replaced in place are modified item by item; the surplus is added or removed.
    const paired = Math.min(run.old.length, run.new.length);
    for (let k = 0; k < paired; k++) compare(run.old[k], run.new[k], [...segments, run.newStart + k], out);
    for (let k = paired; k < run.old.length; k++) record(out, [...segments, run.oldStart + k], 'removed', run.old[k], undefined);
    for (let k = paired; k < run.new.length; k++) record(out, [...segments, run.newStart + k], 'added', undefined, run.new[k]);
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
