/**
 * Two sequences aligned by the diff library, read as runs: items kept on both sides, or a run
 * of removed items together with the run of added items that took their place (either may be
 * empty). Every comparison of the diff (params lists, groups, units, redline blocks) pairs
 * what was replaced, so they all read the alignment this way.
 */
import { diffArrays } from 'diff';

export interface AlignedRun<T> {
  /** `equal`: `old[i]` and `new[i]` match; `replace`: `old` was removed and `new` added there. */
  readonly kind: 'equal' | 'replace';
  readonly old: readonly T[];
  readonly new: readonly T[];
  /** Index of the run's first item in the old and the new sequence. */
  readonly oldStart: number;
  readonly newStart: number;
}

export function alignedRuns<T>(oldItems: readonly T[], newItems: readonly T[], equal: (a: T, b: T) => boolean): AlignedRun<T>[] {
  const aligned = diffArrays(oldItems as T[], newItems as T[], { comparator: equal });
  const runs: AlignedRun<T>[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (let i = 0; i < aligned.length; i++) {
    const c = aligned[i]!;
    const count = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      runs.push({ kind: 'equal', old: oldItems.slice(oldIndex, oldIndex + count), new: newItems.slice(newIndex, newIndex + count), oldStart: oldIndex, newStart: newIndex });
      oldIndex += count;
      newIndex += count;
      continue;
    }
    const follower = c.removed && aligned[i + 1]?.added ? aligned[i + 1]! : undefined;
    const removedCount = c.removed ? count : 0;
    const addedCount = c.added ? count : follower ? (follower.count ?? follower.value.length) : 0;
    if (follower) i += 1;
    runs.push({ kind: 'replace', old: oldItems.slice(oldIndex, oldIndex + removedCount), new: newItems.slice(newIndex, newIndex + addedCount), oldStart: oldIndex, newStart: newIndex });
    oldIndex += removedCount;
    newIndex += addedCount;
  }
  return runs;
}
