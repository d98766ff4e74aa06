import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPhone, isPhoneOfKind } from '../../src/params/phone.js';
import { NUMBER_KINDS } from '../../src/params/types.js';

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const landline = fc.oneof(
  fc.tuple(fc.constantFrom('010', '020', '021', '029'), digits(8)).map(([a, n]) => `${a}-${n}`),
  fc.tuple(fc.integer({ min: 300, max: 999 }), fc.integer({ min: 7, max: 8 }).chain((n) => digits(n))).map(([a, n]) => `0${a}-${n}`),
);
const mobile = fc.tuple(fc.constantFrom('', '+86'), fc.integer({ min: 3, max: 9 }), digits(9)).map(([p, d, n]) => `${p}1${d}${n}`);
const n400 = fc.tuple(digits(3), digits(4), fc.boolean()).map(([a, b, dash]) => (dash ? `400-${a}-${b}` : `400${a}${b}`));
const n95 = fc.integer({ min: 3, max: 6 }).chain((n) => digits(n)).map((d) => `95${d}`);

describe('phone formats', () => {
  test('examples', () => {
    for (const ok of ['010-62345678', '0755-8601338', '0755-86013388', '021-50001234-123', '021-50001234转8', '13800138000', '+8613800138000', '400-810-8888', '4008108888', '800-810-8888', '95588']) {
      expect(isPhone(ok), ok).toBe(true);
    }
    for (const bad of ['12345', '010-1234567', '10-62345678', '12800138000', '1380013800', '400-810-888', '010 62345678', '(010)62345678', '95', '']) {
      expect(isPhone(bad), bad).toBe(false);
    }
  });
  test('property: generated numbers are accepted for their kind only', () => {
    const cases = [
      [landline, 'landline'],
      [mobile, 'mobile'],
      [n400, '400'],
      [n95, '95'],
    ] as const;
    for (const [arb, kind] of cases) {
      fc.assert(
        fc.property(arb, (n) => {
          expect(isPhone(n)).toBe(true);
          expect(isPhoneOfKind(n, kind)).toBe(true);
          for (const other of NUMBER_KINDS) {
            if (other !== kind && other !== 'virtual') expect(isPhoneOfKind(n, other), `${n} as ${other}`).toBe(false);
          }
        }),
      );
    }
  });
  test('property: a mobile number with a digit dropped or added is rejected', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)), fc.boolean(), ([d, n], drop) => {
        const m = `1${d}${n}`;
        expect(isPhoneOfKind(drop ? m.slice(0, -1) : `${m}0`, 'mobile')).toBe(false);
      }),
    );
  });
  test('virtual numbers may be mobile or landline ranges', () => {
    expect(isPhoneOfKind('17012345678', 'virtual')).toBe(true);
    expect(isPhoneOfKind('010-62345678', 'virtual')).toBe(true);
    expect(isPhoneOfKind('400-810-8888', 'virtual')).toBe(false);
  });
});
