/**
 * Header: the contract number, and in draft mode a 草稿 DRAFT mark (header text plus a
 * light grey diagonal watermark, as Word's Design > Watermark writes it, so it is on every
 * page). Footer: 第 X 页 共 Y 页 with PAGE / NUMPAGES fields.
 */
import type { DocumentMeta } from '../../model/types.js';
import { field } from './fields.js';
import { run } from './inlines.js';
import { COLORS, DRAFT_MARK, FONTS } from './layout.js';
import { pPr } from './props.js';
import { STYLE } from './styles.js';
import { esc, W_NAMESPACES, XML_DECLARATION } from './xml.js';

/** The WordArt watermark Word itself writes (shape type 136, text path), behind the text. */
function watermark(text: string): string {
  return (
    '<w:r><w:pict>' +
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>' +
    '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>' +
    '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>' +
    '</v:shapetype>' +
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136" ' +
    'style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:138pt;rotation:315;z-index:-251657216;' +
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" ' +
    `o:allowincell="f" fillcolor="#${COLORS.draft}" stroked="f"><v:fill opacity=".5"/>` +
    `<v:textpath style="font-family:&quot;${esc(FONTS.heading)}&quot;;font-size:1pt" string="${esc(text)}"/>` +
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
  );
}

/** word/header1.xml */
export function headerXml(meta: DocumentMeta): string {
  const draft = meta.draft ? watermark(DRAFT_MARK) + run(`${DRAFT_MARK}    `, { bold: true, color: COLORS.draft }) : '';
  const paragraph = `<w:p>${pPr({ style: STYLE.header, borderBottom: { color: COLORS.headerRule, size: 4 } })}${draft}${run(`合同编号：${meta.number}`)}</w:p>`;
  return `${XML_DECLARATION}<w:hdr ${W_NAMESPACES}>${paragraph}</w:hdr>`;
}

/** word/footer1.xml: the same for every contract. */
export const FOOTER_XML =
  `${XML_DECLARATION}<w:ftr ${W_NAMESPACES}><w:p>${pPr({ style: STYLE.footer })}` +
  `${run('第 ')}${field('PAGE', '1')}${run(' 页 共 ')}${field('NUMPAGES', '1')}${run(' 页')}</w:p></w:ftr>`;
