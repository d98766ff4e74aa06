/**
 * Paragraph and run properties, always written in the schema's element order
 * (ECMA-376 CT_PPrBase / CT_RPr): an element out of order is what makes Word offer to
 * repair a file.
 */
import { esc, val } from './xml.js';

export type Jc = 'left' | 'center' | 'right' | 'both';

export interface Fonts {
  readonly ascii: string;
  readonly eastAsia: string;
}

export interface RunProps {
  readonly fonts?: Fonts;
  readonly bold?: boolean;
  readonly color?: string;
  /** Half-points. */
  readonly size?: number;
  readonly underline?: boolean;
  readonly lang?: { readonly value: string; readonly eastAsia: string };
}

export interface Numbering {
  readonly numId: number;
  readonly ilvl: number;
}

export interface ParaProps {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly widowControl?: boolean;
  readonly numbering?: Numbering;
  readonly borderBottom?: { readonly color: string; readonly size: number };
  readonly spacing?: { readonly before?: number; readonly after?: number; readonly line?: number };
  /** Twips; `firstLineChars` in hundredths of a character (Word), `firstLine` for LibreOffice. */
  readonly indent?: { readonly left?: number; readonly firstLine?: number; readonly firstLineChars?: number };
  readonly jc?: Jc;
  readonly outlineLevel?: number;
  /** Properties of the paragraph mark. */
  readonly run?: RunProps;
}

export function rPr(p: RunProps): string {
  let x = '';
  if (p.fonts) {
    const a = esc(p.fonts.ascii);
    x += `<w:rFonts w:ascii="${a}" w:hAnsi="${a}" w:eastAsia="${esc(p.fonts.eastAsia)}" w:cs="${a}" w:hint="eastAsia"/>`;
  }
  if (p.bold) x += '<w:b/><w:bCs/>';
  if (p.color) x += val('color', p.color);
  if (p.size) x += `${val('sz', p.size)}${val('szCs', p.size)}`;
  if (p.underline) x += val('u', 'single');
  if (p.lang) x += `<w:lang w:val="${esc(p.lang.value)}" w:eastAsia="${esc(p.lang.eastAsia)}"/>`;
  return x === '' ? '' : `<w:rPr>${x}</w:rPr>`;
}

export function pPr(p: ParaProps): string {
  let x = '';
  if (p.style) x += val('pStyle', p.style);
  if (p.keepNext) x += '<w:keepNext/>';
  if (p.keepLines) x += '<w:keepLines/>';
  if (p.pageBreakBefore) x += '<w:pageBreakBefore/>';
  if (p.widowControl) x += '<w:widowControl/>';
  if (p.numbering) x += `<w:numPr>${val('ilvl', p.numbering.ilvl)}${val('numId', p.numbering.numId)}</w:numPr>`;
  if (p.borderBottom) x += `<w:pBdr><w:bottom w:val="single" w:sz="${p.borderBottom.size}" w:space="1" w:color="${p.borderBottom.color}"/></w:pBdr>`;
  if (p.spacing) {
    const s = p.spacing;
    x += `<w:spacing${s.before !== undefined ? ` w:before="${s.before}"` : ''}${s.after !== undefined ? ` w:after="${s.after}"` : ''}${
      s.line !== undefined ? ` w:line="${s.line}" w:lineRule="auto"` : ''
    }/>`;
  }
  if (p.indent) {
    const i = p.indent;
    x += `<w:ind${i.left !== undefined ? ` w:left="${i.left}"` : ''}${i.firstLineChars !== undefined ? ` w:firstLineChars="${i.firstLineChars}"` : ''}${
      i.firstLine !== undefined ? ` w:firstLine="${i.firstLine}"` : ''
    }/>`;
  }
  if (p.jc) x += val('jc', p.jc);
  if (p.outlineLevel !== undefined) x += val('outlineLvl', p.outlineLevel);
  if (p.run) x += rPr(p.run);
  return x === '' ? '' : `<w:pPr>${x}</w:pPr>`;
}
