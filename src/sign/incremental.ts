/**
 * An incremental update (ISO 32000-1 7.5.6): new objects and new versions of changed ones
 * appended after the file's last byte, then a classic cross-reference section listing only
 * them and a trailer whose /Prev points at the previous section. Nothing before the update is
 * rewritten, so a signature over the earlier revisions stays valid.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PdfName, PdfRef, PdfString, serialize, type PdfWritable } from './pdf-objects.js';
import type { PdfFile } from './pdf-file.js';

interface Pending {
  readonly ref: PdfRef;
  readonly value: PdfWritable;
  readonly stream?: Uint8Array;
}

export interface WrittenUpdate {
  /** The whole file: the original bytes, then the update. */
  readonly bytes: Buffer;
  /** Offset of each written object in `bytes`, by object number. */
  readonly offsets: ReadonlyMap<number, number>;
}

export class IncrementalUpdate {
  private readonly pending: Pending[] = [];
  private next: number;

  constructor(private readonly file: PdfFile) {
    this.next = file.size();
  }

  /** A number for a new object. */
  allocate(): PdfRef {
    return new PdfRef(this.next++, 0);
  }

  /** Writes `value` as the object `ref` (a new object, or a new version of an existing one). */
  put(ref: PdfRef, value: PdfWritable): void {
    this.pending.push({ ref, value });
  }

  /**
   * A stream object. `deflate` compresses the data; `deflated` says it already is (FlateDecode);
   * `as-is` writes it with the dictionary's own /Filter, if any.
   */
  putStream(ref: PdfRef, value: Map<string, PdfWritable>, data: Uint8Array, encoding: 'deflate' | 'deflated' | 'as-is' = 'deflate'): void {
    const dict = new Map(value);
    const body = encoding === 'deflate' ? deflateSync(data) : data;
    if (encoding !== 'as-is') dict.set('Filter', new PdfName('FlateDecode'));
    dict.set('Length', body.length);
    this.pending.push({ ref, value: dict, stream: body });
  }

  write(): WrittenUpdate {
    const original = this.file.bytes;
    const parts: Buffer[] = [Buffer.from(original.buffer, original.byteOffset, original.byteLength)];
    let length = original.byteLength;
    const push = (chunk: Buffer) => {
      parts.push(chunk);
      length += chunk.length;
    };
    // A file we wrote ends with an end-of-line after %%EOF; one that does not gets one first.
    const last = original[original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'));

    const offsets = new Map<number, number>();
    const entries = new Map<number, { offset: number; gen: number }>();
    for (const obj of this.pending) {
      offsets.set(obj.ref.num, length);
      entries.set(obj.ref.num, { offset: length, gen: obj.ref.gen });
      push(Buffer.from(`${obj.ref.num} ${obj.ref.gen} obj\n${serialize(obj.value)}\n`, 'latin1'));
      if (obj.stream) {
        push(Buffer.from('stream\n'));
        push(Buffer.from(obj.stream));
        push(Buffer.from('\nendstream\n'));
      }
      push(Buffer.from('endobj\n'));
    }

    const xrefOffset = length;
    push(Buffer.from(xrefSection(entries), 'latin1'));
    const previous = this.file.trailer();
    const prevId = previous.get('ID');
    const firstId = Array.isArray(prevId) && prevId[0] instanceof PdfString ? prevId[0] : undefined;
    // The first ID names the document for good; the second changes with each update (7.5.5).
    const updateId = new PdfString(createHash('sha256').update(Buffer.concat(parts)).digest().subarray(0, 16));
    const trailer = new Map<string, PdfWritable>([['Size', Math.max(this.next, this.file.size())]]);
    for (const key of ['Root', 'Info'] as const) {
      const v = previous.get(key);
      if (v !== undefined) trailer.set(key, v);
    }
    trailer.set('ID', [firstId ?? updateId, updateId]);
    trailer.set('Prev', this.file.revisions[this.file.latest]!.xrefOffset);
    push(Buffer.from(`trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return { bytes: Buffer.concat(parts, length), offsets };
  }
}

/** One subsection per run of consecutive object numbers; every entry exactly 20 bytes. */
function xrefSection(entries: ReadonlyMap<number, { offset: number; gen: number }>): string {
  const nums = [...entries.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = entries.get(nums[k]!)!;
      out += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  return out;
}
