/**
 * The redline for review by e-mail: only the clauses that changed, each under the number a
 * lawyer cites it by, each changed paragraph or table row whole (its context), with deleted
 * words struck through in red and inserted ones underlined in blue, and a legend. Not a
 * document to sign: it has no signature block.
 */
import type { Block, ContractDocument, Inline } from '../model/types.js';
import type { ClauseChange, ContractDiff } from './index.js';
import { untokenize } from './tokens.js';
import type { UnitChange } from './compare.js';

const CHANGE_WORD: Readonly<Record<ClauseChange['change'], string>> = { modified: '修改', inserted: '新增', deleted: '删除' };

const para = (children: Inline[], align?: 'center'): Block => ({ kind: 'paragraph', children, ...(align ? { align } : {}) });
const text = (t: string): Inline => ({ kind: 'text', text: t });

/** A unit's words with its edits marked; a table row's cells stay separated by │. */
function unitInlines(unit: UnitChange): Inline[] {
  const out: Inline[] = [];
  for (const { op, tokens } of unit.ops) {
    const inlines = untokenize(tokens);
    if (op === 'equal') out.push(...inlines);
    else out.push({ kind: op, children: inlines });
  }
  return out;
}

/** The clause as cited in the new contract: 本合同第5.3条, 附件二“收费明细”第3行, 附件九《…》. */
export function citation(row: Pick<ClauseChange, 'part' | 'clause'>): string {
  if (row.clause.startsWith('附件')) return row.clause;
  if (row.part !== '本合同') return `${row.part}${row.clause}`;
  return row.clause.startsWith('第') ? `本合同${row.clause}` : row.clause;
}

function heading(row: ClauseChange): Inline[] {
  const was = row.oldClause ? `（原${row.oldClause}）` : '';
  return [{ kind: 'strong', children: [text(`${citation(row)}${was}：${CHANGE_WORD[row.change]}`)] }];
}

function rowBlocks(row: ClauseChange): Block[] {
  const blocks: Block[] = [para(heading(row))];
  for (const unit of row.units) {
    const header = (unit.new ?? unit.old)!.header;
    if ((unit.new ?? unit.old)!.kind === 'row' && header.length > 0) blocks.push(para([text(`（表格各列：${header.join(' | ')}）`)]));
    blocks.push(para(unitInlines(unit)));
  }
  return blocks;
}

export interface ReviewInfo {
  /** The old and the new params file, as the user named them. */
  readonly oldName: string;
  readonly newName: string;
}

export function reviewDocument(newDoc: ContractDocument, diff: ContractDiff, info: ReviewInfo): ContractDocument {
  const { meta } = newDoc;
  const intro = para([
    text(
      `本对照表列示《${meta.title}》（合同编号：${meta.number}）按下列两个参数文件生成的合同文本之间的全部改动，共 ${diff.clauses.length} 处，按条款在合同中的顺序排列；每处给出所在条款的完整段落或表格行。条款编号为变更后的编号，编号变化的注明原编号。本对照表仅供审阅，不作签署之用；变更以双方签署的合同变更协议为准。`,
    ),
  ]);
  // File names on lines of their own: a long path inside a justified line would spread it.
  const files = [para([{ kind: 'strong', children: [text('原版本：')] }, text(info.oldName)]), para([{ kind: 'strong', children: [text('新版本：')] }, text(info.newName)])];
  const legend = para([
    { kind: 'strong', children: [text('图例：')] },
    { kind: 'ins', children: [text('蓝色下划线为新增文字')] },
    text('；'),
    { kind: 'del', children: [text('红色删除线为删除文字')] },
    text('。'),
  ]);
  return {
    meta: { ...meta, title: `${meta.title}修订对照表`, draft: false },
    body: [intro, ...files, legend, ...diff.clauses.flatMap(rowBlocks)],
    annexes: [],
  };
}
