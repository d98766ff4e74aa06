/** Read-only context of the block being laid out, and the numbering scope it counts in. */
import type { OutlineEntry } from './layout.js';

export interface Ctx {
  /** Left edge and width of the column the block occupies. */
  readonly x: number;
  readonly width: number;
  /** Number of the enclosing article or section (clause labels N.M); 0 outside any. */
  readonly number: number;
  /** Clauses counted so far in the enclosing article. */
  readonly clauses: { n: number };
  /** Body paragraphs at this level get a 2em first-line indent. */
  readonly indentFirst: boolean;
  /**
   * Signature blocks get signature fields (/Sig widgets). Not in a sample form (格式文本): a
   * field there would invite signing a blank agreement.
   */
  readonly sign: boolean;
}

/** Articles (第N条) or annex sections (N、) counted so far, and where their bookmarks go. */
export interface Scope {
  articles: number;
  readonly outline: OutlineEntry[];
}
