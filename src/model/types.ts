/**
 * The one document model every renderer consumes. Numbering (第三条, 3.1, （1）, 附件二)
 * is never stored here: renderers derive it from position (see numbering.ts), so dropping
 * an article or an annex renumbers the rest in every format.
 */

/** Where a node came from: the template file and line, for warnings. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
}

/** What a cross-reference points at: an article of the main body or an included annex. */
export type RefTarget =
  | { readonly kind: 'article'; readonly id: string }
  | { readonly kind: 'annex'; readonly id: string };

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  /** A value left to fill in: an unfilled optional one, or a required one missing from a draft; printed as ____ (only in draft mode). */
  | { readonly kind: 'blank'; readonly hint: string }
  /**
   * A cross-reference (第十二条, 附件二). `text` is its label as numbered today, for renderers
   * that cannot compute it live: the DOCX writes a REF field with `text` as the cached result,
   * the PDF a link to the target.
   */
  | { readonly kind: 'ref'; readonly target: RefTarget; readonly text: string }
  /**
   * A tracked change of a redline (two versions of one contract compared): words added in
   * the new version (`ins`) or removed from the old one (`del`). The DOCX writes them as Word
   * revisions (w:ins / w:del) that Accept and Reject act on; the PDF as blue underlined and
   * red struck-through text.
   */
  | { readonly kind: 'ins' | 'del'; readonly children: readonly Inline[] };

/** A whole paragraph, table row, article or annex added or removed in a redline. */
export type Revision = 'ins' | 'del';

export type Align = 'left' | 'center' | 'right';

export interface ArticleBlock {
  readonly kind: 'article';
  /** Stable id: the template name in the main body (`fees`), a slug in annexes. */
  readonly id: string;
  readonly title: string;
  /** `article` numbers as 第N条 (main body); `section` as 一、 (inside annexes). */
  readonly style: 'article' | 'section';
  readonly children: readonly Block[];
  readonly source?: SourcePos;
  /** Redlines: the whole article was added or removed (its heading is marked; its text carries its own marks). */
  readonly revision?: Revision;
}

/** A numbered clause N.M of the enclosing article. */
export interface ClauseBlock {
  readonly kind: 'clause';
  readonly children: readonly Block[];
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly children: readonly Inline[];
  readonly align?: Align;
  /** Redlines: the paragraph itself (its mark) was added or removed, not only words in it. */
  readonly revision?: Revision;
}

/** Ordered items number as （1）（2）; unordered ones get a bullet. */
export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly (readonly Block[])[];
}

export interface TableBlock {
  readonly kind: 'table';
  readonly header: readonly (readonly Inline[])[];
  readonly rows: readonly (readonly (readonly Inline[])[])[];
  readonly align?: readonly Align[];
  /** Redlines: per row, whether the whole row was added or removed (undefined: neither). */
  readonly rowRevisions?: readonly (Revision | undefined)[];
}

export interface SignatureField {
  readonly label: string;
  /** null: a line to be filled in by hand (signature, seal, date). */
  readonly value: string | null;
}

export interface SignatureParty {
  /** 甲方 / 乙方 */
  readonly role: string;
  readonly name: string;
  readonly fields: readonly SignatureField[];
}

export interface SignaturesBlock {
  readonly kind: 'signatures';
  readonly parties: readonly SignatureParty[];
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

export type Block =
  | ArticleBlock
  | ClauseBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | SignaturesBlock
  | PageBreakBlock;

/**
 * What an annex is, legally:
 * - `integral`: part of the contract, executed by the contract's own signatures;
 * - `signed`: an agreement of its own, executed with its own signature block;
 * - `form`: a 格式文本 (sample form) for later use; not executed, no signature fields;
 * - `reference`: a living document (a log, a manual) the contract refers to, kept up to date
 *   without a change agreement.
 */
export type AnnexRole = 'integral' | 'signed' | 'form' | 'reference';

export interface Annex {
  /** The annex key of the params file: `feeSchedule`, `sla`, … */
  readonly id: string;
  readonly title: string;
  readonly role: AnnexRole;
  readonly body: readonly Block[];
  /** Redlines: the whole annex was added or removed. */
  readonly revision?: Revision;
}

export interface PartyMeta {
  readonly name: string;
  readonly creditCode: string;
}

export interface DocumentMeta {
  readonly title: string;
  readonly number: string;
  readonly client: PartyMeta;
  readonly provider: PartyMeta;
  /** ISO date of signing, e.g. 2025-03-01; ____ when a draft leaves it open. Every text field of meta likewise. */
  readonly signingDate: string;
  readonly language: 'zh-CN';
  /** Draft mode: every page carries a 草稿 DRAFT mark. */
  readonly draft: boolean;
  /**
   * The font families chosen for body text and headings (params `document.fonts` or the CLI's
   * `--font`), as their family names; absent: the house style's defaults. The PDF embeds the
   * fonts these name (resolved by src/fonts); the DOCX names the same families.
   */
  readonly fonts?: { readonly body: string; readonly heading: string };
  /** Redlines: who made the tracked changes and when (ISO date-time), for Word's revision marks. */
  readonly revisionAuthor?: { readonly name: string; readonly date: string };
}

export interface ContractDocument {
  readonly meta: DocumentMeta;
  /** Preamble paragraphs, then the articles, then the signature block. */
  readonly body: readonly Block[];
  /** In order; the position (1-based) gives 附件一, 附件二 … */
  readonly annexes: readonly Annex[];
}

/** Exhaustiveness check for `switch (block.kind)` in renderers. */
export function assertNever(value: never): never {
  throw new Error(`unhandled node: ${JSON.stringify(value)}`);
}
