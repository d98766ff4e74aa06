/**
 * `--draft`: missing required values are accepted, each a located warning with its key path,
 * and print as blanks; invalid values still fail; without draft nothing changes.
 */
import { describe, expect, test } from 'vitest';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import { EXAMPLE, example } from './helpers.js';

const draft = (src: string, file = 'd.yaml') => validateParams(parseParamsText(src, file), { draft: true });
const final = (src: string) => validateParams(parseParamsText(src, 'd.yaml'));
const opened = (src: string) => draft(src).diagnostics.filter((d) => d.code === 'draft-open').map((d) => d.keyPath);

describe('draft validation', () => {
  test('the example has nothing open', () => {
    const r = draft(EXAMPLE);
    expect(r.diagnostics).toEqual([]);
    expect(r.open).toEqual([]);
  });

  test('a missing required value is an error without draft, a warning at the parent key with it', () => {
    const src = example(/    legalRepresentative: 张伟[^\n]*\n/, '');
    expect(final(src).params).toBeUndefined();
    const r = draft(src);
    expect(r.params).toBeDefined();
    const d = r.diagnostics.find((x) => x.code === 'draft-open')!;
    expect(d).toMatchObject({ severity: 'warning', keyPath: 'parties.client.legalRepresentative', line: 35, column: 3 });
    expect(d.message.zh).toContain('____');
    expect(r.open).toEqual([['parties', 'client', 'legalRepresentative']]);
  });

  test('an empty value (`key:`) is open too', () => {
    expect(opened(example('place: 北京市海淀区 ', 'place: '))).toEqual(['contract.signing.place']);
  });

  test('a whole missing section opens each of its required values', () => {
    expect(opened(example(/confidentiality:\n  years: 3[^\n]*\n  returnWorkingDays: 10[^\n]*\n/, ''))).toEqual(['confidentiality.years']);
    const noNumbers = example(/  numbers:[^\n]*\n(    [^\n]*\n)+/, '');
    expect(opened(noNumbers).sort()).toEqual(['services.numbers[0].channels', 'services.numbers[0].kind', 'services.numbers[0].number', 'services.numbers[0].region']);
  });

  test('a missing boolean is assumed true and says so', () => {
    const r = draft(example(/    voice: true[^\n]*\n/, ''));
    expect(r.params!.services.calling.voice).toBe(true);
    expect(r.diagnostics.find((d) => d.code === 'draft-open')!.message.en).toContain('assumes true');
  });

  test('an invalid value still fails', () => {
    const r = draft(example(/    legalRepresentative: 张伟[^\n]*\n/, '').replace('paymentDays: 10 ', 'paymentDays: 0 '));
    expect(r.params).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.keyPath)).toEqual(['fees.billing.paymentDays']);
  });

  test('a default computed from an open value is open too; a given one is not', () => {
    const noDate = example(/    date: 2025-03-01[^\n]*\n/, '');
    expect(draft(noDate).open).not.toContainEqual(['contract', 'term', 'effectiveDate']);
    const neither = noDate.replace(/    effectiveDate: 2025-03-01[^\n]*\n( {20,}#[^\n]*\n)*/, '');
    expect(draft(neither).open).toContainEqual(['contract', 'term', 'effectiveDate']);
  });

  test('a missing contract number names the draft after its file', () => {
    const r = draft(example(/  number: YDH-2025-0001[^\n]*\n/, ''), 'customers/acme.yaml');
    expect(r.params!.contract.number).toBe('acme');
  });

  test('warnings about a placeholder are left out (a zero price that is only open)', () => {
    const r = draft(example(/      unitPrice: 0.12\n/, ''));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['draft-open']);
  });
});
