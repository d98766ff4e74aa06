/**
 * A contract as the diff sees it: for each part (the main body, each annex), its groups (the
 * articles, or an annex's sections) and in each group the units of text a change is reported
 * on (one paragraph, list item, table row or party of a signature block), each with the label
 * a lawyer cites it by (第5.3条, 附件二第4.1条, 附件二“收费明细”第3行).
 */
import { annexLabel, articleLabel, clauseLabel, sectionLabel } from '../model/numbering.js';
import type { Block, ContractDocument, Inline } from '../model/types.js';
import { tokenize, tokenKey, type Token } from './tokens.js';

export type UnitKind = 'paragraph' | 'row' | 'signature';

export interface Unit {
  readonly kind: UnitKind;
  /** What the change agreement cites: 第5.3条, 第五条, 附件二第4.1条, 合同首部. */
  readonly clause: string;
  /** For rows: the table's header cells; for others: empty. */
  readonly header: readonly string[];
  /** The unit's text as inline nodes (for a row: its cells joined by " | "). */
  readonly inlines: readonly Inline[];
  readonly tokens: readonly Token[];
  readonly key: string;
  /** Where the unit sits in its part's blocks, for building the redline. */
  readonly path: readonly number[];
}

export interface Group {
  /** Matches a group across versions: the article id, the section title, or the part's front. */
  readonly key: string;
  /** 第五条 服务费用与支付, 一、收费明细 */
  readonly title: string;
  readonly units: readonly Unit[];
}

export interface Part {
  /** `body` or `annex:<id>`. */
  readonly key: string;
  /** 本合同 or 附件二《保密协议》 */
  readonly title: string;
  readonly groups: readonly Group[];
}

const CELL_SEPARATOR: Inline = { kind: 'text', text: ' | ' };

const plain = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.kind === 'text' || i.kind === 'ref' ? i.text : i.kind === 'strong' || i.kind === 'ins' || i.kind === 'del' ? plain(i.children) : '____')).join('');

function unit(kind: UnitKind, clause: string, inlines: readonly Inline[], path: readonly number[], header: readonly string[] = []): Unit {
  const tokens = tokenize(inlines);
  return { kind, clause, header, inlines, tokens, key: tokenKey(tokens), path };
}

interface Walk {
  readonly units: Unit[];
  /** The label cited for text directly under the current container. */
  readonly clause: string;
  /** The enclosing section's title, naming its tables. */
  readonly tableTitle: string;
  /** Number of the enclosing article or section (0: none), and the prefix of its clause labels. */
  readonly article: number;
  readonly prefix: string;
}

function walkBlocks(blocks: readonly Block[], walk: Walk, path: readonly number[]): void {
  const clauses = { n: 0 };
  blocks.forEach((block, index) => walkBlock(block, walk, [...path, index], clauses));
}

function walkBlock(block: Block, walk: Walk, path: readonly number[], clauses: { n: number }): void {
  switch (block.kind) {
    case 'paragraph':
      walk.units.push(unit('paragraph', walk.clause, block.children, path));
      break;
    case 'clause': {
      clauses.n += 1;
      const label = walk.article > 0 ? `${walk.prefix}第${clauseLabel(walk.article, clauses.n)}条` : walk.clause;
      walkBlocks(block.children, { ...walk, clause: label }, path);
      break;
    }
    case 'list':
      block.items.forEach((item, i) => walkBlocks(item, walk, [...path, i]));
      break;
    case 'table': {
      const header = block.header.map(plain);
      const title = walk.tableTitle ? `“${walk.tableTitle}”` : '表格';
      block.rows.forEach((row, i) => {
        const inlines = row.flatMap((cell, c) => (c === 0 ? [...cell] : [CELL_SEPARATOR, ...cell]));
        walk.units.push(unit('row', `${walk.clause}${title}第${i + 1}行`, inlines, [...path, i], header));
      });
      break;
    }
    case 'signatures':
      block.parties.forEach((party, i) => {
        const text = [`${party.role}（盖章）：${party.name}`, ...party.fields.map((f) => `${f.label}：${f.value ?? '____'}`)].join('；');
        walk.units.push(unit('signature', `签署页（${party.role}）`, [{ kind: 'text', text }], [...path, i]));
      });
      break;
    case 'article':
      // Articles inside articles do not occur; their text still counts.
      walkBlocks(block.children, walk, path);
      break;
    case 'pageBreak':
      break;
  }
}

/**
 * The head of a contract or annex is a list of labelled lines (**甲方**：…, 住所：…): each is
 * cited by its label under the party it follows, 合同首部（甲方住所）; the recital by 序言.
 */
function headLabeller(head: string): (inlines: readonly Inline[]) => string {
  let party = '';
  return (inlines) => {
    const text = plain(inlines);
    const colon = text.search(/[：:]/);
    const lead = colon > 0 && colon <= 16 ? text.slice(0, colon) : '';
    if (/^[甲乙丙]方$/.test(lead)) {
      party = lead;
      return `${head}（${lead}）`;
    }
    if (lead === '') return `${head}（序言）`;
    return `${head}（${party}${lead}）`;
  };
}

function bodyPart(doc: ContractDocument): Part {
  const groups: Group[] = [];
  let loose: Unit[] = [];
  let article = 0;
  const flushLoose = (key: string, title: string) => {
    if (loose.length > 0) groups.push({ key, title, units: loose });
    loose = [];
  };
  const headLabel = headLabeller('合同首部');
  doc.body.forEach((block, index) => {
    if (block.kind !== 'article') {
      const clause = article === 0 ? (block.kind === 'paragraph' ? headLabel(block.children) : '合同首部') : '签署页';
      walkBlock(block, { units: loose, clause, tableTitle: '', article: 0, prefix: '' }, [index], { n: 0 });
      return;
    }
    flushLoose('\u0000front', '合同首部');
    article += 1;
    const label = articleLabel(article);
    const units: Unit[] = [];
    walkBlocks(block.children, { units, clause: label, tableTitle: '', article, prefix: '' }, [index]);
    groups.push({ key: block.id, title: `${label} ${block.title}`, units });
  });
  flushLoose('\u0000end', '签署页');
  return { key: 'body', title: '本合同', groups };
}

function annexPart(doc: ContractDocument, index: number): Part {
  const annex = doc.annexes[index]!;
  const label = annexLabel(index + 1);
  const groups: Group[] = [];
  const intro: Unit[] = [];
  const headLabel = headLabeller(label);
  let section = 0;
  annex.body.forEach((block, i) => {
    if (block.kind === 'article') {
      section += 1;
      const units: Unit[] = [];
      const sectionName = `${label}第${sectionLabel(section).replace('、', '')}部分`;
      walkBlocks(block.children, { units, clause: sectionName, tableTitle: block.title, article: section, prefix: label }, [i]);
      groups.push({ key: `\u0000section:${block.title}`, title: `${sectionLabel(section)}${block.title}`, units });
    } else {
      const clause = block.kind === 'paragraph' ? headLabel(block.children) : label;
      walkBlock(block, { units: intro, clause, tableTitle: '', article: 0, prefix: label }, [i], { n: 0 });
    }
  });
  if (intro.length > 0) groups.unshift({ key: '\u0000intro', title: label, units: intro });
  return { key: `annex:${annex.id}`, title: `${label}《${annex.title}》`, groups };
}

/** The parts of a contract, in order: the main body, then each included annex. */
export function contractParts(doc: ContractDocument): Part[] {
  return [bodyPart(doc), ...doc.annexes.map((_, i) => annexPart(doc, i))];
}
