/** XML text building: escaping (after text.ts has made the text XML-safe) and small helpers. */
import { xmlSafe } from './text.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escaped character data or attribute value; forbidden characters become U+FFFD. */
export function esc(text: string): string {
  const safe = xmlSafe(text);
  return /[&<>"]/.test(safe) ? safe.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : safe;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  w10: 'urn:schemas-microsoft-com:office:word',
} as const;

/** The namespace declarations of a WordprocessingML part. */
export const W_NAMESPACES = `xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:v="${NS.v}" xmlns:o="${NS.o}" xmlns:w10="${NS.w10}"`;

/** `<w:name w:val="value"/>` */
export const val = (name: string, value: string | number): string => `<w:${name} w:val="${typeof value === 'number' ? value : esc(value)}"/>`;
