import { describe, expect, test } from 'vitest';
import { ContractError } from '../../src/diagnostics.js';
import { parseParamsText } from '../../src/params/index.js';
import { brief, EXAMPLE } from './helpers.js';

function yamlErrors(src: string | Uint8Array) {
  try {
    parseParamsText(src, 'p.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ContractError);
    expect((e as ContractError).kind).toBe('yaml');
    return (e as ContractError).diagnostics;
  }
  throw new Error('expected a ContractError');
}

describe('exact numbers', () => {
  test('identifiers and decimals that do not round-trip keep their source text', () => {
    const v = parseParamsText(
      'a: 914403001922038216\nb: 0200004509200012345\nc: 1000.10\nd: 200.00\ne: +1\nf: 1e3\ng: 0x1F\nh: 0o17\ni: 007\nj: 12345678901234567\nk: 1234567890123456\n',
      'p.yaml',
    ).value;
    expect(v).toEqual({
      a: '914403001922038216',
      b: '0200004509200012345',
      c: '1000.10',
      d: '200.00',
      e: '+1',
      f: '1e3',
      g: '0x1F',
      h: '0o17',
      i: '007',
      j: '12345678901234567',
      k: 1234567890123456, // round-trips: exact as a number too
    });
  });
  test('numbers that round-trip stay numbers; strings and booleans untouched', () => {
    expect(parseParamsText('a: 30\nb: 99.9\nc: 0.12\nd: -5\ne: true\nf: "0200"\ng: 2025-03-01\nh:\n', 'p.yaml').value).toEqual({
      a: 30, b: 99.9, c: 0.12, d: -5, e: true, f: '0200', g: '2025-03-01', h: null,
    });
  });
  test('the example: unquoted identifiers and prices come through exact', () => {
    const v = parseParamsText(EXAMPLE, 'p.yaml').value as any;
    expect(v.fees.items[0].unitPrice).toBe('200.00');
    expect(v.fees.items[3].unitPrice).toBe('0.30');
    expect(v.parties.client.creditCode).toBe('91110108MA01ABCD5T');
  });
});

describe('YAML problems are located errors', () => {
  test('syntax error', () => {
    const [d] = yamlErrors('a: [1, 2\nb: 3\n');
    expect(d!.line).toBeGreaterThanOrEqual(1);
    expect(d!.column).toBeGreaterThanOrEqual(1);
  });
  test('duplicate key points at the second key', () => {
    expect(brief(yamlErrors('a: 1\nb:\n  c: 1\n  c: 2\n')[0])).toMatchObject({ code: 'yaml-duplicate-key', line: 4, column: 3, keyPath: 'b.c' });
  });
  test('tab indentation', () => {
    expect(yamlErrors('a:\n\tb: 1\n')[0]).toMatchObject({ code: 'yaml-tab-as-indent', line: 2, column: 1 });
  });
  test('unknown tags (warnings in yaml) are errors', () => {
    expect(yamlErrors('a: !!js/function "x"\n')[0]).toMatchObject({ code: 'yaml-tag-resolve-failed', line: 1, column: 4 });
  });
  test('all problems at once', () => {
    const ds = yamlErrors('a: 1\na: 2\n__proto__: 1\nb: "x\\u0000"\nc: !!js/regexp /x/\n');
    expect(ds.map((d) => d.code).sort()).toEqual(['forbidden-key', 'yaml-duplicate-key', 'yaml-tag-resolve-failed'].sort());
  });
  test('empty file and comments-only file', () => {
    expect(yamlErrors('')[0]!.code).toBe('empty-file');
    expect(yamlErrors('# c\n\n# d\n')[0]!.message.en).toMatch(/the file is empty/);
  });
  test('top level must be a mapping', () => {
    expect(yamlErrors('- a\n- b\n')[0]).toMatchObject({ code: 'top-level-not-mapping', line: 1, column: 1 });
    expect(yamlErrors('just text\n')[0]!.code).toBe('top-level-not-mapping');
  });
  test('multiple documents', () => {
    expect(yamlErrors('a: 1\n---\nb: 2\n')[0]!.code).toBe('yaml-multiple-docs');
  });
  test('merge keys are not merged (they stay an unknown key for the schema)', () => {
    expect(parseParamsText('a: &x {b: 1}\nc:\n  <<: *x\n', 'p.yaml').value).toEqual({ a: { b: 1 }, c: { '<<': { b: 1 } } });
  });
});

describe('hostile input', () => {
  test('__proto__ is a located error and never pollutes', () => {
    const ds = yamlErrors('a: 1\n__proto__:\n  polluted: 1\nb:\n  constructor: {prototype: {polluted: 1}}\n');
    expect(ds.map(brief)).toEqual([
      { code: 'forbidden-key', keyPath: '__proto__', line: 2, column: 1, kind: 'yaml' },
      { code: 'forbidden-key', keyPath: 'b.constructor', line: 5, column: 3, kind: 'yaml' },
    ]);
    expect(({} as any).polluted).toBeUndefined();
    expect((Object.prototype as any).polluted).toBeUndefined();
  });
  test('alias bomb is rejected at the alias', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) lines.push(`${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10).fill(`*${'abcdefg'[i - 1]}`).join(', ')}]`);
    const [d] = yamlErrors(lines.join('\n'));
    expect(d!.code).toBe('alias-bomb');
  }, 10_000);
  test('a few aliases are fine', () => {
    expect(parseParamsText('a: &x {b: 1}\nc: *x\n', 'p.yaml').value).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });
  test('deep flow nesting is refused before parsing, even far beyond the parser limits', () => {
    expect(yamlErrors(`a: ${'['.repeat(200_000)}`)[0]!.code).toBe('too-deep');
    expect(yamlErrors(`a: ${'{x: '.repeat(100)}1${'}'.repeat(100)}`)[0]!.code).toBe('too-deep');
  }, 10_000);
  test('deep block nesting', () => {
    const src = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(yamlErrors(src)[0]!.code).toBe('too-deep');
    const deep = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(yamlErrors(deep)[0]!.code).toBe('too-deep');
  });
  test('64 levels are fine', () => {
    const src = Array.from({ length: 63 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(() => parseParamsText(src, 'p.yaml')).not.toThrow();
  });
  test('huge string and huge file', () => {
    expect(yamlErrors(`a: ${'x'.repeat(10_001)}\n`)[0]).toMatchObject({ code: 'string-too-long', line: 1, column: 4 });
    expect(() => parseParamsText(`a: ${'x'.repeat(10_000)}\n`, 'p.yaml')).not.toThrow();
    expect(yamlErrors(`# ${'x'.repeat(1024 * 1024)}\n`)[0]!.code).toBe('file-too-large');
    expect(yamlErrors(new Uint8Array(1024 * 1024 + 1).fill(0x20))[0]!.code).toBe('file-too-large');
  });
});

describe('encodings', () => {
  test('NUL bytes: binary file', () => {
    expect(yamlErrors(Uint8Array.from([0x61, 0x3a, 0x20, 0x00, 0x0a]))[0]!.message.en).toMatch(/binary file, not a params file/);
    expect(yamlErrors('a: 1\0')[0]!.code).toBe('binary-file');
  });
  test('GBK: not UTF-8, located at the first bad byte', () => {
    // "name: 北京" in GBK
    const gbk = Uint8Array.from([...Buffer.from('a: 1\nname: '), 0xb1, 0xb1, 0xbe, 0xa9, 0x0a]);
    const [d] = yamlErrors(gbk);
    expect(d).toMatchObject({ code: 'not-utf8', line: 2, column: 7 });
    expect(d!.message.en).toMatch(/not UTF-8.*GBK\/GB18030/);
    expect(d!.hint!.en).toMatch(/save it as UTF-8/);
  });
  test('UTF-16 is named', () => {
    expect(yamlErrors(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]))[0]!.message.en).toMatch(/UTF-16/);
  });
  test('BOM and CRLF are accepted, positions unchanged', () => {
    const l = parseParamsText(Buffer.from('\uFEFFa: 1\r\nb:\r\n  c: x\r\n'), 'p.yaml');
    expect(l.value).toEqual({ a: 1, b: { c: 'x' } });
    expect(l.locate(['b', 'c'])).toEqual({ file: 'p.yaml', line: 3, column: 6 });
    expect(parseParamsText('\uFEFFa: 1\r\n', 'p.yaml').value).toEqual({ a: 1 });
  });
});

describe('locate', () => {
  const l = parseParamsText('a:\n  b: 1\n  list:\n    - x: 1\n    - x: 2\nempty:\n', 'f.yaml');
  test('values, list items, and fallback to the nearest parent', () => {
    expect(l.locate(['a', 'b'])).toEqual({ file: 'f.yaml', line: 2, column: 6 });
    expect(l.locate(['a', 'list', 1, 'x'])).toEqual({ file: 'f.yaml', line: 5, column: 10 });
    expect(l.locate(['a', 'list', 1])).toEqual({ file: 'f.yaml', line: 5, column: 7 });
    expect(l.locate(['a', 'missing'])).toEqual({ file: 'f.yaml', line: 1, column: 1 });
    expect(l.locate(['nope', 'deeper'])!.line).toBe(1);
    expect(l.locate(['empty'])).toEqual({ file: 'f.yaml', line: 6, column: 1 });
  });
  test('keys', () => {
    expect(l.locateKey!(['a', 'b'])).toEqual({ file: 'f.yaml', line: 2, column: 3 });
  });
  test('plain JS, no YAML classes', () => {
    const seen = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(seen);
      else if (v && typeof v === 'object') {
        expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
        Object.values(v).forEach(seen);
      }
    };
    seen(parseParamsText(EXAMPLE, 'p.yaml').value);
  });
});
