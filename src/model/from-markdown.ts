import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { MARK, unescapeMarkdown } from '../compose/escape.js';
import type { ComposedContract, ComposedPart } from '../compose/compose.js';
import type { ContractParams } from '../params/types.js';
import { annexRole } from '../compose/annex-roles.js';
import type { AnnexId } from '../params/types.js';
import { annexLabel, articleLabel } from './numbering.js';
import { lineOf, parseMarkdownTree, type MdNode, type Token } from './markdown-tree.js';
import { keepingModelParts, keepModelPart, keepModelParts, keptModelPart } from './kept-parts.js';
import { packagedPartKey, packagedPartsForDocument, recordPart, takePackagedPart } from './packaged-parts.js';
import type { Align, Annex, AnnexRole, ArticleBlock, Block, ContractDocument, Inline, SignatureParty } from './types.js';


interface PartContext {
  readonly part: ComposedPart;
  /** Article id -> 第N条, for {{articleRef}} markers. */
  readonly articleNumbers: ReadonlyMap<string, string>;
  /** Annex id -> 附件N, for {{annexRef}} markers. */
  readonly annexNumbers: ReadonlyMap<string, string>;
}

function structureError(ctx: PartContext, node: MdNode | undefined, message: string): ContractError {
  const diagnostic: Diagnostic = {
    kind: 'template',
    severity: 'error',
    code: 'template-structure',
    file: ctx.part.file,
    ...(node ? { line: lineOf(node) } : {}),
    message: text(`${message} (line ${node ? lineOf(node) : 1} of the rendered Markdown)`, `${message}（渲染后 Markdown 第 ${node ? lineOf(node) : 1} 行）`),
  };
  return new ContractError([diagnostic]);
}

// ---- inlines -------------------------------------------------------------------------

const isAsciiWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const MARKER = /\uE000([^\uE001]*)\uE001|\uE002([^\uE003]*)\uE003/g;

function pushText(out: Inline[], value: string): void {
  if (value === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + value };
  else out.push({ kind: 'text', text: value });
}

function reference(ctx: PartContext, marker: string, node: MdNode): Inline {
  const [kind, id = ''] = marker.split(':', 2);
  if (kind === 'article') {
    const text = ctx.articleNumbers.get(id);
    if (!text) throw structureError(ctx, node, `{{articleRef "${id}"}} names no article of this contract`);
    return { kind: 'ref', target: { kind: 'article', id }, text };
  }
  const text = kind === 'annex' ? ctx.annexNumbers.get(id) : undefined;
  if (!text) throw structureError(ctx, node, `{{annexRef "${id}"}} names no annex of this contract`);
  return { kind: 'ref', target: { kind: 'annex', id }, text };
}

/** Splits the pipeline's private markers out of text: blanks and cross-references. */
function pushWithMarkers(ctx: PartContext, out: Inline[], value: string, node: MdNode): void {
  let last = 0;
  for (const match of value.matchAll(MARKER)) {
    pushText(out, value.slice(last, match.index));
    if (match[1] !== undefined) out.push({ kind: 'blank', hint: match[1] });
    else out.push(reference(ctx, match[2]!, node));
    last = match.index + match[0].length;
  }
  pushText(out, value.slice(last));
}

/** The text of inlines where only text can go (titles). */
const flatText = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.kind === 'text' || i.kind === 'ref' ? i.text : i.kind === 'strong' || i.kind === 'ins' || i.kind === 'del' ? flatText(i.children) : '')).join('');

function convertInlines(ctx: PartContext, node: MdNode, inline: Token | undefined): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const current = () => stack[stack.length - 1]!;
  const children = inline?.children ?? [];
  children.forEach((token, index) => {
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        pushWithMarkers(ctx, current(), token.content, node);
        break;
      case 'softbreak':
      case 'hardbreak': {
        // A line break inside Chinese text is no space; between two Latin words it is one.
        const prev = children[index - 1]?.content.at(-1);
        const next = children[index + 1]?.content[0];
        if (isAsciiWord(prev) && isAsciiWord(next)) pushText(current(), ' ');
        break;
      }
      case 'strong_open':
        stack.push([]);
        break;
      case 'strong_close': {
        const inner = stack.pop()!;
        current().push({ kind: 'strong', children: inner });
        break;
      }
      case 'image':
        pushWithMarkers(ctx, current(), token.content, node);
        break;
      default:
        // em, links, strikethrough: keep their text, drop the styling the model lacks.
        break;
    }
  });
  return root;
}

function paragraph(ctx: PartContext, node: MdNode, align?: Align): Block {
  return { kind: 'paragraph', children: convertInlines(ctx, node, node.inline), ...(align ? { align } : {}) };
}

// ---- blocks --------------------------------------------------------------------------

function cellAlign(node: MdNode): Align | undefined {
  const style = String(node.token.attrGet('style') ?? '');
  const m = /text-align:(left|center|right)/.exec(style);
  return m ? (m[1] as Align) : undefined;
}

function table(ctx: PartContext, node: MdNode): Block {
  const section = (type: string) => node.children.find((c) => c.type === type);
  const rowsOf = (s: MdNode | undefined) => (s?.children ?? []).filter((r) => r.type === 'tr');
  const headerRow = rowsOf(section('thead'))[0];
  const header = (headerRow?.children ?? []).map((cell) => convertInlines(ctx, cell, cell.inline));
  const align = (headerRow?.children ?? []).map((cell) => cellAlign(cell) ?? 'left');
  const rows = rowsOf(section('tbody')).map((row) => row.children.map((cell) => convertInlines(ctx, cell, cell.inline)));
  return { kind: 'table', header, rows, align };
}

const BLANK_MARKER = /\uE000[^\uE001]*\uE001/g;
/** What a signature block or the metadata shows for a value left open in a draft: a line to fill in. */
const OPEN_LINE = '____';
const HAS_MARKER = /\uE000[^\uE001]*\uE001/;
const withoutMarkers = (value: string) => value.replace(BLANK_MARKER, OPEN_LINE);

function signatures(ctx: PartContext, node: MdNode): Block {
  const parties: SignatureParty[] = [];
  const groups = node.token.content.split(/\n\s*\n/).map((g) => g.split('\n').filter((l) => l.trim() !== ''));
  for (const lines of groups) {
    if (lines.length === 0) continue;
    let role: string | undefined;
    let name: string | undefined;
    const fields: { label: string; value: string | null }[] = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon < 0) throw structureError(ctx, node, `a signatures line needs "label: value": ${line}`);
      const label = line.slice(0, colon).trim();
      const written = unescapeMarkdown(line.slice(colon + 1).trim());
      // A value left open in a draft is a line to fill in by hand, like a signature.
      const value = written.replace(BLANK_MARKER, '').trim() === '' ? '' : withoutMarkers(written);
      if (label === 'role') role = value;
      else if (label === 'name') name = written === '' ? '' : withoutMarkers(written);
      else fields.push({ label, value: value === '' ? null : value });
    }
    if (!role || name === undefined) throw structureError(ctx, node, 'each party of a signatures block needs role: and name:');
    parties.push({ role, name, fields });
  }
  return { kind: 'signatures', parties };
}

function block(ctx: PartContext, node: MdNode): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraph(ctx, node)];
    case 'bullet_list':
    case 'ordered_list':
      return [
        {
          kind: 'list',
          ordered: node.type === 'ordered_list',
          items: node.children.map((item) => item.children.flatMap((child) => block(ctx, child))),
        },
      ];
    case 'table':
      return [table(ctx, node)];
    case 'fence': {
      const info = node.token.info.trim();
      if (info === 'signatures') return [signatures(ctx, node)];
      if (info === 'pagebreak') return [{ kind: 'pageBreak' }];
      throw structureError(ctx, node, `unknown fenced block "${info}" (use signatures or pagebreak)`);
    }
    case 'blockquote':
      return node.children.flatMap((child) => block(ctx, child));
    case 'hr':
      return [];
    case 'code_block':
      throw structureError(ctx, node, 'indented text became a code block; remove the leading spaces');
    case 'heading':
      throw structureError(ctx, node, `a heading (${node.tag}) is not allowed here`);
    default:
      throw structureError(ctx, node, `unsupported Markdown (${node.type})`);
  }
}

/** Top-level ordered lists are the clauses N.M of the enclosing article. */
function articleChildren(ctx: PartContext, nodes: readonly MdNode[]): Block[] {
  return nodes.flatMap((node) =>
    node.type === 'ordered_list'
      ? node.children.map((item): Block => ({ kind: 'clause', children: item.children.flatMap((c) => block(ctx, c)) }))
      : block(ctx, node),
  );
}

function splitTitle(ctx: PartContext, nodes: MdNode[]): { title: string; rest: MdNode[] } {
  const first = nodes[0];
  if (!first || first.type !== 'heading' || first.tag !== 'h1') {
    throw structureError(ctx, first, 'the template must start with a "# title" line');
  }
  const title = flatText(convertInlines(ctx, first, first.inline));
  return { title, rest: nodes.slice(1) };
}

function article(ctx: PartContext, id: string): ArticleBlock {
  const { title, rest } = splitTitle(ctx, parseMarkdownTree(ctx.part.markdown));
  return { kind: 'article', id, title, style: 'article', children: articleChildren(ctx, rest), source: { file: ctx.part.file, line: 1 } };
}

function annex(ctx: PartContext, id: AnnexId, role: AnnexRole): Annex {
  const { title, rest } = splitTitle(ctx, parseMarkdownTree(ctx.part.markdown));
  const body: Block[] = [];
  let section: { title: string; nodes: MdNode[] } | undefined;
  let sectionCount = 0;
  const flush = () => {
    if (!section) return;
    sectionCount += 1;
    body.push({ kind: 'article', id: `${id}-${sectionCount}`, title: section.title, style: 'section', children: articleChildren(ctx, section.nodes) });
    section = undefined;
  };
  for (const node of rest) {
    if (node.type === 'heading' && node.tag === 'h2') {
      flush();
      section = { title: flatText(convertInlines(ctx, node, node.inline)), nodes: [] };
    } else if (section) section.nodes.push(node);
    else body.push(...block(ctx, node));
  }
  flush();
  return { id, title, role, body };
}

function plainBlocks(ctx: PartContext): Block[] {
  return parseMarkdownTree(ctx.part.markdown).flatMap((node) => block(ctx, node));
}

/** Builds the one document model from the rendered templates. */
export function buildDocument(composed: ComposedContract, params: ContractParams, options: { draft: boolean }): ContractDocument {
  const articleNumbers = new Map(composed.articles.map((a, index) => [a.id, articleLabel(index + 1)]));
  const annexNumbers = new Map(composed.annexes.map((a, index) => [a.id as string, annexLabel(index + 1)]));
  const ctx = (part: ComposedPart): PartContext => ({ part, articleNumbers, annexNumbers });
  const part = partBuilder(articleNumbers, annexNumbers);
  // The context holds the values as printed: a value left open in a draft is a blank marker there.
  const shown = composed.context.p;
  const meta = (value: string, printed: string) => (HAS_MARKER.test(printed) ? withoutMarkers(printed.replace(/\\(.)/g, '$1')) : value);
  const { client, provider } = params.parties;
  const document: ContractDocument = {
    meta: {
      title: meta(params.contract.title, shown.contract.title),
      number: meta(params.contract.number, shown.contract.number),
      client: { name: meta(client.name, shown.parties.client.name), creditCode: meta(client.creditCode, shown.parties.client.creditCode) },
      provider: { name: meta(provider.name, shown.parties.provider.name), creditCode: meta(provider.creditCode, shown.parties.provider.creditCode) },
      signingDate: meta(params.contract.signing.date, shown.contract.signing.date),
      language: 'zh-CN',
      draft: options.draft,
    },
    body: [
      ...part(composed.preamble, ['blocks'], () => plainBlocks(ctx(composed.preamble))),
      ...composed.articles.map((a) => part(a, ['article', a.id], () => article(ctx(a), a.id))),
      ...part(composed.signatures, ['blocks'], () => plainBlocks(ctx(composed.signatures))),
    ],
    annexes: composed.annexes.map((a) => {
      const role = annexRole(a.id, params);
      return part(a, ['annex', a.id, role], () => annex(ctx(a), a.id, role));
    }),
  };
  keepModelParts();
  return document;
}

/**
 * How the parts of one document are built: kept from an earlier document of the process
 * (kept-parts.ts), from the build's package for a process's first document (packaged-parts.ts),
 * else from their Markdown. `what`: the kind of model and what it is made of besides the part's
 * file and Markdown and the contract's numbers.
 */
function partBuilder(articleNumbers: ReadonlyMap<string, string>, annexNumbers: ReadonlyMap<string, string>) {
  const packaged = packagedPartsForDocument();
  let numbers: string | undefined;
  const keyOf = (part: ComposedPart, what: readonly string[]) => {
    numbers ??= JSON.stringify([[...articleNumbers], [...annexNumbers]]);
    return packagedPartKey([...what, part.file, numbers, part.markdown]);
  };
  const keeping = keepingModelParts();
  return <T>(part: ComposedPart, what: readonly string[], build: () => T): T => {
    let key: string | undefined;
    const keyFor = () => (key ??= keyOf(part, what));
    const kept = keeping ? (keptModelPart(keyFor()) as T | undefined) : undefined;
    const made = kept ?? (packaged !== null ? (takePackagedPart(packaged, keyFor()) as T | undefined) : undefined) ?? build();
    recordPart(keyFor, made);
    return keeping && kept === undefined ? keepModelPart(keyFor(), made) : made;
  };
}
