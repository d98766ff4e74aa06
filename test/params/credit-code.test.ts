import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckChar } from '../../src/params/credit-code.js';
import { brief, errors, example } from './helpers.js';

const first17 = fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
const validCode = first17.map((s) => s + creditCodeCheckChar(s)!);

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('the example codes and published ones are valid', () => {
    for (const code of ['91110108MA01ABCD5T', '91310115MA5FXY1252', '91350100M000100Y43', '914403001922038216']) {
      expect(checkCreditCode(code)).toEqual({ ok: true });
    }
  });
  test('property: a code with its computed check character is accepted', () => {
    fc.assert(fc.property(validCode, (code) => {
      expect(checkCreditCode(code).ok).toBe(true);
    }));
  });
  test('property: any single-character change is rejected', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...CREDIT_CODE_ALPHABET), (code, i, c) => {
        fc.pre(code[i] !== c);
        const changed = code.slice(0, i) + c + code.slice(i + 1);
        expect(checkCreditCode(changed).ok).toBe(false);
      }),
    );
  });
  test('property: swapping two different adjacent characters is rejected', () => {
    fc.assert(
      fc.property(validCode, fc.nat(16), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(checkCreditCode(swapped).ok).toBe(false);
      }),
    );
  });
  test('reasons', () => {
    expect(checkCreditCode('91110108MA01ABCD5')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkCreditCode('91110108ma01abcd5t')).toMatchObject({ ok: false, reason: 'lowercase' });
    expect(checkCreditCode('91110108MA01ABCDIT')).toMatchObject({ ok: false, reason: 'character', char: 'I' });
    expect(checkCreditCode('91110108MA01ABCD5X')).toMatchObject({ ok: false, reason: 'check', expected: 'T' });
  });
  test('lower case is an error with an upper-case hint, never silently changed', () => {
    const [d] = errors(example('91110108MA01ABCD5T', '91110108ma01abcd5t'));
    expect(brief(d)).toMatchObject({ code: 'credit-code-lowercase', keyPath: 'parties.client.creditCode', line: 37, column: 17 });
    expect(d!.hint!.en).toContain('91110108MA01ABCD5T');
  });
  test('an unquoted all-digit code keeps all 18 digits', () => {
    expect(errors(example('91110108MA01ABCD5T', '914403001922038216'))).toEqual([]);
  });
});
