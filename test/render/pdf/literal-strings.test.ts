import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalOfHex } from '../../../src/render/pdf/embed-face.js';
import { Lexer } from '../../../src/sign/pdf-parse.js';
import { PdfString } from '../../../src/sign/pdf-objects.js';

/** A literal string as a PDF reader reads it back (the signer's parser). */
function readBack(body: string): Uint8Array {
  const value = new Lexer(Buffer.from(`(${body})`, 'latin1')).value();
  expect(value).toBeInstanceOf(PdfString);
  return (value as PdfString).bytes;
}

describe('glyph codes in content streams, as literal strings', () => {
  it('read back as the same two bytes a glyph, whatever the CIDs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }), (cids) => {
        const hex = cids.map((c) => c.toString(16).padStart(4, '0')).join('');
        expect(Buffer.from(readBack(literalOfHex(hex))).toString('hex')).toBe(hex);
      }),
    );
  });

  it('escape the bytes a reader would take for structure or an end of line, and only those', () => {
    // ( ) \ and CR (an unescaped CR inside a literal string is read as LF).
    expect(literalOfHex('0028' + '0029' + '005c' + '000d' + '000a' + '0041')).toBe('\0\\(\0\\)\0\\\\\0\\r\0\n\0A');
  });
});
