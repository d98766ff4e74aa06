/**
 * The body of a section as a flat list of paragraphs and tables, before they become docx objects,
 * so that what a block takes from its neighbours can be settled in one place: the space the PDF
 * leaves before and after a table, a paragraph kept on the page of the signature block after it,
 * and a paragraph wherever Word needs one (after a table that ends a section or precedes another).
 */
import { Paragraph, type IParagraphOptions, type ParagraphChild, type Table } from 'docx';
import { SPACING } from '../house-style.js';
import { PackagedParagraph, ReusableParagraph, type List, type WrittenText } from './reuse.js';
import { STYLE_ID } from './style-ids.js';
import { twips } from './units.js';

export interface ParagraphItem {
  readonly kind: 'paragraph';
  /** Everything but spacing and children. */
  readonly options: Omit<IParagraphOptions, 'spacing' | 'children' | 'keepNext'>;
  keepNext: boolean;
  /** The spacing the paragraph's style gives it, in points. */
  readonly spacing: { readonly before: number; readonly after: number };
  /** Extra space the neighbours ask for, in points. */
  extraBefore: number;
  extraAfter: number;
  readonly children: readonly ParagraphChild[];
  /** The paragraphs made from this item (and its copies, reuse.ts), by their spacing. */
  readonly made: Map<string, Paragraph>;
  /** The build's XML of the paragraph (packaged-blocks.ts), and the item as rendered, for what that XML does not cover. */
  readonly packaged?: PackagedSource;
}

export interface PackagedSource {
  readonly variants: readonly (readonly [string, WrittenText])[];
  readonly list: List | undefined;
  readonly fresh: () => ParagraphItem;
}

export interface TableItem {
  readonly kind: 'table';
  readonly table: Table;
  readonly signatures: boolean;
}

/** The next paragraph starts a new page. */
export interface PageBreakItem {
  readonly kind: 'pageBreak';
}

export type FlowItem = ParagraphItem | TableItem | PageBreakItem;

export function paragraphItem(
  options: ParagraphItem['options'],
  spacing: ParagraphItem['spacing'],
  children: readonly ParagraphChild[],
  keepNext = false,
): ParagraphItem {
  return { kind: 'paragraph', options, spacing, children, keepNext, extraBefore: 0, extraAfter: 0, made: new Map() };
}

/** Space after a table, as a paragraph of that exact height where no paragraph follows to carry it. */
const spacer = (): ParagraphItem => paragraphItem({ style: STYLE_ID.tableSpacing }, { before: 0, after: 0 }, []);

/**
 * Settles the neighbours and builds the docx objects of a section's body. `used`: the paragraphs
 * already in the document, which a reused item must not give again.
 */
export function buildFlow(items: readonly FlowItem[], used: Set<Paragraph>): (Paragraph | Table)[] {
  const flow: (ParagraphItem | TableItem)[] = [];
  let breakBefore = false;
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (item.kind === 'pageBreak') {
      // On the next paragraph rather than a paragraph of its own, which would take a line at the
      // top of the new page; where no paragraph follows, a spacer carries it.
      if (next?.kind === 'paragraph') breakBefore = true;
      else flow.push({ ...spacer(), options: { style: STYLE_ID.tableSpacing, pageBreakBefore: true } });
      return;
    }
    if (item.kind === 'paragraph' && breakBefore) {
      flow.push({ ...item, options: { ...item.options, pageBreakBefore: true } });
      breakBefore = false;
      return;
    }
    flow.push(item);
    if (item.kind === 'table' && (next === undefined || next.kind !== 'paragraph')) flow.push(spacer());
  });
  flow.forEach((item, i) => {
    if (item.kind !== 'table') return;
    const before = flow[i - 1];
    const after = flow[i + 1];
    if (before?.kind === 'paragraph') {
      before.extraAfter += item.signatures ? SPACING.signaturesBefore : SPACING.tableBefore;
      // The signature block never stands alone on its page: keep the paragraph before it.
      if (item.signatures) before.keepNext = true;
    }
    if (after?.kind === 'paragraph' && after.options.style !== STYLE_ID.tableSpacing) after.extraBefore += SPACING.tableAfter;
  });
  return flow.map((item) => (item.kind === 'table' ? item.table : toParagraph(item, used)));
}

/** What a paragraph takes from its neighbours, as a key of the paragraphs made from its item. */
export const variantOf = (item: ParagraphItem): string => `${item.keepNext}|${item.extraBefore}|${item.extraAfter}|${item.options.pageBreakBefore === true}`;

/** The item's paragraph, made once per spacing; a document never holds the same paragraph twice. */
function toParagraph(item: ParagraphItem, used: Set<Paragraph>): Paragraph {
  const variant = variantOf(item);
  let paragraph = item.made.get(variant);
  if (paragraph === undefined || used.has(paragraph)) {
    paragraph = item.packaged !== undefined ? packagedParagraph(item, item.packaged, variant) : makeParagraph(item);
    if (!item.made.has(variant)) item.made.set(variant, paragraph);
  }
  used.add(paragraph);
  return paragraph;
}

/** The build's XML for this spacing, else the paragraph as rendered, with the neighbours' spacing. */
function packagedParagraph(item: ParagraphItem, packaged: PackagedSource, variant: string): Paragraph {
  const fresh = () => {
    const rendered = packaged.fresh();
    const options = item.options.pageBreakBefore === true ? { ...rendered.options, pageBreakBefore: true } : rendered.options;
    return makeParagraph({ ...rendered, options, keepNext: item.keepNext, extraBefore: item.extraBefore, extraAfter: item.extraAfter });
  };
  const xml = packaged.variants.find(([v]) => v === variant)?.[1];
  return xml === undefined ? fresh() : new PackagedParagraph(xml, packaged.list, fresh);
}

function makeParagraph(item: ParagraphItem): Paragraph {
  const spacing = {
    ...(item.extraBefore > 0 ? { before: twips(item.spacing.before + item.extraBefore) } : {}),
    ...(item.extraAfter > 0 ? { after: twips(item.spacing.after + item.extraAfter) } : {}),
  };
  return new ReusableParagraph({
    ...item.options,
    ...(item.keepNext ? { keepNext: true } : {}),
    ...(spacing.before !== undefined || spacing.after !== undefined ? { spacing } : {}),
    children: [...item.children],
  });
}
