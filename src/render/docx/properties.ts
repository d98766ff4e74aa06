/** Document properties: core (title, subject, keywords, …), extended and custom (number, parties). */
import type { DocumentMeta } from '../../model/types.js';
import { esc, XML_DECLARATION } from './xml.js';

export const CREATOR = 'contract';

export interface CoreProperties {
  readonly title: string;
  readonly subject: string;
  readonly keywords: string;
  readonly description: string;
}

export function coreProperties(meta: DocumentMeta): CoreProperties {
  const { title, number, client, provider, signingDate } = meta;
  return {
    title,
    subject: `${number} ${client.name} / ${provider.name}`,
    keywords: [title, number, client.name, provider.name, ...(meta.draft ? ['草稿'] : [])].join('; '),
    description: `${title}（合同编号：${number}）甲方：${client.name}；乙方：${provider.name}；签订日期：${signingDate}`,
  };
}

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** docProps/core.xml */
export function coreXml(meta: DocumentMeta, epochMs: number): string {
  const p = coreProperties(meta);
  const date = w3cdtf(epochMs);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(p.title)}</dc:title><dc:subject>${esc(p.subject)}</dc:subject><dc:creator>${CREATOR}</dc:creator>` +
    `<cp:keywords>${esc(p.keywords)}</cp:keywords><dc:description>${esc(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>${esc(meta.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml */
export const APP_XML =
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${CREATOR}</Application><DocSecurity>0</DocSecurity></Properties>`;

/** The custom properties, by name: the contract number and both parties. */
export function customProperties(meta: DocumentMeta): readonly (readonly [string, string])[] {
  return [
    ['ContractNumber', meta.number],
    ['ClientName', meta.client.name],
    ['ClientCreditCode', meta.client.creditCode],
    ['ProviderName', meta.provider.name],
    ['ProviderCreditCode', meta.provider.creditCode],
    ['SigningDate', meta.signingDate],
    ['Draft', meta.draft ? 'true' : 'false'],
  ];
}

/** docProps/custom.xml */
export function customXml(meta: DocumentMeta): string {
  const props = customProperties(meta)
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`)
    .join('');
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`
  );
}
