/**
 * One function per block kind behind an exhaustive switch, laying blocks out as the PDF does
 * (src/render/pdf/blocks.ts): a label column (1.1, （1）, •) with the text beside it, wrapped lines
 * aligned with the text, the blocks that follow in a clause or item indented to the same column,
 * a first-line indent only for body paragraphs at the top level. Numbers are Word numbering, so
 * the labels are not in the text.
 */
import { AlignmentType } from 'docx';
import { articleLabel, BULLET, itemLabel, sectionLabel } from '../../model/numbering.js';
import { assertNever, type Align, type ArticleBlock, type Block, type ClauseBlock, type ListBlock, type ParagraphBlock } from '../../model/types.js';
import { SPACING, TEXT_WIDTH } from '../house-style.js';
import { paragraphItem, type FlowItem, type ParagraphItem } from './flow.js';
import { inlineRuns, textRuns } from './inlines.js';
import { articleLabelWidth, labelColumn, levelIndent, LIST, sectionLabelWidth, STYLE_BOUND, type ListRef } from './numbering.js';
import { paragraphMark, type References } from './references.js';
import { STYLE_ID, type StyleId } from './style-ids.js';
import { signaturesTable } from './signatures.js';
import { FIRST_LINE_INDENT } from './styles.js';
import { contractTable } from './tables.js';
import { LruMap } from '../../lru.js';
import { forgetKeptParts } from './kept-parts.js';
import { MAX_ARTICLE_BLOCKS, MAX_BLOCKS, PackagedTable, ReusableParagraph, ReusableTable, reuseArmed, type WrittenText } from './reuse.js';
import { packagedBlock, packagedBlockKey, packagedBlocks, type BlockCounters, type PackagedBlock, type PackagedItem } from './packaged-blocks.js';
import type { Table } from 'docx';
import { twips } from './units.js';

/** The numbered article or section a block is in. */
interface Numbered {
  readonly list: typeof LIST.articles | typeof LIST.sections;
  readonly instance: number;
}

/** Read-only context from the enclosing blocks. */
export interface BlockContext {
  /** Left edge of the column the block occupies, in points from the left margin. */
  readonly x: number;
  /** Body paragraphs at this level get a first-line indent. */
  readonly indentFirst: boolean;
  readonly numbered: Numbered | null;
  /** The label of the enclosing article, section or clause (3, 3.2) that clause labels extend. */
  readonly clausePrefix: string | null;
  /** Clauses counted so far at this level. */
  readonly clauses: { n: number };
  /** Clause nesting: 0 directly in an article. */
  readonly clauseDepth: number;
  /** List nesting: 0 outside lists. */
  readonly listDepth: number;
  /** The list instance of annex sections in this part: a new one per annex, so each restarts at 一、. */
  readonly sectionsInstance: number;
  /** In the main body, where articles are the targets of cross-references. */
  readonly mainBody: boolean;
  /** Whether the annex is a sample form: its signature block is printed as a sample. */
  readonly sample: boolean;
}

/** What accumulates over a part: article counts, list instances, bookmarks. */
export interface BlockState {
  readonly refs: References;
  /** Articles (第N条) or sections (N、) counted so far in the current scope. */
  articles: number;
  lists: number;
  looseClauseLists: number;
  /**
   * Set while a top-level block that was not kept is rendered in a document that reuses: the
   * blocks of an article in it are then kept and reused one by one (renderKept).
   */
  keeping?: Keeping | undefined;
}

/** A document's reuse while one of its top-level blocks is rendered: what it has taken, and the blocks of that one block. */
interface Keeping {
  readonly seen: Set<Rendered>;
  readonly parts: Rendered[];
}

export const rootContext = (sectionsInstance: number, options: { mainBody: boolean; sample: boolean }): BlockContext => ({
  x: 0,
  indentFirst: true,
  numbered: null,
  clausePrefix: null,
  clauses: { n: 0 },
  clauseDepth: 0,
  listDepth: 0,
  sectionsInstance,
  ...options,
});

export function renderBlocks(blocks: readonly Block[], ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  for (const block of blocks) renderBlock(block, ctx, state, out);
}

/** What rendering a block changes outside itself. */
type Counters = BlockCounters;

const countersOf = (ctx: BlockContext, state: BlockState): Counters => ({
  articles: state.articles,
  lists: state.lists,
  looseClauseLists: state.looseClauseLists,
  ids: state.refs.idCounter,
  clauses: ctx.clauses.n,
});

/** A top-level block's flow items, kept for reuse. */
export interface Rendered {
  readonly items: readonly FlowItem[];
  readonly after: Counters;
  /** The blocks of an article kept on their own whose items these items are (renderKept). */
  readonly parts?: readonly Rendered[];
}

const rendered = new LruMap<string, Rendered>(MAX_BLOCKS);
/**
 * The blocks of the articles that were not kept whole, kept one by one: the contracts of a batch
 * differ in a clause or two of a few articles (the parties' names and contacts, a price), and an
 * article with one clause of its own takes the others from here.
 */
const renderedParts = new LruMap<string, Rendered>(MAX_ARTICLE_BLOCKS);
/** Bookmark names and authors seen, as short numbers for the keys. */
const fingerprints = new LruMap<string, number>(64);
let nextFingerprint = 0;

let reusedBlocks = 0;
let reusedParts = 0;

/** Forgets every block and package part kept for reuse (tests compare renders with and without). */
export function forgetRenderedBlocks(): void {
  rendered.clear();
  renderedParts.clear();
  forgetKeptParts();
}

/**
 * Top-level blocks kept now and reused since the process started; `parts`, `partsReused`: the same
 * for the blocks of articles kept one by one.
 */
export function renderedBlockStats(): { readonly kept: number; readonly reused: number; readonly parts: number; readonly partsReused: number } {
  return { kept: rendered.size, reused: reusedBlocks, parts: renderedParts.size, partsReused: reusedParts };
}

/**
 * The top-level blocks of a part, each rendered once per process for what it reads of its
 * surroundings (reuse.ts); `seen`: the blocks already given to this document, rendered afresh
 * if they come again, so that a document never holds the same docx object twice.
 */
export function renderTopLevel(blocks: readonly Block[], ctx: BlockContext, state: BlockState, out: FlowItem[], seen: Set<Rendered>): void {
  if (!reuseArmed()) return packagedBlocks() === null ? renderBlocks(blocks, ctx, state, out) : renderFromPackage(blocks, ctx, state, out);
  const tag = fingerprintTag(state.refs.fingerprint);
  // A thread's first document when many are coming: what the build packaged, kept as it comes.
  const fromPackage = packagedBlocks() !== null;
  for (const block of blocks) {
    const before = countersOf(ctx, state);
    const context = JSON.stringify(ctx);
    const place = placeOf(context, before, block);
    const key = `${tag}|${place}`;
    const kept = rendered.get(key);
    if (kept !== undefined && usable(kept, seen)) {
      reusedBlocks++;
      reuse(kept, ctx, state, out, seen);
      continue;
    }
    const items: FlowItem[] = [];
    const packaged = fromPackage ? packagedBlock(packagedBlockKey(state.refs.fingerprint, place)) : undefined;
    // A thread's first document takes the build's package, top-level block by top-level block;
    // the blocks of an article are kept one by one from its next document on.
    const keeping: Keeping | undefined = fromPackage ? undefined : { seen, parts: [] };
    if (packaged !== undefined) {
      items.push(...itemsFromPackage(block, context, before, state.refs, packaged));
      setCounters(ctx, state, packaged.after);
    } else {
      state.keeping = keeping;
      try {
        renderBlock(block, ctx, state, items);
      } finally {
        state.keeping = undefined;
      }
    }
    const made: Rendered = { items, after: countersOf(ctx, state), ...(keeping && keeping.parts.length > 0 ? { parts: keeping.parts } : {}) };
    if (kept === undefined) rendered.set(key, made);
    seen.add(made);
    pushCopies(items, out);
  }
}

/**
 * Whether a document may take a kept block: a document never holds the same docx object twice,
 * so neither the block nor any block of an article its items come from may be in it already.
 */
const usable = (kept: Rendered, seen: ReadonlySet<Rendered>): boolean => !seen.has(kept) && !(kept.parts?.some((part) => seen.has(part)) ?? false);

/** A kept block's items, copied, and the counters as it left them. */
function reuse(kept: Rendered, ctx: BlockContext, state: BlockState, out: FlowItem[], seen: Set<Rendered>): void {
  seen.add(kept);
  for (const part of kept.parts ?? []) seen.add(part);
  setCounters(ctx, state, kept.after);
  pushCopies(kept.items, out);
}

/**
 * The blocks of an article that was not kept whole, each kept and reused by the same key as a
 * top-level block, its context here being the article's; the blocks within them are not kept on
 * their own.
 */
function renderKept(blocks: readonly Block[], ctx: BlockContext, state: BlockState, out: FlowItem[], keeping: Keeping): void {
  const tag = fingerprintTag(state.refs.fingerprint);
  state.keeping = undefined;
  try {
    for (const block of blocks) {
      const key = `${tag}|${placeOf(JSON.stringify(ctx), countersOf(ctx, state), block)}`;
      const kept = renderedParts.get(key);
      if (kept !== undefined && usable(kept, keeping.seen)) {
        reusedParts++;
        keeping.parts.push(kept);
        reuse(kept, ctx, state, out, keeping.seen);
        continue;
      }
      const items: FlowItem[] = [];
      renderBlock(block, ctx, state, items);
      const made: Rendered = { items, after: countersOf(ctx, state) };
      if (kept === undefined) renderedParts.set(key, made);
      keeping.seen.add(made);
      keeping.parts.push(made);
      pushCopies(items, out);
    }
  } finally {
    state.keeping = keeping;
  }
}

/** Kept items into a document's flow: its paragraph items as copies, which the flow may change, the kept ones not. */
function pushCopies(items: readonly FlowItem[], out: FlowItem[]): void {
  for (const item of items) out.push(item.kind === 'paragraph' ? { ...item } : item);
}

/** A document's bookmark names and author as a short number, for the keys. */
function fingerprintTag(fingerprint: string): number {
  let tag = fingerprints.get(fingerprint);
  if (tag === undefined) fingerprints.set(fingerprint, (tag = nextFingerprint++));
  return tag;
}

/** What a top-level block is kept by, but the document's bookmark names: itself, its context and the counters before it. */
const placeOf = (context: string, before: Counters, block: Block): string => `${context}|${JSON.stringify(before)}|${jsonOf(block)}`;

/**
 * The JSON of a frozen block, written once: a part kept across documents is frozen and comes again
 * in every contract of a batch (model/kept-parts.ts). A block that is not frozen may be changed by
 * its caller before the next render, so it is written each time.
 */
const frozenJson = new WeakMap<Block, string>();
function jsonOf(block: Block): string {
  if (!Object.isFrozen(block)) return JSON.stringify(block);
  let json = frozenJson.get(block);
  if (json === undefined) frozenJson.set(block, (json = JSON.stringify(block)));
  return json;
}

const setCounters = (ctx: BlockContext, state: BlockState, after: Counters): void => {
  state.articles = after.articles;
  state.lists = after.lists;
  state.looseClauseLists = after.looseClauseLists;
  state.refs.idCounter = after.ids;
  ctx.clauses.n = after.clauses;
};

/**
 * A process's first document: the blocks the build packaged (packaged-blocks.ts) as their XML,
 * the others rendered. A packaged paragraph that needs what its XML does not cover (a spacing the
 * build did not see, a section's properties) is rendered then, from the block, its context and the
 * counters before it, as it would have been here.
 */
function renderFromPackage(blocks: readonly Block[], ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  for (const block of blocks) {
    const before = countersOf(ctx, state);
    const context = JSON.stringify(ctx);
    const packaged = packagedBlock(packagedBlockKey(state.refs.fingerprint, placeOf(context, before, block)));
    if (packaged === undefined) {
      renderBlock(block, ctx, state, out);
      continue;
    }
    out.push(...itemsFromPackage(block, context, before, state.refs, packaged));
    setCounters(ctx, state, packaged.after);
  }
}

/**
 * A packaged block's items. A paragraph that needs what its XML does not cover is rendered from
 * the block at its place: with `refs`, whose bookmark names (its fingerprint) and counter
 * (`before.ids`) are those of any document the block is kept for (the keys say so).
 */
function itemsFromPackage(block: Block, context: string, before: Counters, refs: References, packaged: PackagedBlock): FlowItem[] {
  let rendered: readonly FlowItem[] | undefined;
  const renderedItem = (i: number): ParagraphItem => {
    rendered ??= renderAgain(block, JSON.parse(context) as BlockContext, before, refs);
    const item = rendered[i];
    if (item?.kind !== 'paragraph' || rendered.length !== packaged.items.length) throw new Error('docx packaged blocks: a block renders otherwise than its packaged XML');
    return item;
  };
  return packaged.items.map((item, i) => itemFromPackage(item, () => renderedItem(i)));
}

let packagedRenderedAgain = 0;

/** Packaged blocks rendered after all since the process started, for what their XML did not cover. */
export const packagedBlocksRenderedAgain = (): number => packagedRenderedAgain;

/** A block's items as rendering it at its place would give them, the document's counters left as they are. */
function renderAgain(block: Block, ctx: BlockContext, before: Counters, refs: References): FlowItem[] {
  packagedRenderedAgain++;
  const items: FlowItem[] = [];
  const ids = refs.idCounter;
  refs.idCounter = before.ids;
  try {
    renderBlock(block, ctx, { refs, articles: before.articles, lists: before.lists, looseClauseLists: before.looseClauseLists }, items);
  } finally {
    refs.idCounter = ids;
  }
  return items;
}

function itemFromPackage(item: PackagedItem, rendered: () => ParagraphItem): FlowItem {
  switch (item.kind) {
    case 'paragraph':
      return {
        ...paragraphItem(item.style === undefined ? {} : { style: item.style as StyleId }, item.spacing, [], item.keepNext),
        packaged: { variants: item.variants, list: item.list, fresh: rendered },
      };
    case 'table':
      return { kind: 'table', table: new PackagedTable(item.xml) as unknown as Table, signatures: item.signatures };
    case 'pageBreak':
      return item;
  }
}

/**
 * The blocks kept now (reuse.ts) as the build packages them, by their keys in the file: those
 * whose every paragraph and table has its XML kept. For scripts/packaged-docx.mjs.
 */
export function packagedBlockEntries(): [string, PackagedBlock][] {
  const fingerprintOf = new Map([...fingerprints.entries()].map(([fingerprint, tag]) => [tag, fingerprint]));
  const entries: [string, PackagedBlock][] = [];
  for (const [key, { items, after }] of rendered.entries()) {
    const tag = key.indexOf('|');
    const fingerprint = fingerprintOf.get(Number(key.slice(0, tag)));
    const packagedItems = items.map(packagedItemOf);
    if (fingerprint === undefined || packagedItems.some((item) => item === undefined)) continue;
    entries.push([packagedBlockKey(fingerprint, key.slice(tag + 1)), { after, items: packagedItems as PackagedItem[] }]);
  }
  return entries;
}

function packagedItemOf(item: FlowItem): PackagedItem | undefined {
  if (item.kind === 'pageBreak') return item;
  if (item.kind === 'table') {
    const xml = item.table instanceof ReusableTable ? item.table.keptXml() : undefined;
    return xml === undefined ? undefined : { kind: 'table', signatures: item.signatures, xml };
  }
  const variants: [string, WrittenText][] = [];
  let list;
  for (const [variant, paragraph] of item.made) {
    const xml = paragraph instanceof ReusableParagraph ? paragraph.keptXml() : undefined;
    if (xml === undefined) return undefined;
    list = (paragraph as ReusableParagraph).keptList();
    variants.push([variant, xml]);
  }
  if (variants.length === 0) return undefined;
  const style = item.options.style;
  return { kind: 'paragraph', ...(style === undefined ? {} : { style }), keepNext: item.keepNext, spacing: item.spacing, ...(list === undefined ? {} : { list }), variants };
}

function renderBlock(block: Block, ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  switch (block.kind) {
    case 'article':
      return renderArticle(block, ctx, state, out);
    case 'clause':
      return renderClause(block, ctx, state, out);
    case 'paragraph':
      out.push(bodyParagraph(block, ctx, state));
      return;
    case 'list':
      return renderList(block, ctx, state, out);
    case 'table': {
      const table = contractTable(block, state.refs, { x: ctx.x, width: TEXT_WIDTH - ctx.x });
      if (table) out.push({ kind: 'table', table, signatures: false });
      return;
    }
    case 'signatures':
      out.push({ kind: 'table', table: signaturesTable(block, { x: ctx.x, width: TEXT_WIDTH - ctx.x, sample: ctx.sample }), signatures: true });
      return;
    case 'pageBreak':
      out.push({ kind: 'pageBreak' });
      return;
    default:
      assertNever(block);
  }
}

const BODY_SPACING = { before: 0, after: SPACING.paragraphAfter } as const;
const JUSTIFY = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Centred and right-aligned paragraphs are aligned so; the rest are justified (the styles' default). */
const alignment = (align: Align | undefined) => (align === undefined ? {} : { alignment: JUSTIFY[align] });

/**
 * A label column at `x`: the label at `x`, the text (and wrapped lines) at `x + width`; nothing
 * when the list level already indents so.
 */
function labelled(x: number, width: number, list: ListRef, level: number) {
  const indent = { left: twips(x + width), hanging: twips(width) };
  const byLevel = levelIndent(list, level);
  return byLevel && byLevel.left === indent.left && byLevel.hanging === indent.hanging ? {} : { indent };
}

/**
 * A paragraph's numbering: none of its own where its style gives it, the style being bound to
 * `styleLevel` of the list's first instance.
 */
function numberingOf(reference: ListRef, level: number, instance: number, styleLevel = level) {
  return STYLE_BOUND.has(reference) && instance === 0 && level === styleLevel ? {} : { numbering: { reference, level, instance, custom: true } };
}

/** 第N条 title (or N、 title in annexes), then the article's blocks. */
function renderArticle(block: ArticleBlock, ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  const n = ++state.articles;
  const isArticle = block.style === 'article';
  const numbered: Numbered = isArticle ? { list: LIST.articles, instance: 0 } : { list: LIST.sections, instance: ctx.sectionsInstance };
  const width = isArticle ? articleLabelWidth(articleLabel(n)) : sectionLabelWidth(sectionLabel(n));
  const title = block.revision ? inlineRuns([{ kind: block.revision, children: [{ kind: 'text', text: block.title }] }], state.refs) : textRuns(block.title);
  const target = isArticle && ctx.mainBody && ctx.x === 0 ? state.refs.bookmark({ kind: 'article', id: block.id }, title) : title;
  out.push(
    paragraphItem(
      {
        style: isArticle ? STYLE_ID.article : STYLE_ID.section,
        ...numberingOf(numbered.list, 0, numbered.instance),
        ...labelled(ctx.x, width, numbered.list, 0),
        ...paragraphMark(block.revision, state.refs),
      },
      isArticle ? { before: SPACING.articleBefore, after: SPACING.articleAfter } : { before: SPACING.sectionBefore, after: SPACING.sectionAfter },
      target,
    ),
  );
  const saved = state.articles;
  state.articles = 0; // articles nested in this one count from one
  const inner: BlockContext = { ...ctx, numbered, clausePrefix: String(n), clauses: { n: 0 }, clauseDepth: 0 };
  if (state.keeping !== undefined) renderKept(block.children, inner, state, out, state.keeping);
  else renderBlocks(block.children, inner, state, out);
  state.articles = saved;
}

const CLAUSE_STYLES: Readonly<Record<Numbered['list'], readonly [StyleId, StyleId]>> = {
  articles: [STYLE_ID.clause, STYLE_ID.subclause],
  sections: [STYLE_ID.sectionClause, STYLE_ID.sectionSubclause],
};

/** N.M: the first paragraph carries the number, the blocks after it align with its text. */
function renderClause(block: ClauseBlock, ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  const n = ++ctx.clauses.n;
  const numbered = ctx.numbered;
  let label: string;
  let style: StyleId;
  let numbering: { reference: ListRef; level: number; instance: number };
  if (numbered !== null && ctx.clausePrefix !== null) {
    const level = Math.min(ctx.clauseDepth, 1);
    label = `${ctx.clausePrefix}.${n}`;
    style = CLAUSE_STYLES[numbered.list][level === 0 ? 0 : 1];
    numbering = { reference: numbered.list, level: level + 1, instance: numbered.instance };
  } else {
    // A clause outside any article numbers 1. 2. … as in the PDF.
    if (n === 1) state.looseClauseLists++;
    label = `${n}.`;
    style = STYLE_ID.body;
    numbering = { reference: LIST.looseClauses, level: 0, instance: state.looseClauseLists };
  }
  const width = labelColumn(label, SPACING.clauseLabelEm);
  const inner: BlockContext = { ...ctx, x: ctx.x + width, indentFirst: false, clausePrefix: numbered ? label : null, clauses: { n: 0 }, clauseDepth: ctx.clauseDepth + 1 };
  const [first, ...rest] = block.children;
  const lead = first?.kind === 'paragraph' ? first : undefined;
  out.push(
    paragraphItem(
      { style, ...numberingOf(numbering.reference, numbering.level, numbering.instance), ...labelled(ctx.x, width, numbering.reference, numbering.level), ...alignment(lead?.align), ...paragraphMark(lead?.revision, state.refs) },
      BODY_SPACING,
      lead ? inlineRuns(lead.children, state.refs) : [],
    ),
  );
  renderBlocks(lead ? rest : block.children, inner, state, out);
}

function bodyParagraph(block: ParagraphBlock, ctx: BlockContext, state: BlockState): ParagraphItem {
  const indentFirst = ctx.indentFirst && block.align === undefined;
  const indent = ctx.x === 0 && indentFirst ? {} : { indent: { left: twips(ctx.x), firstLine: indentFirst ? FIRST_LINE_INDENT : 0 } };
  return paragraphItem({ ...indent, ...alignment(block.align), ...paragraphMark(block.revision, state.refs) }, BODY_SPACING, inlineRuns(block.children, state.refs));
}

/** （1）（2）… restarting for every list, or bullets; the first paragraph of an item carries the label. */
function renderList(block: ListBlock, ctx: BlockContext, state: BlockState, out: FlowItem[]): void {
  const level = Math.min(ctx.listDepth, 2);
  const instance = block.ordered ? ++state.lists : 0;
  block.items.forEach((item, i) => {
    const label = block.ordered ? itemLabel(i + 1) : BULLET;
    const width = labelColumn(label, block.ordered ? SPACING.itemLabelEm : SPACING.bulletLabelEm);
    const [first, ...rest] = item;
    const lead = first?.kind === 'paragraph' ? first : undefined;
    out.push(
      paragraphItem(
        {
          style: block.ordered ? STYLE_ID.listItem : STYLE_ID.bulletItem,
          ...numberingOf(block.ordered ? LIST.items : LIST.bullets, level, instance, 0),
          ...labelled(ctx.x, width, block.ordered ? LIST.items : LIST.bullets, level),
          ...alignment(lead?.align),
          ...paragraphMark(lead?.revision, state.refs),
        },
        BODY_SPACING,
        lead ? inlineRuns(lead.children, state.refs) : [],
      ),
    );
    renderBlocks(lead ? rest : item, { ...ctx, x: ctx.x + width, indentFirst: false, listDepth: ctx.listDepth + 1 }, state, out);
  });
}

