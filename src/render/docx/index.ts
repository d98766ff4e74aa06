/**
 * ContractDocument -> DOCX bytes. Pure: no file system, no printing, no process access.
 *
 * The WordprocessingML is written directly as text in schema order (see props.ts): the
 * styles, numbering definitions, settings and package parts are constants, the body is one
 * string built by one function per block kind (blocks.ts), and the zip is made once with
 * fflate (reproducible.ts). This is several times faster than building a docx object tree
 * and gives full control of fields, ids and escaping.
 */
import { annexLabel } from '../../model/numbering.js';
import type { Annex, ContractDocument } from '../../model/types.js';
import { paragraphXml, renderBlocks, rootContext } from './blocks.js';
import { FOOTER_XML, headerXml } from './header-footer.js';
import { run } from './inlines.js';
import { PAGE } from './layout.js';
import { FIXED_NUM, NumberingState } from './numbering.js';
import { CONTENT_TYPES_XML, DOCUMENT_RELS_XML, FONT_TABLE_XML, PART, REL_ID, ROOT_RELS_XML, SETTINGS_XML } from './package.js';
import { APP_XML, coreXml, customXml } from './properties.js';
import { epochMs, zipParts } from './reproducible.js';
import { STYLE, STYLES_XML } from './styles.js';
import { W_NAMESPACES, XML_DECLARATION } from './xml.js';

export interface DocxOptions {
  /** Seconds since the epoch; when set, output is byte-identical across runs. */
  readonly sourceDateEpoch?: number;
}

export async function renderDocx(doc: ContractDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  return renderDocxSync(doc, options);
}

/** The same, synchronously (nothing in it waits). */
export function renderDocxSync(doc: ContractDocument, options: DocxOptions = {}): Uint8Array {
  const numbering = new NumberingState();
  const body = documentXml(doc, numbering);
  const time = epochMs(options.sourceDateEpoch);
  return zipParts(
    [
      [PART.contentTypes, CONTENT_TYPES_XML],
      [PART.rels, ROOT_RELS_XML],
      [PART.document, body],
      [PART.documentRels, DOCUMENT_RELS_XML],
      [PART.styles, STYLES_XML],
      [PART.numbering, numbering.toXml()],
      [PART.settings, SETTINGS_XML],
      [PART.fontTable, FONT_TABLE_XML],
      [PART.header, headerXml(doc.meta)],
      [PART.footer, FOOTER_XML],
      [PART.core, coreXml(doc.meta, time)],
      [PART.app, APP_XML],
      [PART.custom, customXml(doc.meta)],
    ],
    time,
  );
}

const m = PAGE.margin;
const SECTION =
  `<w:sectPr><w:headerReference w:type="default" r:id="${REL_ID.header}"/><w:footerReference w:type="default" r:id="${REL_ID.footer}"/>` +
  `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
  `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
  '<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>';

/** word/document.xml: the title, the body, then each annex on a new page. */
function documentXml(doc: ContractDocument, numbering: NumberingState): string {
  let x = `${XML_DECLARATION}<w:document ${W_NAMESPACES}><w:body>`;
  x += paragraphXml({ style: STYLE.title }, run(doc.meta.title));
  x += renderBlocks(doc.body, rootContext(FIXED_NUM.sections), numbering);
  doc.annexes.forEach((annex, i) => {
    x += annexXml(annex, i + 1, numbering);
  });
  if (x.endsWith('</w:tbl>')) x += '<w:p/>'; // the body must end with a paragraph
  return `${x}${SECTION}</w:body></w:document>`;
}

/** 附件N (a page break before it, from its style), the annex title, then its body; its sections restart at 一、. */
function annexXml(annex: Annex, position: number, numbering: NumberingState): string {
  return (
    paragraphXml({ style: STYLE.annexLabel }, run(annexLabel(position))) +
    paragraphXml({ style: STYLE.annexTitle }, run(annex.title)) +
    renderBlocks(annex.body, rootContext(numbering.newSections()), numbering)
  );
}
