/**
 * PDF object values as the signing code reads and writes them, and their serialisation.
 * Strings keep their bytes (a field name is UTF-16BE with a BOM); names are decoded.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

/** A dictionary keeps its key order, so a rewritten dictionary reads like the original. */
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;

/** Bytes written verbatim (a placeholder the signer patches in place). */
export class PdfRaw {
  constructor(readonly text: string) {}
}
export type PdfWritable = PdfValue | PdfRaw | PdfWritable[] | Map<string, PdfWritable>;

export const name = (n: string): PdfName => new PdfName(n);
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;

/** Text of a PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (Latin-1 is close enough for names). */
export function textOf(value: PdfValue | undefined): string | undefined {
  if (!(value instanceof PdfString)) return undefined;
  const b = value.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < b.length; i += 2) out += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
    return out;
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
  return Buffer.from(b).toString('latin1');
}

/** A text string: plain ASCII stays readable, anything else is UTF-16BE with a BOM. */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
  const out = [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c >> 8, c & 0xff);
  }
  return new PdfString(Uint8Array.from(out));
}

/** D:YYYYMMDDHHmmSSZ, in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

/** Parses D:YYYYMMDDHHmmSS with an optional Z or +HH'mm' offset. */
export function parsePdfDate(text: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(text ?? '');
  if (!m) return undefined;
  const n = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  const utc = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (n(m[9], 0) * 60 + n(m[10], 0)) : 0;
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write the number ${n} in a PDF`);
  if (Number.isInteger(n)) return String(n);
  // No exponent notation in PDF.
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function formatName(n: string): string {
  let out = '/';
  for (const byte of Buffer.from(n, 'utf8')) {
    const regular = byte > 0x20 && byte < 0x7f && !'()<>[]{}/%#'.includes(String.fromCharCode(byte));
    out += regular ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function serialize(value: PdfWritable): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return formatName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${Buffer.from(value.bytes).toString('hex')}>`;
  if (value instanceof PdfRaw) return value.text;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  const entries = [...value.entries()].map(([k, v]) => `${formatName(k)} ${serialize(v)}`);
  return `<<${entries.join(' ')}>>`;
}

/** A dictionary from an object literal; undefined values are left out. */
export function dict(entries: Record<string, PdfWritable | undefined>): Map<string, PdfWritable> {
  const out = new Map<string, PdfWritable>();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) out.set(k, v);
  return out;
}
