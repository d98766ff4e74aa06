/**
 * `diff(old, new)`: what changed between two contracts, as data. Three views of one change
 * set: the params keys that changed (each with the clauses it touches), the units of text
 * that changed word by word (for redlines), and one row per changed clause with its whole
 * old and new wording (for the change agreement).
 */
import type { ContractDocument } from '../model/types.js';
import type { ContractParams } from '../params/types.js';
import { compareDocuments, type UnitChange } from './compare.js';
import { attributionPath, graft, paramChanges, type ParamChange } from './params-changes.js';
import { contractParts, type Unit } from './units.js';

export type { UnitChange, TokenOp } from './compare.js';
export type { ParamChange } from './params-changes.js';
export type { Unit } from './units.js';

export interface Touch {
  /** 第5.3条, 附件二“收费明细”第3行 */
  readonly clause: string;
  /** 本合同, 附件二《服务费用清单》 */
  readonly part: string;
}

export interface AttributedChange extends ParamChange {
  /** The clauses whose text this change alters (computed figures included). */
  readonly touches: readonly Touch[];
}

export interface ClauseChange {
  readonly change: 'modified' | 'inserted' | 'deleted';
  /** The row stands for a whole article or section (`group`) or a whole annex (`part`). */
  readonly whole?: 'part' | 'group';
  readonly part: string;
  /** The clause cited (its number in the new contract; in the old one when deleted). */
  readonly clause: string;
  /** Its number in the old contract, when that differs. */
  readonly oldClause?: string;
  /** The whole wording of the clause before and after ('' when inserted or deleted). */
  readonly original: string;
  readonly revised: string;
  readonly units: readonly UnitChange[];
}

export interface ContractDiff {
  readonly params: readonly AttributedChange[];
  readonly units: readonly UnitChange[];
  readonly clauses: readonly ClauseChange[];
}

export interface Version {
  readonly params: ContractParams;
  readonly document: ContractDocument;
}

/** Builds the document of a params object; used to find which clauses a key change touches. */
export type BuildDocument = (params: ContractParams) => Promise<ContractDocument>;

const plain = (unit: Unit): string => {
  const text = unit.tokens.map((t) => t.text).join('');
  if (unit.kind !== 'row' || unit.header.length === 0) return text;
  // A table row reads "项目：国内语音通话费；单价：¥0.12", so a row stands alone in an agreement.
  const cells = text.split(' | ');
  return cells.map((cell, i) => (unit.header[i] ? `${unit.header[i]}：${cell === '' ? '—' : cell}` : cell)).join('；');
};

function wordingByClause(doc: ContractDocument): Map<string, string> {
  const wording = new Map<string, string[]>();
  for (const part of contractParts(doc)) {
    for (const group of part.groups) {
      for (const unit of group.units) {
        const key = `${part.key}\u0000${unit.clause}`;
        wording.set(key, [...(wording.get(key) ?? []), plain(unit)]);
      }
    }
  }
  return new Map([...wording].map(([k, v]) => [k, v.join('\n')]));
}

function clauseChanges(oldDoc: ContractDocument, newDoc: ContractDocument, units: readonly UnitChange[], clauseMap: ReadonlyMap<string, string>): ClauseChange[] {
  const before = wordingByClause(oldDoc);
  const after = wordingByClause(newDoc);
  // A unit belongs to the clause it sits in in the new contract; a deleted unit to the new
  // number of its old clause when that clause survives, else to its old number.
  const rowKey = (unit: UnitChange): { key: string; clause: string; gone: boolean } => {
    if (unit.whole === 'part') return { key: `${unit.part}\u0000whole`, clause: unit.partTitle, gone: unit.change === 'deleted' };
    if (unit.whole === 'group') return { key: `${unit.part}\u0000${unit.change}\u0000${unit.group}`, clause: unit.groupTitle, gone: unit.change === 'deleted' };
    if (unit.change !== 'deleted') return { key: `${unit.part}\u0000${unit.clause}`, clause: unit.clause, gone: false };
    const survivor = clauseMap.get(`${unit.part}\u0000${unit.old!.clause}`);
    return survivor
      ? { key: `${unit.part}\u0000${survivor}`, clause: survivor, gone: false }
      : { key: `${unit.part}\u0000deleted\u0000${unit.old!.clause}`, clause: unit.old!.clause, gone: true };
  };
  const oldLabelOf = new Map<string, string>();
  for (const [oldKey, newLabel] of clauseMap) {
    const [part, oldLabel] = oldKey.split('\u0000') as [string, string];
    if (!oldLabelOf.has(`${part}\u0000${newLabel}`)) oldLabelOf.set(`${part}\u0000${newLabel}`, oldLabel);
  }
  const rows = new Map<string, { clause: string; gone: boolean; units: UnitChange[] }>();
  for (const unit of units) {
    const { key, clause, gone } = rowKey(unit);
    const row = rows.get(key) ?? { clause, gone, units: [] };
    row.units.push(unit);
    rows.set(key, row);
  }
  const text = (members: readonly UnitChange[], side: 'old' | 'new') => members.flatMap((u) => (u[side] ? [plain(u[side]!)] : [])).join('\n');
  return [...rows.values()].map(({ clause, gone, units: members }): ClauseChange => {
    const first = members[0]!;
    if (first.whole) {
      const inserted = first.change === 'inserted';
      return { change: first.change as 'inserted' | 'deleted', whole: first.whole, part: first.partTitle, clause, original: inserted ? '' : text(members, 'old'), revised: inserted ? text(members, 'new') : '', units: members };
    }
    const oldClause = members.find((u) => u.old)?.old?.clause ?? oldLabelOf.get(`${first.part}\u0000${clause}`);
    const original = oldClause === undefined ? '' : (before.get(`${first.part}\u0000${oldClause}`) ?? '');
    const revised = gone ? '' : (after.get(`${first.part}\u0000${clause}`) ?? '');
    return {
      change: original === '' ? 'inserted' : revised === '' ? 'deleted' : 'modified',
      part: first.partTitle,
      clause,
      ...(oldClause !== undefined && oldClause !== clause ? { oldClause } : {}),
      original,
      revised,
      units: members,
    };
  });
}

async function attribute(old: Version, next: Version, changes: readonly ParamChange[], build: BuildDocument): Promise<AttributedChange[]> {
  const touchesOf = new Map<string, Touch[]>();
  const touchesFor = async (path: readonly (string | number)[]): Promise<Touch[] | undefined> => {
    const key = JSON.stringify(path);
    const known = touchesOf.get(key);
    if (known) return known;
    let document: ContractDocument;
    try {
      document = await build(graft(old.params, next.params, path));
    } catch {
      // This change alone does not make a contract (it needs another change with it).
      return undefined;
    }
    const seen = new Set<string>();
    const touches: Touch[] = [];
    for (const unit of compareDocuments(old.document, document).changes) {
      const clause = unit.whole === 'part' ? unit.partTitle : unit.whole === 'group' ? unit.groupTitle : unit.clause;
      const id = `${unit.partTitle}\u0000${clause}`;
      if (seen.has(id)) continue;
      seen.add(id);
      touches.push({ clause, part: unit.partTitle });
    }
    touchesOf.set(key, touches);
    return touches;
  };
  const out: AttributedChange[] = [];
  for (const change of changes) {
    const path = attributionPath(change);
    // Coarser and coarser: the key, its top-level section, the whole file.
    const touches = (await touchesFor(path)) ?? (await touchesFor(path.slice(0, 1))) ?? (await touchesFor([]))!;
    out.push({ ...change, touches });
  }
  return out;
}

export async function diffContracts(old: Version, next: Version, build: BuildDocument): Promise<ContractDiff> {
  const { changes: units, clauseMap } = compareDocuments(old.document, next.document);
  const params = await attribute(old, next, paramChanges(old.params, next.params), build);
  return { params, units, clauses: clauseChanges(old.document, next.document, units, clauseMap) };
}
