import { escapeMarkdown } from '../../compose/escape.js';
import { annexLabel, articleLabel, BULLET, clauseLabel, itemLabel, sectionLabel } from '../../model/numbering.js';
import { assertNever, type Block, type ContractDocument, type Inline } from '../../model/types.js';

/**
 * The contract as Markdown for review and diffing (`-f md`): numbering written out the way
 * the DOCX and PDF show it, so a reviewer reads exactly the text that will be signed.
 */
interface Numbering {
  article: number;
}

function inlines(children: readonly Inline[]): string {
  return children
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
          return escapeMarkdown(inline.text).replace(/^([#>+=-]|\d+[.)])/, '\\$1');
        case 'strong':
          return `**${inlines(inline.children)}**`;
        case 'blank':
          return '\\_\\_\\_\\_';
        case 'ref':
          return escapeMarkdown(inline.text);
        // Markdown has no tracked changes; HTML's ins and del are what renderers of it show.
        case 'ins':
          return `<ins>${inlines(inline.children)}</ins>`;
        case 'del':
          return `<del>${inlines(inline.children)}</del>`;
        default:
          return assertNever(inline);
      }
    })
    .join('');
}

const cell = (children: readonly Inline[]) => inlines(children).replace(/\n/g, ' ');

function block(b: Block, n: Numbering, out: string[], prefix = ''): void {
  switch (b.kind) {
    case 'article': {
      n.article += 1;
      const label = b.style === 'article' ? `${articleLabel(n.article)} ` : sectionLabel(n.article);
      out.push(`## ${label}${escapeMarkdown(b.title)}`);
      let clause = 0;
      for (const child of b.children) {
        if (child.kind === 'clause') {
          clause += 1;
          clauseBlock(child.children, `${clauseLabel(n.article, clause)} `, n, out);
        } else block(child, n, out);
      }
      return;
    }
    case 'clause':
      clauseBlock(b.children, '', n, out);
      return;
    case 'paragraph':
      out.push(prefix + inlines(b.children));
      return;
    case 'list':
      b.items.forEach((item, index) => clauseBlock(item, b.ordered ? itemLabel(index + 1) : `${BULLET} `, n, out));
      return;
    case 'table': {
      const header = `| ${b.header.map(cell).join(' | ')} |`;
      const rule = `|${(b.align ?? b.header.map(() => 'left')).map((a) => (a === 'right' ? ' ---: ' : a === 'center' ? ' :---: ' : ' --- ')).join('|')}|`;
      out.push([header, rule, ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n'));
      return;
    }
    case 'signatures':
      for (const party of b.parties) {
        out.push(
          [`${party.role}（盖章）：${escapeMarkdown(party.name)}`, ...party.fields.map((f) => `${f.label}：${f.value === null ? '\\_\\_\\_\\_\\_\\_\\_\\_' : escapeMarkdown(f.value)}`)].join('  \n'),
        );
      }
      return;
    case 'pageBreak':
      out.push('<!-- page break -->');
      return;
    default:
      assertNever(b);
  }
}

/** A clause or list item: its label goes before its first paragraph. */
function clauseBlock(children: readonly Block[], label: string, n: Numbering, out: string[]): void {
  children.forEach((child, index) => block(child, n, out, index === 0 ? label : ''));
  if (children[0]?.kind !== 'paragraph' && label !== '') out.splice(out.length - children.length, 0, label.trim());
}

export function renderMarkdown(doc: ContractDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.meta.title)}`];
  if (doc.meta.draft) out.push('**草稿 DRAFT**');
  const body: Numbering = { article: 0 };
  for (const b of doc.body) block(b, body, out);
  doc.annexes.forEach((annex, index) => {
    out.push('<!-- page break -->', `# ${annexLabel(index + 1)} ${escapeMarkdown(annex.title)}`);
    const numbering: Numbering = { article: 0 };
    for (const b of annex.body) block(b, numbering, out);
  });
  return `${out.join('\n\n')}\n`;
}
