/**
 * Page furniture as the PDF draws it (src/render/pdf/header-footer.ts): a running header naming
 * the document on the left (the contract's title; in an annex its label and title, 附件二 保密协议,
 * marked （样本） in a sample form) and the contract number on the right, over a thin grey rule; the
 * footer 第 X 页 共 Y 页 as PAGE and NUMPAGES fields with cached results; in draft mode the grey
 * diagonal 草稿 DRAFT mark on every page, as Word's own watermark (a WordArt shape in the header).
 * The annex label in a header is a REF field to the annex's bookmark, so it follows renumbering.
 */
import { Footer, Header, Paragraph, SimpleField, Tab, TextRun, type ParagraphChild } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { Annex, DocumentMeta } from '../../model/types.js';
import { HEADER_FOOTER, PAGE, STYLES, WATERMARK, type TextStyle } from '../house-style.js';
import type { Families } from './fonts.js';
import { textRuns } from './inlines.js';
import { textEm } from './measure.js';
import type { References } from './references.js';
import { STYLE_ID } from './style-ids.js';
import { grayHex, twips } from './units.js';

/** Where the PDF puts a line's baseline below the top of its line box (src/render/pdf/layout.ts baselineOf). */
const baselineBelowTop = (style: TextStyle): number => (style.lineHeight - style.size) / 2 + style.size * 0.88;

/** Distances of the header's top from the page's top, and of the footer's bottom from the page's bottom. */
export const HEADER_DISTANCE = twips(HEADER_FOOTER.headerBaseline - baselineBelowTop(STYLES.header));
export const FOOTER_DISTANCE = twips(PAGE.height - HEADER_FOOTER.footerBaseline - (STYLES.footer.lineHeight - baselineBelowTop(STYLES.footer)));

export const SAMPLE_MARK = '（样本）';

function watermark(families: Families): TextWatermark {
  const s = STYLES.watermark;
  return new TextWatermark({
    text: WATERMARK.text,
    font: families.heading.eastAsia ?? families.heading.ascii ?? '',
    bold: true,
    color: grayHex(WATERMARK.gray),
    opacity: 1,
    rotation: 360 - WATERMARK.angleDeg,
    width: textEm(WATERMARK.text) * s.size,
    height: s.size,
  });
}

function header(meta: DocumentMeta, families: Families, left: readonly ParagraphChild[]): Header {
  const children: ParagraphChild[] = [];
  if (meta.draft) children.push(watermark(families) as unknown as ParagraphChild);
  children.push(...left, new TextRun({ children: [new Tab()] }), ...textRuns(`合同编号：${meta.number}`));
  return new Header({ children: [new Paragraph({ style: STYLE_ID.header, children })] });
}

/** The main body's header: the contract's title. */
export const bodyHeader = (meta: DocumentMeta, families: Families): Header => header(meta, families, textRuns(meta.title));

/** An annex's header: its label (live) and title, marked as a sample for a form. */
export function annexHeader(meta: DocumentMeta, families: Families, annex: Annex, label: string, refs: References): Header {
  const title = `${annex.title}${annex.role === 'form' ? SAMPLE_MARK : ''}`;
  return header(meta, families, [refs.field({ kind: 'annex', id: annex.id }, label, {}, { link: false }), ...textRuns(` ${title}`)]);
}

/** 第 X 页 共 Y 页: the same for every contract. */
export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_ID.footer,
        children: [...textRuns('第 '), new SimpleField('PAGE', '1'), ...textRuns(' 页 共 '), new SimpleField('NUMPAGES', '1'), ...textRuns(' 页')],
      }),
    ],
  });
}
