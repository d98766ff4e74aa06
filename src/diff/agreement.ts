/**
 * The 变更协议 (change agreement) of a diff: the contract's own 附件四 template filled with one
 * row per changed clause, as a document of its own to sign. The parties and the contract's
 * title and number are the new version's; the date it was signed is the original's. Figures
 * computed from a changed value (the monthly estimate of a new price, the end date of a
 * longer term) are rows of their own, since they are clauses whose wording changed.
 */
import type { ContractDocument } from '../model/types.js';
import type { ContractParams, IsoDate } from '../params/types.js';
import type { ClauseChange, ContractDiff } from './index.js';
import { citation } from './review.js';

export type BuildDocument = (params: ContractParams) => Promise<ContractDocument>;

/** A cell of the agreement's table holds one line: the clause's paragraphs run on. */
const oneLine = (wording: string): string => wording.replace(/\s*\n\s*/g, ' ').trim();

function changeRow(row: ClauseChange, effective: IsoDate | undefined): ContractParams['changes'][number] {
  const original = row.change === 'inserted' ? '（无，本条为新增）' : oneLine(row.original);
  const amended = row.change === 'deleted' ? '（本条删除）' : oneLine(row.revised);
  const clause = row.oldClause && row.change !== 'inserted' ? `${citation({ part: row.part, clause: row.oldClause })}（变更后为${row.clause}）` : citation(row);
  return { clause, original, amended, ...(effective ? { effectiveDate: effective } : {}) };
}

export async function changeAgreementDocument(
  oldParams: ContractParams,
  newParams: ContractParams,
  diff: ContractDiff,
  effective: IsoDate | undefined,
  build: BuildDocument,
): Promise<ContractDocument> {
  const params: ContractParams = {
    ...newParams,
    contract: { ...newParams.contract, signing: oldParams.contract.signing },
    changes: diff.clauses.map((row) => changeRow(row, effective)),
    annexes: newParams.annexes.includes('changeAgreement') ? newParams.annexes : [...newParams.annexes, 'changeAgreement'],
  };
  const built = await build(params);
  const annex = built.annexes.find((a) => a.id === 'changeAgreement');
  if (!annex) throw new Error('the change agreement template produced no annex');
  return { meta: { ...built.meta, title: annex.title }, body: annex.body, annexes: [] };
}
