/**
 * A PDF as a chain of revisions: the file as generated, then one incremental update per
 * signature. Each revision has its classic cross-reference section and trailer; objects are
 * looked up as of a revision. Cross-reference streams, object streams and encryption are
 * refused: our generator writes none of them, and a file that has them was changed by
 * another tool.
 */
import { signError } from './errors.js';
import { PdfRef, isDict, textOf, type PdfDict, type PdfValue } from './pdf-objects.js';
import { Lexer, PdfSyntaxError, readIndirectObject, asName, type IndirectObject } from './pdf-parse.js';

export interface XrefEntry {
  readonly offset: number;
  readonly gen: number;
  readonly free: boolean;
}

export interface Revision {
  /** Offset of this revision's `xref` keyword. */
  readonly xrefOffset: number;
  readonly entries: ReadonlyMap<number, XrefEntry>;
  readonly trailer: PdfDict;
  /** Offset just past this revision's `%%EOF` and its end-of-line: the file up to here is this revision. */
  readonly end: number;
}

/** Revisions are read newest first from the end; more than this is not a file we wrote. */
const MAX_REVISIONS = 64;

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

function lastStartXref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw signError('pdf-unreadable', 'no startxref at the end of the file: it is not a complete PDF', '文件末尾没有 startxref：不是完整的 PDF');
  const m = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(at));
  if (!m) throw signError('pdf-unreadable', 'the end of the file is not "startxref N %%EOF"', '文件末尾不是“startxref N %%EOF”');
  return Number(m[1]);
}

/** Reads a classic `xref` section and its trailer at `offset`. */
function readXrefSection(bytes: Uint8Array, offset: number): Omit<Revision, 'end'> & { readonly trailerEnd: number } {
  const lx = new Lexer(bytes, offset);
  const keyword = lx.peekWord();
  if (keyword !== 'xref') {
    if (/^\d+$/.test(keyword)) {
      throw signError('pdf-xref-stream', 'the file uses a cross-reference stream: it was written or changed by another tool, which contract cannot update safely', '文件使用交叉引用流：它由其他工具写出或修改过，contract 无法安全地追加更新');
    }
    throw signError('pdf-unreadable', `startxref does not point at a cross-reference table (byte ${offset})`, `startxref 未指向交叉引用表（第 ${offset} 字节）`);
  }
  lx.pos += 4;
  const entries = new Map<number, XrefEntry>();
  while (lx.peekWord() !== 'trailer') {
    const first = lx.integer();
    const count = lx.integer();
    if (count > 10_000_000) throw new PdfSyntaxError('implausible cross-reference section', lx.pos);
    for (let i = 0; i < count; i++) {
      const off = lx.integer();
      const gen = lx.integer();
      const kind = lx.word();
      if (kind !== 'n' && kind !== 'f') throw new PdfSyntaxError('bad cross-reference entry', lx.pos);
      if (!entries.has(first + i)) entries.set(first + i, { offset: off, gen, free: kind === 'f' });
    }
  }
  lx.pos += 'trailer'.length;
  const trailer = lx.value();
  if (!isDict(trailer)) throw new PdfSyntaxError('the trailer is not a dictionary', lx.pos);
  return { xrefOffset: offset, entries, trailer, trailerEnd: lx.pos };
}

/** The end of the revision whose trailer ends at `from`: past `startxref N %%EOF` and one end-of-line. */
function revisionEnd(bytes: Uint8Array, from: number, xrefOffset: number): number {
  const text = latin1(bytes, from, Math.min(bytes.length, from + 64));
  const m = /^\s*startxref\s+(\d+)\s*%%EOF(\r\n|\r|\n)?/.exec(text);
  if (!m) throw signError('pdf-unreadable', `no "startxref N %%EOF" after the trailer at byte ${from}`, `第 ${from} 字节的 trailer 后没有“startxref N %%EOF”`);
  if (Number(m[1]) !== xrefOffset) throw signError('pdf-unreadable', `startxref ${m[1]} does not point at the cross-reference table at byte ${xrefOffset}`, `startxref ${m[1]} 与第 ${xrefOffset} 字节的交叉引用表不符`);
  return from + m[0].length;
}

export class PdfFile {
  /** Oldest first: revisions[0] is the file as generated. */
  readonly revisions: readonly Revision[];
  private readonly cache = new Map<string, IndirectObject>();

  constructor(readonly bytes: Uint8Array) {
    if (latin1(bytes, 0, 5) !== '%PDF-') throw signError('pdf-not-pdf', 'the file is not a PDF (it does not start with %PDF-)', '文件不是 PDF（开头不是 %PDF-）');
    const newestFirst: Revision[] = [];
    try {
      let offset: number | undefined = lastStartXref(bytes);
      const seen = new Set<number>();
      while (offset !== undefined) {
        if (seen.has(offset) || newestFirst.length >= MAX_REVISIONS) throw new PdfSyntaxError('the chain of cross-reference sections loops or is too long', offset);
        seen.add(offset);
        const section = readXrefSection(bytes, offset);
        const { trailerEnd, ...rest } = section;
        if (section.trailer.has('XRefStm')) {
          throw signError('pdf-xref-stream', 'the file has a hybrid cross-reference section (XRefStm): it was changed by another tool', '文件含混合交叉引用（XRefStm）：它被其他工具修改过');
        }
        if (section.trailer.has('Encrypt')) {
          throw signError('pdf-encrypted', 'the PDF is encrypted; contract signs and verifies only the unencrypted PDFs it generates', 'PDF 已加密；contract 只签署和验证它生成的未加密 PDF');
        }
        newestFirst.push({ ...rest, end: revisionEnd(bytes, trailerEnd, offset) });
        const prev = section.trailer.get('Prev');
        offset = typeof prev === 'number' ? prev : undefined;
      }
    } catch (error) {
      if (error instanceof PdfSyntaxError) throw signError('pdf-unreadable', `the PDF cannot be read: ${error.message}`, `无法读取 PDF：${error.message}`);
      throw error;
    }
    this.revisions = newestFirst.reverse();
    for (let i = 1; i < this.revisions.length; i++) {
      if (this.revisions[i]!.xrefOffset < this.revisions[i - 1]!.end) {
        throw signError('pdf-unreadable', 'the cross-reference sections are not in file order: this is not an incremental update', '交叉引用表不按文件顺序排列：不是增量更新');
      }
    }
  }

  get latest(): number {
    return this.revisions.length - 1;
  }

  /** The xref entry of object `num` as of revision `rev` (the newest section that lists it). */
  entry(num: number, rev = this.latest): XrefEntry | undefined {
    for (let r = rev; r >= 0; r--) {
      const e = this.revisions[r]!.entries.get(num);
      if (e) return e;
    }
    return undefined;
  }

  /** The revision in which object `num` was last written, up to `rev`. */
  revisionOf(num: number, rev = this.latest): number | undefined {
    for (let r = rev; r >= 0; r--) if (this.revisions[r]!.entries.has(num)) return r;
    return undefined;
  }

  object(ref: PdfRef, rev = this.latest): IndirectObject | undefined {
    const e = this.entry(ref.num, rev);
    if (!e || e.free || e.gen !== ref.gen) return undefined;
    const key = `${e.offset}`;
    let obj = this.cache.get(key);
    if (!obj) {
      try {
        obj = readIndirectObject(this.bytes, e.offset, (len) => {
          const l = this.resolve(len, rev);
          return typeof l === 'number' ? l : undefined;
        });
      } catch (error) {
        if (error instanceof PdfSyntaxError) throw signError('pdf-unreadable', `object ${ref.num} cannot be read: ${error.message}`, `无法读取对象 ${ref.num}：${error.message}`);
        throw error;
      }
      if (obj.ref.num !== ref.num || obj.ref.gen !== ref.gen) {
        throw signError('pdf-unreadable', `the cross-reference table points object ${ref.num} at another object`, `交叉引用表中对象 ${ref.num} 的位置有误`);
      }
      this.cache.set(key, obj);
    }
    return obj;
  }

  /** Follows a reference (one level); a direct value is returned as is. */
  resolve(value: PdfValue | undefined, rev = this.latest): PdfValue | undefined {
    if (value instanceof PdfRef) return this.object(value, rev)?.value;
    return value;
  }

  dictAt(value: PdfValue | undefined, rev = this.latest): PdfDict | undefined {
    const v = this.resolve(value, rev);
    return isDict(v) ? v : undefined;
  }

  trailer(rev = this.latest): PdfDict {
    return this.revisions[rev]!.trailer;
  }

  catalog(rev = this.latest): PdfDict {
    const root = this.dictAt(this.trailer(rev).get('Root'), rev);
    if (!root || asName(root.get('Type')) !== 'Catalog') throw signError('pdf-unreadable', 'the PDF has no document catalog', 'PDF 没有文档目录（Catalog）');
    return root;
  }

  /** Size for the next update: one past the highest object number in use. */
  size(rev = this.latest): number {
    const s = this.trailer(rev).get('Size');
    return typeof s === 'number' ? s : 0;
  }

  /** Text of an entry of the document information dictionary. */
  info(key: string, rev = this.latest): string | undefined {
    return textOf(this.resolve(this.dictAt(this.trailer(rev).get('Info'), rev)?.get(key), rev));
  }
}

export interface SignatureField {
  readonly name: string;
  readonly ref: PdfRef;
  readonly dict: PdfDict;
  /** The signature dictionary's reference, when signed. */
  readonly value?: PdfRef;
}

/** The /Sig fields of the form as of `rev`, in form order (our fields are flat: no /Kids). */
export function signatureFields(file: PdfFile, rev = file.latest): SignatureField[] {
  const form = file.dictAt(file.catalog(rev).get('AcroForm'), rev);
  const fields = file.resolve(form?.get('Fields'), rev);
  if (!Array.isArray(fields)) return [];
  const out: SignatureField[] = [];
  for (const ref of fields) {
    if (!(ref instanceof PdfRef)) continue;
    const dict = file.dictAt(ref, rev);
    if (!dict || asName(dict.get('FT')) !== 'Sig') continue;
    const v = dict.get('V');
    out.push({ name: textOf(dict.get('T')) ?? '', ref, dict, ...(v instanceof PdfRef ? { value: v } : {}) });
  }
  return out;
}
