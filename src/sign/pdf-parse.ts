/**
 * A reader for the PDF object syntax (ISO 32000-1 7.2-7.3): enough to read the objects our
 * generator and our signing updates write: dictionaries, arrays, strings, names, numbers,
 * references, and where a stream's data lies. It never decodes stream data.
 */
import { PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-objects.js';

export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);

/** Nesting deeper than this is not something we wrote: refuse rather than recurse. */
const MAX_DEPTH = 64;

export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  skipWhite(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** A keyword or number token (a run of regular characters), without consuming it. */
  peekWord(): string {
    this.skipWhite();
    let end = this.pos;
    while (end < this.bytes.length && isRegular(this.bytes[end]!)) end++;
    return Buffer.from(this.bytes.subarray(this.pos, end)).toString('latin1');
  }

  word(): string {
    const w = this.peekWord();
    this.pos += w.length;
    return w;
  }

  expect(keyword: string): void {
    const at = this.pos;
    const w = this.word();
    if (w !== keyword) throw new PdfSyntaxError(`expected "${keyword}", found "${w.slice(0, 20)}"`, at);
  }

  integer(): number {
    const at = this.pos;
    const w = this.word();
    if (!/^\d+$/.test(w)) throw new PdfSyntaxError(`expected a whole number, found "${w.slice(0, 20)}"`, at);
    return Number(w);
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('objects nested too deeply', this.pos);
    this.skipWhite();
    const b = this.bytes;
    const at = this.pos;
    const c = b[at];
    if (c === undefined) throw new PdfSyntaxError('unexpected end of file', at);
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) {
      if (b[at + 1] === 0x3c) return this.dictionary(depth);
      return this.hexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const out: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return out;
        }
        out.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // `12 0 R` is a reference: look ahead without committing.
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        const gen = this.peekWord();
        if (/^\d+$/.test(gen)) {
          this.pos += gen.length;
          if (this.peekWord() === 'R') {
            this.pos += 1;
            return new PdfRef(Number(w), Number(gen));
          }
        }
        this.pos = save;
      }
      return Number(w);
    }
    throw new PdfSyntaxError(`unexpected "${w.slice(0, 20) || String.fromCharCode(c)}"`, at);
  }

  private dictionary(depth: number): PdfDict {
    this.pos += 2;
    const out: PdfDict = new Map();
    for (;;) {
      this.skipWhite();
      const b = this.bytes;
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return out;
      }
      if (b[this.pos] !== 0x2f) throw new PdfSyntaxError('expected a name as dictionary key', this.pos);
      const key = this.name().name;
      out.set(key, this.value(depth + 1));
    }
  }

  private name(): PdfName {
    const b = this.bytes;
    let end = ++this.pos;
    while (end < b.length && isRegular(b[end]!)) end++;
    const raw = Buffer.from(b.subarray(this.pos, end)).toString('latin1');
    this.pos = end;
    const bytes = Buffer.from(raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return new PdfName(bytes.toString('utf8'));
  }

  private hexString(): PdfString {
    const b = this.bytes;
    const start = ++this.pos;
    while (this.pos < b.length && b[this.pos] !== 0x3e) this.pos++;
    if (this.pos >= b.length) throw new PdfSyntaxError('unterminated hex string', start);
    let hex = Buffer.from(b.subarray(start, this.pos)).toString('latin1').replace(/\s+/g, '');
    this.pos++;
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new PdfSyntaxError('bad hex string', start);
    if (hex.length % 2 === 1) hex += '0';
    return new PdfString(Uint8Array.from(Buffer.from(hex, 'hex')));
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const start = this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[e] !== undefined) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) return new PdfString(Uint8Array.from(out));
      out.push(c);
    }
    throw new PdfSyntaxError('unterminated string', start);
  }
}

export interface IndirectObject {
  readonly ref: PdfRef;
  readonly value: PdfValue;
  /** Where the stream's data lies, for a stream object. */
  readonly stream?: { readonly start: number; readonly length: number };
  /** Offset just past `endobj`. */
  readonly end: number;
}

/**
 * Reads `num gen obj … endobj` at `offset`. `length` resolves an indirect /Length of a stream.
 */
export function readIndirectObject(bytes: Uint8Array, offset: number, length: (ref: PdfRef) => number | undefined): IndirectObject {
  const lx = new Lexer(bytes, offset);
  const num = lx.integer();
  const gen = lx.integer();
  lx.expect('obj');
  const value = lx.value();
  let stream: IndirectObject['stream'];
  if (lx.peekWord() === 'stream') {
    lx.pos += 'stream'.length;
    if (bytes[lx.pos] === 0x0d) lx.pos++;
    if (bytes[lx.pos] === 0x0a) lx.pos++;
    const len = value instanceof Map ? value.get('Length') : undefined;
    const n = typeof len === 'number' ? len : len instanceof PdfRef ? length(len) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0 || lx.pos + n > bytes.length) throw new PdfSyntaxError('stream without a usable /Length', lx.pos);
    stream = { start: lx.pos, length: n };
    lx.pos += n;
    lx.expect('endstream');
  }
  lx.expect('endobj');
  return { ref: new PdfRef(num, gen), value, ...(stream ? { stream } : {}), end: lx.pos };
}

export function asName(v: PdfValue | undefined): string | undefined {
  return v instanceof PdfName ? v.name : undefined;
}
