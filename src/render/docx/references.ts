/**
 * Live cross-references. Every article of the main body and every annex label carries a
 * bookmark; a reference to it (第十二条, 附件二) is a REF field to that bookmark with `\r`, so its
 * result is the paragraph number Word gives the target (第%1条, 附件%1 are Word numbering), and
 * `\h`, so it is a link. Inserting an article or an annex in Word or WPS renumbers the targets and,
 * when fields are updated, every reference to them. The cached result is the label as numbered
 * today, so the file reads right before any update.
 *
 * Bookmark names start with `_Ref`, as Word's own cross-reference bookmarks do, which keeps them
 * out of the user's bookmark list; ids are counted per document, so the XML never depends on what
 * was rendered before in the same process.
 */
import { BookmarkEnd, BookmarkStart, BuilderElement, TextRun, type IRunOptions, type ParagraphChild, type XmlComponent } from 'docx';
import type { ContractDocument, RefTarget, Revision } from '../../model/types.js';

/** What a paragraph's children may hold at run time; docx's type lists fewer kinds than it writes. */
export const asChild = (component: XmlComponent): ParagraphChild => component as unknown as ParagraphChild;

const MAX_NAME = 40; // Word's limit on bookmark names

/** Who made a redline's tracked changes and when, with the id Word wants on each. */
export interface RevisionMark {
  readonly id: number;
  readonly author: string;
  readonly date: string;
}

export class References {
  private readonly names = new Map<string, string>();
  private nextId = 1;
  private readonly revisionAuthor: ContractDocument['meta']['revisionAuthor'];
  /** Everything besides the id counter that a block's runs take from here: its bookmark names and the redline's author. */
  readonly fingerprint: string;

  constructor(doc: ContractDocument) {
    this.revisionAuthor = doc.meta.revisionAuthor;
    const taken = new Set<string>();
    const add = (target: RefTarget) => {
      const base = `_Ref_${target.kind}_${target.id.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, MAX_NAME);
      let name = base;
      for (let k = 2; taken.has(name); k++) name = `${base.slice(0, MAX_NAME - String(k).length - 1)}_${k}`;
      taken.add(name);
      this.names.set(key(target), name);
    };
    for (const block of doc.body) if (block.kind === 'article' && block.style === 'article') add({ kind: 'article', id: block.id });
    for (const annex of doc.annexes) add({ kind: 'annex', id: annex.id });
    this.fingerprint = JSON.stringify([[...this.names], this.revisionAuthor ?? null]);
  }

  /** The id the next bookmark or tracked change gets (read and set when rendered blocks are reused). */
  get idCounter(): number {
    return this.nextId;
  }

  set idCounter(next: number) {
    this.nextId = next;
  }

  /**
   * The attributes of one more tracked change (ids are counted per document, as bookmarks are).
   * A redline names its author; a change in a document without one is still attributed.
   */
  revision(): RevisionMark {
    const by = this.revisionAuthor ?? { name: 'contract', date: '1970-01-01T00:00:00Z' };
    // One counter with the bookmarks: an id is unique among all of a document's annotations.
    return { id: this.nextId++, author: by.name, date: by.date };
  }

  /** The bookmark name of a target, if the document has it. */
  nameOf(target: RefTarget): string | undefined {
    return this.names.get(key(target));
  }

  /** The bookmark of a target around `children` (nothing around when empty). */
  bookmark(target: RefTarget, children: readonly ParagraphChild[]): ParagraphChild[] {
    const name = this.nameOf(target);
    if (name === undefined) return [...children];
    const id = this.nextId++;
    return [asChild(new BookmarkStart(name, id)), ...children, asChild(new BookmarkEnd(id))];
  }

  /**
   * A REF field to the target with `text` as its cached result, formatted like the text around it;
   * plain text when the document has no such target.
   */
  field(target: RefTarget, text: string, run: IRunOptions, options: { link: boolean }): ParagraphChild {
    const name = this.nameOf(target);
    const result = new TextRun({ ...run, text });
    if (name === undefined) return result;
    return asChild(
      new BuilderElement<{ instr: string }>({
        name: 'w:fldSimple',
        attributes: { instr: { key: 'w:instr', value: ` REF ${name} \\r${options.link ? ' \\h' : ''} ` } },
        children: [result],
      }),
    );
  }
}

const key = (target: RefTarget): string => `${target.kind}:${target.id}`;

/**
 * A redline's paragraph added or removed as a whole: its paragraph mark is a tracked change too,
 * so rejecting an insertion (or accepting a deletion) leaves no empty paragraph behind.
 */
export function paragraphMark(revision: Revision | undefined, refs: References) {
  if (revision === undefined) return {};
  return { run: revision === 'ins' ? { insertion: refs.revision() } : { deletion: refs.revision() } };
}
