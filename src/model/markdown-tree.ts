import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { LruMap } from '../lru.js';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** markdown-it's flat token stream folded into a tree of block nodes. */
export type { Token };
export interface MdNode {
  readonly type: string;
  readonly tag: string;
  readonly token: Token;
  readonly children: MdNode[];
  /** The inline token of a paragraph, heading or table cell. */
  inline?: Token;
}

// CommonMark plus GFM tables; no raw HTML, no autolinks, no typographic replacements:
// what the template says is what prints. The CJK-friendly rule lets `**甲方：**北京` be bold,
// which plain CommonMark refuses (a closing ** after full-width punctuation needs a space).
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
  .enable(['table', 'strikethrough'])
  .use(cjkFriendly);

/**
 * The trees of the sources parsed lately, by source. The parts of a batch's contracts are mostly
 * the same template text (a part differs where it prints a name or a number), and parsing them
 * was ~4.5 ms of a contract's ~75 (CPU profile of 140 distinct contracts in one process). A tree is
 * never changed once built: the model is built from it, not in it. ~25 parts a contract.
 */
const parsed = new LruMap<string, readonly MdNode[]>(64);

/** The block nodes of a Markdown source; a fresh array each time, of nodes to be read only. */
export function parseMarkdownTree(source: string): MdNode[] {
  let tree = parsed.get(source);
  if (tree === undefined) parsed.set(source, (tree = buildTree(source)));
  return [...tree];
}

function buildTree(source: string): MdNode[] {
  const tokens = md.parse(source, {});
  const root: MdNode[] = [];
  const stack: MdNode[] = [];
  const attach = (node: MdNode) => (stack.length > 0 ? stack[stack.length - 1]!.children.push(node) : root.push(node));
  for (const token of tokens) {
    if (token.nesting === 1) {
      const node: MdNode = { type: token.type.replace(/_open$/, ''), tag: token.tag, token, children: [] };
      attach(node);
      stack.push(node);
    } else if (token.nesting === -1) {
      stack.pop();
    } else if (token.type === 'inline') {
      const parent = stack[stack.length - 1];
      if (parent) parent.inline = token;
    } else {
      attach({ type: token.type, tag: token.tag, token, children: [] });
    }
  }
  return root;
}

/** 1-based line of a node in the rendered Markdown. */
export const lineOf = (node: MdNode): number => (node.token.map?.[0] ?? 0) + 1;
