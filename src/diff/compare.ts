/**
 * Two contracts compared as a lawyer reads them: parts (body, annexes) matched by identity,
 * their groups (articles by id, annex sections by title) matched in order, then the units of
 * text inside aligned word by word. Only what changed is reported; a unit that moved number
 * because something before it was inserted is not a change.
 */
import { diffArrays } from 'diff';
import type { ContractDocument } from '../model/types.js';
import type { Token } from './tokens.js';
import { alignedRuns } from './align.js';
import { contractParts, type Group, type Part, type Unit } from './units.js';

export type TokenOp = { readonly op: 'equal' | 'ins' | 'del'; readonly tokens: readonly Token[] };

export interface UnitChange {
  readonly change: 'modified' | 'inserted' | 'deleted';
  /** Part (本合同, 附件二《服务费用清单》) and group (第五条 服务费用与支付) of the unit. */
  readonly part: string;
  readonly partTitle: string;
  readonly group: string;
  readonly groupTitle: string;
  /** The clause cited: its label in the new contract (in the old one for a deletion). */
  readonly clause: string;
  readonly old?: Unit;
  readonly new?: Unit;
  /** Word-level edit script from old to new. */
  readonly ops: readonly TokenOp[];
  /** Set when the whole article, section or annex was added or dropped. */
  readonly whole?: 'part' | 'group';
}

/** Below this share of common words, a removed and an added unit are two changes, not one edit. */
const MIN_SIMILARITY = 0.35;

export function wordDiff(oldTokens: readonly Token[], newTokens: readonly Token[]): TokenOp[] {
  const changes = diffArrays(oldTokens as Token[], newTokens as Token[], { comparator: (a, b) => a.key === b.key });
  return changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'equal', tokens: c.value }));
}

/** Dice coefficient of the visible words: 1 when the same, 0 when nothing is shared. */
export function similarity(ops: readonly TokenOp[]): number {
  let same = 0;
  let oldOnly = 0;
  let newOnly = 0;
  for (const { op, tokens } of ops) {
    const visible = tokens.filter((t) => t.key.trim() !== '').length;
    if (op === 'equal') same += visible;
    else if (op === 'del') oldOnly += visible;
    else newOnly += visible;
  }
  const total = 2 * same + oldOnly + newOnly;
  return total === 0 ? 1 : (2 * same) / total;
}

interface Context {
  readonly part: Part;
  readonly group: Group;
  /** Old clause label -> new clause label, per part, learnt from units found in both. */
  readonly clauseMap: Map<string, string>;
}

const clauseKey = (part: string, clause: string) => `${part}\u0000${clause}`;

function learn(ctx: Context, old: Unit, next: Unit): void {
  const key = clauseKey(ctx.part.key, old.clause);
  if (!ctx.clauseMap.has(key)) ctx.clauseMap.set(key, next.clause);
}

function changeOf(change: UnitChange['change'], ctx: Context, old: Unit | undefined, next: Unit | undefined, whole?: UnitChange['whole']): UnitChange {
  const ops: TokenOp[] =
    change === 'modified' ? wordDiff(old!.tokens, next!.tokens) : [{ op: change === 'inserted' ? 'ins' : 'del', tokens: (next ?? old)!.tokens }];
  return {
    change,
    part: ctx.part.key,
    partTitle: ctx.part.title,
    group: ctx.group.key,
    groupTitle: ctx.group.title,
    clause: (next ?? old)!.clause,
    ...(old ? { old } : {}),
    ...(next ? { new: next } : {}),
    ops,
    ...(whole ? { whole } : {}),
  };
}

/** Pairs a run of removed units with a run of added ones: in order, when they are alike. */
function pairRun(removed: readonly Unit[], added: readonly Unit[], ctx: Context, out: UnitChange[]): void {
  let j = 0;
  for (const old of removed) {
    let paired = false;
    for (let k = j; k < added.length; k++) {
      const candidate = added[k]!;
      if (candidate.kind !== old.kind) continue;
      const ops = wordDiff(old.tokens, candidate.tokens);
      if (similarity(ops) < MIN_SIMILARITY) continue;
      for (; j < k; j++) out.push(changeOf('inserted', ctx, undefined, added[j]));
      learn(ctx, old, candidate);
      out.push({ ...changeOf('modified', ctx, old, candidate), ops });
      j = k + 1;
      paired = true;
      break;
    }
    if (!paired) out.push(changeOf('deleted', ctx, old, undefined));
  }
  for (; j < added.length; j++) out.push(changeOf('inserted', ctx, undefined, added[j]));
}

function compareUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[], ctx: Context, out: UnitChange[]): void {
  for (const run of alignedRuns(oldUnits, newUnits, (a, b) => a.key === b.key && a.kind === b.kind)) {
    if (run.kind === 'equal') run.old.forEach((unit, k) => learn(ctx, unit, run.new[k]!));
    else pairRun(run.old, run.new, ctx, out);
  }
}

function compareGroups(oldPart: Part, newPart: Part, out: UnitChange[], clauseMap: Map<string, string>): void {
  for (const run of alignedRuns(oldPart.groups, newPart.groups, (a, b) => a.key === b.key)) {
    if (run.kind === 'equal') {
      run.new.forEach((group, k) => compareUnits(run.old[k]!.units, group.units, { part: newPart, group, clauseMap }, out));
      continue;
    }
    // A removed run followed by an added one: groups of the same title are the same group
    // under another key (an article whose template was renamed); the rest are dropped or new.
    const twins = new Map<Group, Group>();
    for (const group of run.new) {
      const twin = run.old.find((g) => g.title === group.title && ![...twins.values()].includes(g));
      if (twin) twins.set(group, twin);
    }
    const twinned = new Set(twins.values());
    for (const group of run.old) {
      if (!twinned.has(group)) for (const u of group.units) out.push(changeOf('deleted', { part: oldPart, group, clauseMap }, u, undefined, 'group'));
    }
    for (const group of run.new) {
      const twin = twins.get(group);
      if (twin) compareUnits(twin.units, group.units, { part: newPart, group, clauseMap }, out);
      else for (const u of group.units) out.push(changeOf('inserted', { part: newPart, group, clauseMap }, undefined, u, 'group'));
    }
  }
}

export interface DocumentComparison {
  /** Every unit of text that differs, in reading order of the new contract. */
  readonly changes: readonly UnitChange[];
  /** `part\u0000old clause label` -> the same clause's label in the new contract. */
  readonly clauseMap: ReadonlyMap<string, string>;
}

export function compareDocuments(oldDoc: ContractDocument, newDoc: ContractDocument): DocumentComparison {
  const oldParts = contractParts(oldDoc);
  const newParts = contractParts(newDoc);
  const out: UnitChange[] = [];
  const clauseMap = new Map<string, string>();
  const matched = new Set<string>();
  for (const part of newParts) {
    const old = oldParts.find((p) => p.key === part.key);
    if (!old) {
      for (const group of part.groups) for (const u of group.units) out.push(changeOf('inserted', { part, group, clauseMap }, undefined, u, 'part'));
      continue;
    }
    matched.add(part.key);
    compareGroups(old, part, out, clauseMap);
  }
  for (const part of oldParts) {
    if (matched.has(part.key)) continue;
    for (const group of part.groups) for (const u of group.units) out.push(changeOf('deleted', { part, group, clauseMap }, u, undefined, 'part'));
  }
  return { changes: out, clauseMap };
}
