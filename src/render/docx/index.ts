/**
 * ContractDocument -> DOCX bytes, built with the `docx` package. Pure: no file system, no
 * printing, no process access.
 *
 * The document is the PDF's twin: the same page, margins, type sizes, line heights and spacing
 * (src/render/house-style.ts), the title and main body in one section, each annex in a section
 * of its own that starts a new page and has its own running header. Structure is Word's own:
 * paragraph styles, multilevel numbering bound to them, bookmarks and REF fields for every
 * cross-reference, PAGE and NUMPAGES fields with cached results.
 */
import { Document, SectionType, type File, type ISectionOptions, type Paragraph } from 'docx';
import { annexLabel } from '../../model/numbering.js';
import type { Annex, ContractDocument } from '../../model/types.js';
import { PAGE, SPACING, STYLES } from '../house-style.js';
import { renderTopLevel, rootContext, type BlockState, type Rendered } from './blocks.js';
import { buildFlow, paragraphItem, type FlowItem } from './flow.js';
import { familiesOf, type Families } from './fonts.js';
import { annexHeader, bodyHeader, FOOTER_DISTANCE, HEADER_DISTANCE, pageFooter } from './header-footer.js';
import { inlineRuns, textRuns } from './inlines.js';
import { standInKeptParts } from './kept-parts.js';
import { NUMBERING } from './numbering.js';
import { compileParts, packParts } from './package.js';
import { coreProperties, customProperties } from './properties.js';
import { paragraphMark, References } from './references.js';
import { epochMs } from './reproducible.js';
import { manyDocumentsExpected } from '../../many-documents.js';
import { armReuse } from './reuse.js';
import { releasePackagedBlocks } from './packaged-blocks.js';
import { STYLE_ID } from './style-ids.js';
import { stylesFor } from './styles.js';
import { twips } from './units.js';

export interface DocxOptions {
  /** Seconds since the epoch; when set, output is byte-identical across runs. */
  readonly sourceDateEpoch?: number;
}

export async function renderDocx(doc: ContractDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  if (manyDocumentsExpected()) armReuse();
  const bytes = packParts(await compileParts(buildDocument(doc)), epochMs(options.sourceDateEpoch));
  // From the next document on, blocks are kept here, and the build's are no longer read.
  armReuse();
  releasePackagedBlocks();
  return bytes;
}

const PAGE_SETUP = {
  size: { width: twips(PAGE.width), height: twips(PAGE.height) },
  margin: {
    top: twips(PAGE.marginTop),
    right: twips(PAGE.marginRight),
    bottom: twips(PAGE.marginBottom),
    left: twips(PAGE.marginLeft),
    header: HEADER_DISTANCE,
    footer: FOOTER_DISTANCE,
    gutter: 0,
  },
} as const;

/** What this document has taken from earlier renders (reuse.ts): none of it twice. */
interface Reuse {
  readonly blocks: Set<Rendered>;
  readonly paragraphs: Set<Paragraph>;
}

/** The docx document of a contract, before it is packed. */
export function buildDocument(doc: ContractDocument): File {
  const families = familiesOf(doc.meta);
  const refs = new References(doc);
  const state: BlockState = { refs, articles: 0, lists: 0, looseClauseLists: 0 };
  const reuse: Reuse = { blocks: new Set(), paragraphs: new Set() };

  const body: FlowItem[] = [paragraphItem({ style: STYLE_ID.title }, { before: 0, after: SPACING.titleAfter }, textRuns(doc.meta.title))];
  renderTopLevel(doc.body, rootContext(0, { mainBody: true, sample: false }), state, body, reuse.blocks);
  const sections: ISectionOptions[] = [
    {
      properties: { page: PAGE_SETUP },
      headers: { default: bodyHeader(doc.meta, families) },
      footers: { default: pageFooter() },
      children: buildFlow(body, reuse.paragraphs),
    },
  ];
  doc.annexes.forEach((annex, i) => sections.push(annexSection(doc, annex, i + 1, families, state, reuse)));

  const styles = stylesFor(families);
  const file = new Document({
    ...coreProperties(doc.meta),
    customProperties: customProperties(doc.meta),
    styles,
    numbering: NUMBERING,
    defaultTabStop: twips(2 * STYLES.body.size),
    // A redline opens with Track Changes on, so counsel's own edits to it are tracked too.
    ...(doc.meta.revisionAuthor ? { features: { trackRevisions: true } } : {}),
    sections,
  });
  standInKeptParts(file, styles, families.key);
  return file;
}

/**
 * 附件N (Word numbering, bookmarked for references), the annex title, then its body; its sections
 * restart at 一、. The footer carries on from the first section.
 */
function annexSection(doc: ContractDocument, annex: Annex, position: number, families: Families, state: BlockState, reuse: Reuse): ISectionOptions {
  const target = { kind: 'annex', id: annex.id } as const;
  const items: FlowItem[] = [
    paragraphItem(
      { style: STYLE_ID.annexLabel, ...paragraphMark(annex.revision, state.refs) }, // numbered 附件%1 by its style
      { before: 0, after: 0 },
      state.refs.bookmark(target, []),
    ),
    paragraphItem(
      { style: STYLE_ID.annexTitle, ...paragraphMark(annex.revision, state.refs) },
      { before: 0, after: SPACING.annexTitleAfter },
      // A redline's annex added or dropped as a whole: its title is a tracked change too.
      annex.revision ? inlineRuns([{ kind: annex.revision, children: [{ kind: 'text', text: annex.title }] }], state.refs) : textRuns(annex.title),
    ),
  ];
  state.articles = 0;
  renderTopLevel(annex.body, rootContext(position, { mainBody: false, sample: annex.role === 'form' }), state, items, reuse.blocks);
  return {
    properties: { type: SectionType.NEXT_PAGE, page: PAGE_SETUP },
    headers: { default: annexHeader(doc.meta, families, annex, annexLabel(position), state.refs) },
    children: buildFlow(items, reuse.paragraphs),
  };
}
