/** The PDF object reader and writer used for signing: round trips and the syntax corners. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PdfName, PdfRef, PdfString, parsePdfDate, pdfDate, serialize, textOf, textString, type PdfValue } from '../../src/sign/pdf-objects.js';
import { Lexer, readIndirectObject } from '../../src/sign/pdf-parse.js';

const parse = (text: string): PdfValue => new Lexer(Buffer.from(text, 'latin1')).value();

/** Values as the reader gives them back: maps for dictionaries, classes for names, strings, references. */
const value: fc.Arbitrary<PdfValue> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.double({ min: -10000, max: 10000, noNaN: true }).map((n) => Number(n.toFixed(3))),
    fc.string({ minLength: 1, maxLength: 12 }).map((s) => new PdfName(s)),
    fc.uint8Array({ maxLength: 40 }).map((b) => new PdfString(b)),
    fc.tuple(fc.nat(99999), fc.nat(9)).map(([n, g]) => new PdfRef(n, g)),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), tie('node')), { maxLength: 5 }).map((entries) => new Map(entries))),
})).node as fc.Arbitrary<PdfValue>;

describe('PDF objects', () => {
  it('read back what they write, for any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(normalise(parse(serialize(v)))).toEqual(normalise(v));
      }),
      { numRuns: 300 },
    );
  });

  it('read literal strings with escapes, nesting and octal codes, and hex strings with spaces', () => {
    expect(Buffer.from((parse('(a\\(b\\)c (nested) \\101\\7\\\\ \\n)') as PdfString).bytes).toString('latin1')).toBe('a(b)c (nested) A\x07\\ \n');
    expect(Buffer.from((parse('<48 65 6c\n6c 6f>') as PdfString).bytes).toString('latin1')).toBe('Hello');
    expect(Buffer.from((parse('<414>') as PdfString).bytes)).toEqual(Buffer.from([0x41, 0x40]));
    expect((parse('/A#20B') as PdfName).name).toBe('A B');
  });

  it('skip comments and tell references from numbers', () => {
    const v = parse('<< % a comment\n/Kids [1 0 R 2 0 R] /Count 2 /Box [0 0 595.28 841.89] /Pair [12 0] >>') as Map<string, PdfValue>;
    expect(v.get('Kids')).toEqual([new PdfRef(1, 0), new PdfRef(2, 0)]);
    expect(v.get('Box')).toEqual([0, 0, 595.28, 841.89]);
    expect(v.get('Count')).toBe(2);
    expect(v.get('Pair')).toEqual([12, 0]);
  });

  it('find a stream whose /Length is an indirect object', () => {
    const text = '7 0 obj\n<< /Length 8 0 R >>\nstream\nabcdef\nendstream\nendobj\n';
    const obj = readIndirectObject(Buffer.from(text, 'latin1'), 0, (ref) => (ref.num === 8 ? 6 : undefined));
    expect(obj.stream).toEqual({ start: text.indexOf('abcdef'), length: 6 });
    expect(obj.end).toBe(text.length - 1);
  });

  it('refuse nesting deeper than a file of ours has', () => {
    expect(() => parse('['.repeat(200) + ']'.repeat(200))).toThrow(/nested too deeply/);
  });

  it('write text strings a reader decodes back, Chinese included', () => {
    for (const s of ['张三', 'Li Si', '北京星河数据科技有限公司 (A&B)']) expect(textOf(textString(s))).toBe(s);
  });

  it('write and read PDF dates', () => {
    const d = new Date('2025-03-01T08:09:10Z');
    expect(pdfDate(d)).toBe('D:20250301080910Z');
    expect(parsePdfDate(pdfDate(d))).toEqual(d);
    expect(parsePdfDate("D:20250301160910+08'00'")).toEqual(d);
  });
});

function normalise(v: PdfValue): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [`/${k}`, normalise(x)]));
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof PdfName) return { name: Buffer.from(v.name, 'utf8').toString('hex') };
  if (v instanceof PdfString) return { string: Buffer.from(v.bytes).toString('hex') };
  if (v instanceof PdfRef) return { ref: v.key };
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  return v;
}
