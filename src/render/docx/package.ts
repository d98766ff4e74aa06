/** The fixed parts of the package: content types, relationships, settings, font table. */
import { FONTS } from './layout.js';
import { W_NAMESPACES, XML_DECLARATION } from './xml.js';

const CT = 'application/vnd.openxmlformats-officedocument';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const PART = {
  contentTypes: '[Content_Types].xml',
  rels: '_rels/.rels',
  document: 'word/document.xml',
  documentRels: 'word/_rels/document.xml.rels',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  settings: 'word/settings.xml',
  fontTable: 'word/fontTable.xml',
  header: 'word/header1.xml',
  footer: 'word/footer1.xml',
  core: 'docProps/core.xml',
  app: 'docProps/app.xml',
  custom: 'docProps/custom.xml',
} as const;

export const CONTENT_TYPES_XML =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${PART.document}" ContentType="${CT}.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/${PART.styles}" ContentType="${CT}.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/${PART.numbering}" ContentType="${CT}.wordprocessingml.numbering+xml"/>` +
  `<Override PartName="/${PART.settings}" ContentType="${CT}.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/${PART.fontTable}" ContentType="${CT}.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/${PART.header}" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  `<Override PartName="/${PART.footer}" ContentType="${CT}.wordprocessingml.footer+xml"/>` +
  `<Override PartName="/${PART.core}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/${PART.app}" ContentType="${CT}.extended-properties+xml"/>` +
  `<Override PartName="/${PART.custom}" ContentType="${CT}.custom-properties+xml"/>` +
  '</Types>';

const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const rels = (items: string) => `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;

export const ROOT_RELS_XML = rels(
  rel('rId1', `${REL}/officeDocument`, PART.document) +
    rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', PART.core) +
    rel('rId3', `${REL}/extended-properties`, PART.app) +
    rel('rId4', `${REL}/custom-properties`, PART.custom),
);

/** The relationship ids document.xml uses. */
export const REL_ID = { header: 'rId5', footer: 'rId6' } as const;

export const DOCUMENT_RELS_XML = rels(
  rel('rId1', `${REL}/styles`, 'styles.xml') +
    rel('rId2', `${REL}/numbering`, 'numbering.xml') +
    rel('rId3', `${REL}/settings`, 'settings.xml') +
    rel('rId4', `${REL}/fontTable`, 'fontTable.xml') +
    rel(REL_ID.header, `${REL}/header`, 'header1.xml') +
    rel(REL_ID.footer, `${REL}/footer`, 'footer1.xml'),
);

/** Word 2013+ layout (no compatibility mode), Chinese punctuation compression, zh-CN theme fonts. */
export const SETTINGS_XML =
  `${XML_DECLARATION}<w:settings ${W_NAMESPACES}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>` +
  '<w:characterSpacingControl w:val="compressPunctuation"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>';

/** Names, alternative names and classification, so Word, WPS and LibreOffice find the fonts. */
const font = (name: string, altName: string, panose: string, charset: string, family: string) =>
  `<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:panose1 w:val="${panose}"/><w:charset w:val="${charset}"/>` +
  `<w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;

export const FONT_TABLE_XML =
  `${XML_DECLARATION}<w:fonts ${W_NAMESPACES}>` +
  font(FONTS.ascii, 'Times New Roman', '02020603050405020304', '00', 'roman') +
  font(FONTS.body, 'SimSun', '02010600030101010101', '86', 'auto') +
  font(FONTS.heading, 'SimHei', '02010609060101010101', '86', 'modern') +
  '</w:fonts>';
