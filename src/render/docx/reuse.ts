/**
 * What a contract's DOCX takes from the contracts rendered before it in the same process.
 *
 * The contracts of a batch share most of their text: the same templates with other names and
 * numbers. Building a block's docx objects, docx turning them into its XML objects and those into
 * text are most of what a DOCX costs (warm, per contract of the example: 13 ms building, 14 ms
 * XML objects, ~12 ms text, of 55 ms), so all three are done once per distinct top-level block:
 *
 * - the flow items of a top-level block are kept under a key made of the block itself and all it
 *   reads of its surroundings: the context, the part's counters, the next bookmark id and the
 *   document's bookmark names (blocks.ts). A block with the same key later gets copies of those
 *   items, and the counters as the first one left them. An article that is not kept whole (it
 *   holds a name or a price of its own) takes its other blocks, its clauses, kept so, one by one;
 * - a paragraph item keeps the paragraph made from it (one per spacing its neighbours give it,
 *   flow.ts), and each paragraph and table keeps the XML docx wrote for it the first time. In a
 *   later document it is written as a mark (`<w:p contract-again="7"/>`) that `settleReuse`
 *   replaces with that XML, in one pass over document.xml, as docx itself puts numbering ids in.
 *   docx writes a paragraph the same in any document (it says so of reusing one), except for the
 *   section properties it adds to the last paragraph of a section while writing (such a write is
 *   never marked nor kept) and the list instance a numbered paragraph declares to its document,
 *   which is declared again on every reuse and whose number is put in for each document.
 *
 * The bytes are those of a render without reuse (test/render/docx/reuse.test.ts). At most
 * MAX_BLOCKS blocks are kept, the least recently used dropped first: about one contract's blocks,
 * as the blocks a batch shares are used again by every contract.
 */
import { Paragraph, Table, XmlComponent, type File, type IContext, type IParagraphOptions, type IXmlableObject } from 'docx';

type SectionProperties = Parameters<Paragraph['addSectionProperties']>[0];

/** A contract has ~80 top-level blocks; kept blocks hold ~3 MB in all. */
export const MAX_BLOCKS = 100;

/**
 * The blocks of the articles not kept whole (blocks.ts): in a contract of the bench, 29 blocks of
 * such articles, 24 of them the same in every contract, 5 its own. Room for about one contract's,
 * as for the top-level blocks (64 instead held 3 MB more at the peak of a 200-input batch).
 */
export const MAX_ARTICLE_BLOCKS = 32;

/**
 * Reuse starts with the second document a process renders: keeping costs the first one ~14 ms
 * (keys, marks, copies of its XML), which a process that renders one contract, a cold
 * `contract gen`, would pay for nothing. A thread told that many documents are coming (a batch's
 * worker: many-documents.ts) keeps from its first, and its second is the first to reuse.
 */
let armed = false;

export const reuseArmed = (): boolean => armed;

/** Called when a document has been rendered: the next ones keep and reuse. */
export function armReuse(): void {
  armed = true;
}

/** For tests: the process as if it had rendered nothing yet (what is kept stays until forgotten). */
export function disarmReuse(): void {
  armed = false;
}

/** Marks on an element's start tag while docx writes it, taken off again by `settleReuse`. */
const FIRST = 'contract-first';
const AGAIN = 'contract-again';

export type List = { readonly reference: string; readonly instance: number };

/** An element's XML, whole or split around its list's w:numId value (which is per document): UTF-8, or text as a package holds it. */
type Written = readonly [Uint8Array | string] | readonly [Uint8Array | string, Uint8Array | string];
/** An element's XML as text, as the build packages it (packaged-blocks.ts). */
export type WrittenText = readonly [string] | readonly [string, string];

/** The elements being written in each document, by their marks. */
const writing = new WeakMap<object, Map<number, Kept>>();
let nextMark = 1;

const isAttributes = (child: unknown): boolean => typeof child === 'object' && child !== null && Object.keys(child)[0] === '_attr';

/**
 * The XML docx wrote for one paragraph or table, kept from its first document for the next ones;
 * split around its list's w:numId value, which is per document.
 */
class Kept {
  private written: Written | undefined;
  readonly mark = nextMark++;

  /** `packaged`: the XML the build wrote for the element, which stands for it even in a process's first document. */
  constructor(
    readonly tag: 'w:p' | 'w:tbl',
    readonly list: List | undefined,
    packaged?: WrittenText,
  ) {
    this.written = packaged;
  }

  /** What docx is to write for the element: marked the first time, a mark standing for it later. */
  write(context: IContext, fresh: () => IXmlableObject | undefined): IXmlableObject | undefined {
    if (!armed && this.written === undefined) return fresh();
    let marks = writing.get(context.file);
    if (marks === undefined) writing.set(context.file, (marks = new Map()));
    marks.set(this.mark, this);
    if (this.written !== undefined) {
      // What docx's paragraph properties do on every write: the document gets the list instance.
      if (this.list) context.file.Numbering.createConcreteNumberingInstance(this.list.reference, this.list.instance);
      return { [this.tag]: { _attr: { [AGAIN]: this.mark } } };
    }
    const xml = fresh();
    const children = xml?.[this.tag];
    // Kept: an element with content and no attributes of its own (an empty one is written <w:p/>,
    // which a mark would change).
    if (!Array.isArray(children) || children.length === 0 || children.some(isAttributes)) return xml;
    return { [this.tag]: [{ _attr: { [FIRST]: this.mark } }, ...children] };
  }

  /** Keeps the XML docx wrote, as UTF-8 (what the package holds); `numId`: the element's list in that document. */
  keep(xml: string, numId: number | undefined): void {
    if (numId === undefined) {
      if (!xml.includes('<w:numId ')) this.written = [utf8(xml)];
      return;
    }
    const parts = xml.split(`<w:numId w:val="${numId}"/>`);
    if (parts.length === 2) this.written = [utf8(`${parts[0]}<w:numId w:val="`), utf8(`"/>${parts[1]}`)];
  }

  /** The XML kept, as text; undefined while there is none. */
  text(): WrittenText | undefined {
    const written = this.written;
    if (written === undefined) return undefined;
    const text = (piece: Uint8Array | string) => (typeof piece === 'string' ? piece : decoder.decode(piece));
    return written.length === 1 ? [text(written[0])] : [text(written[0]), text(written[1])];
  }

  /** Adds to `into` the XML in a document where the element's list is `numId`; false if it has none for it. */
  writeFor(numId: number | undefined, into: DocumentPieces): boolean {
    const written = this.written;
    if (written === undefined) return false;
    if (written.length === 1) {
      if (this.list) return false;
      into.add(written[0]);
      return true;
    }
    if (numId === undefined) return false;
    into.add(written[0]).add(String(numId)).add(written[1]);
    return true;
  }
}

/** UTF-8 in a buffer of its own (Buffer.from may return a view of a shared pool, which keeping would pin). */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

/**
 * document.xml put together from text and kept UTF-8, encoded once into one buffer. Joining it as
 * a string first made V8 copy the ~300 KB of joined text into one string to encode it, in memory
 * it takes afresh for each contract, and encoded the kept elements again each time.
 */
class DocumentPieces {
  private readonly pieces: (string | Uint8Array)[] = [];
  private size = 0;

  add(piece: string | Uint8Array): this {
    if (piece.length === 0) return this;
    this.pieces.push(piece);
    this.size += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
    return this;
  }

  bytes(): Uint8Array {
    const out = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i]!;
      if (typeof piece === 'string') at += out.write(piece, at);
      else {
        out.set(piece, at);
        at += piece.length;
      }
    }
    if (at !== this.size) throw new Error(`docx reuse: document.xml is ${at} bytes, not ${this.size}`);
    return out;
  }
}

/**
 * A paragraph that keeps the XML docx writes for it the first time, and stands in a later
 * document as a mark that `settleReuse` replaces with that XML.
 */
export class ReusableParagraph extends Paragraph {
  #endsSection = false;
  /** A list given by its definition rather than its name is declared by docx itself: never kept. */
  readonly #kept: Kept | undefined;

  constructor(options: IParagraphOptions) {
    super(options);
    const numbering = options.numbering;
    if (!numbering) this.#kept = new Kept('w:p', undefined);
    else if (typeof numbering.reference === 'string') this.#kept = new Kept('w:p', { reference: numbering.reference, instance: numbering.instance ?? 0 });
  }

  override addSectionProperties(sectionProperties: SectionProperties): void {
    this.#endsSection = true;
    super.addSectionProperties(sectionProperties);
  }

  override removeSectionProperties(sectionProperties: SectionProperties): void {
    super.removeSectionProperties(sectionProperties);
    this.#endsSection = false;
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    if (this.#endsSection || this.#kept === undefined) return super.prepForXml(context);
    return this.#kept.write(context, () => super.prepForXml(context));
  }

  /** The XML kept for the paragraph, as text; undefined while there is none. */
  keptXml(): WrittenText | undefined {
    return this.#kept?.text();
  }

  /** The list the paragraph declares to its document, if it is kept with one. */
  keptList(): List | undefined {
    return this.#kept?.list;
  }
}

/**
 * A table that keeps its XML as ReusableParagraph does. Its width is given in twips, so its XML
 * does not depend on the section it is in.
 */
export class ReusableTable extends Table {
  readonly #kept = new Kept('w:tbl', undefined);

  override prepForXml(context: IContext): IXmlableObject | undefined {
    return this.#kept.write(context, () => super.prepForXml(context));
  }

  /** The XML kept for the table, as text; undefined while there is none. */
  keptXml(): WrittenText | undefined {
    return this.#kept.text();
  }
}

/**
 * A paragraph of the build's XML (packaged-blocks.ts), written as a mark that `settleReuse`
 * replaces with it. A paragraph that ends a section carries the section's properties, which the
 * packaged XML does not hold: it is then written by the paragraph `fresh` makes, as docx would.
 */
export class PackagedParagraph extends Paragraph {
  readonly #kept: Kept;
  readonly #fresh: () => Paragraph;
  #section: SectionProperties | undefined;

  constructor(xml: WrittenText, list: List | undefined, fresh: () => Paragraph) {
    super({});
    this.#kept = new Kept('w:p', list, xml);
    this.#fresh = fresh;
  }

  override addSectionProperties(sectionProperties: SectionProperties): void {
    this.#section = sectionProperties;
  }

  override removeSectionProperties(): void {
    this.#section = undefined;
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const section = this.#section;
    if (section === undefined) return this.#kept.write(context, () => undefined);
    const paragraph = this.#fresh();
    paragraph.addSectionProperties(section);
    try {
      return paragraph.prepForXml(context);
    } finally {
      paragraph.removeSectionProperties(section);
    }
  }
}

/** A table of the build's XML, written as PackagedParagraph is (a table never carries a section's properties). */
export class PackagedTable extends XmlComponent {
  readonly #kept: Kept;

  constructor(xml: WrittenText) {
    super('w:tbl');
    this.#kept = new Kept('w:tbl', undefined, xml);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    return this.#kept.write(context, () => undefined);
  }
}

const MARKED = new RegExp(`<(w:p|w:tbl) ${FIRST}="(\\d+)">|<(?:w:p|w:tbl) ${AGAIN}="(\\d+)"/>`, 'g');

/**
 * document.xml as docx wrote it for `file`, with the marks of reusable elements settled: one
 * written for the first time is kept and unmarked, one written before is put back. As docx wrote
 * it when nothing is marked (a process's first document), else as UTF-8.
 */
export function settleReuse(documentXml: string, file: File): string | Uint8Array {
  const marks = writing.get(file);
  if (marks === undefined) return documentXml;
  writing.delete(file);
  const numIds = new Map(file.Numbering.ConcreteNumbering.map((n) => [`${n.reference}-${n.instance}`, n.numId]));
  const numIdOf = (kept: Kept) => (kept.list === undefined ? undefined : numIds.get(`${kept.list.reference}-${kept.list.instance}`));
  const out = new DocumentPieces();
  let from = 0;
  // The regex is shared: a search left half done by a throw must not decide where this one starts.
  MARKED.lastIndex = 0;
  for (let m = MARKED.exec(documentXml); m !== null; m = MARKED.exec(documentXml)) {
    const kept = marks.get(Number(m[2] ?? m[3]));
    if (kept === undefined) throw new Error(`docx reuse: unknown mark ${m[0]}`);
    out.add(documentXml.slice(from, m.index));
    if (m[1] !== undefined) {
      const close = `</${m[1]}>`;
      const end = documentXml.indexOf(close, MARKED.lastIndex) + close.length;
      const xml = `<${m[1]}>${documentXml.slice(MARKED.lastIndex, end)}`;
      // Kept unless another element of its kind is inside it (its end would not be this one's).
      if (!xml.includes(`<${m[1]}>`, 1) && !xml.includes(`<${m[1]} `, 1)) kept.keep(xml, numIdOf(kept));
      out.add(xml);
      from = end;
      MARKED.lastIndex = end;
    } else {
      if (!kept.writeFor(numIdOf(kept), out)) throw new Error('docx reuse: an element written before has no XML for this document');
      from = MARKED.lastIndex;
    }
  }
  return out.add(documentXml.slice(from)).bytes();
}
