/**
 * Document information and XMP metadata. pdfkit writes Title, Author, … into the XMP packet
 * unescaped (a party named `A&B` would break it), so its `_addInfo` is replaced by one that
 * escapes, and that also records ModDate as PDF/A expects the two to agree.
 */
import type { DocumentMeta } from '../../model/types.js';
import { packageVersion } from '../../package-root.js';
import type { PdfDoc } from './pdfkit-internals.js';

export const CREATOR = 'contract';

let version: string | undefined;
/** `contract 0.1.0 (PDFKit)`: `contract verify --params` tells which version made a file. */
export const producer = (): string => `${CREATOR} ${(version ??= packageVersion())} (PDFKit)`;

export interface Info {
  readonly Title: string;
  readonly Author: string;
  readonly Subject: string;
  readonly Keywords: string;
  readonly Creator: string;
  readonly Producer: string;
  readonly CreationDate: Date;
  readonly ModDate: Date;
  /** Generation options that change the bytes and cannot be seen otherwise (`draft`), for `contract verify --params`. */
  readonly ContractOptions?: string;
}

export function documentInfo(meta: DocumentMeta, sourceDateEpoch?: number): Info {
  // Whole seconds, as the PDF date records them: the file can then be regenerated from its own date.
  const date = new Date((sourceDateEpoch ?? Math.floor(Date.now() / 1000)) * 1000);
  return {
    Title: `${meta.title} ${meta.number}`,
    Author: meta.provider.name,
    Subject: `${meta.number} ${meta.client.name} / ${meta.provider.name}`,
    Keywords: [meta.title, meta.number, meta.client.name, meta.provider.name, '云电话服务合同'].filter((k, i, all) => all.indexOf(k) === i).join(', '),
    Creator: CREATOR,
    Producer: producer(),
    CreationDate: date,
    ModDate: date,
    ...(meta.draft ? { ContractOptions: 'draft' } : {}),
  };
}

/** Escape text for XML content, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const xmpDate = (d: Date): string => `${d.toISOString().split('.')[0]}Z`;

export function installXmp(doc: PdfDoc, info: Info): void {
  doc._addInfo = () => {
    const e = escapeXml;
    doc.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
            <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
            <xmp:CreatorTool>${e(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Title)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${e(info.Author)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.Subject)}</rdf:li></rdf:Alt></dc:description>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${e(info.Producer)}</pdf:Producer>
            <pdf:Keywords>${e(info.Keywords)}</pdf:Keywords>
        </rdf:Description>
        `);
  };
}
