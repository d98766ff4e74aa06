/**
 * The consistency rules (src/params/lint): each fires on a case built from the example and
 * stays quiet on the example itself; every finding is a located warning whose code is the
 * rule id, and every rule is documented in docs/lint-rules.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LINT_RULES, lintParams } from '../../src/params/lint/index.js';
import { englishWord } from '../../src/params/lint/latin-text.js';
import type { ContractParams } from '../../src/params/types.js';
import { exampleParams } from '../fixtures/params.js';
import { check, example } from './helpers.js';

type Case = [id: string, edit: (p: ContractParams) => void, keyPath: string];

const CASES: Case[] = [
  ['renewal-notice-vs-renewal', (p) => { p.contract.term = { ...p.contract.term, years: 3, autoRenewal: { years: 1, noticeDays: 400 } }; }, 'contract.term.autoRenewal.noticeDays'],
  ['sla-gap-below-availability', (p) => { p.quality.availability = '99.95'; }, 'sla.credits[0].below'],
  ['credit-cap-below-tier', (p) => { p.sla.monthlyCap = '30'; }, 'sla.monthlyCap'],
  ['maintenance-short-notice', (p) => { p.maintenance = [{ noticeDate: '2025-03-01', window: '2025-03-02 01:00-03:00', content: '升级', impact: '无' }]; }, 'maintenance[0].window'],
  ['maintenance-after-signing', (p) => { p.maintenance = [{ noticeDate: '2025-04-07', window: '2025-04-10 02:00-04:00', content: '升级', impact: '无' }]; }, 'maintenance[0].noticeDate'],
  ['maintenance-outside-term', (p) => { p.maintenance = [{ noticeDate: '2027-03-01', window: '2027-03-05 02:00-04:00', content: '升级', impact: '无' }]; }, 'maintenance[0].noticeDate'],
  ['retention-vs-confidentiality', (p) => { p.dataProtection.recordingRetentionDays = 3650; }, 'dataProtection.recordingRetentionDays'],
  ['payment-vs-statement', (p) => { p.fees.billing.paymentDays = 30; }, 'fees.billing.paymentDays'],
  ['liability-cap-below-fees', (p) => { p.liability.cap = { amount: '10000.00' }; }, 'liability.cap.amount'],
  ['precedence-amendments-first', (p) => { p.contract.precedence = ['body', 'amendments', 'sla', 'outageCompensation', 'feeSchedule', 'serviceSpec', 'nda']; }, 'contract.precedence'],
  ['support-hours-vs-availability', (p) => { p.support.hours = 'workdays'; }, 'support.hours'],
  ['support-single-channel', (p) => { p.support = { hours: '7x24', workdayHours: '09:00-18:00', hotline: p.parties.provider.contact.phone }; }, 'support'],
  ['force-majeure-evidence-before-notice', (p) => { p.forceMajeure.evidenceDays = 2; }, 'forceMajeure.evidenceDays'],
  ['unit-undefined', (p) => { p.fees.items[4]!.unit = '席位/月'; }, 'fees.items[4].unit'],
  ['latin-text', (p) => { p.fees.items[0]!.name = '400号码月租（monthly）'; }, 'fees.items[0].name'],
];

describe('lint rules', () => {
  test('at least ten rules, ids unique and kebab-case, every rule has a case here', () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(CASES.map((c) => c[0]).sort()).toEqual([...ids].sort());
  });

  test('quiet on the example', () => {
    expect(lintParams(exampleParams())).toEqual([]);
  });

  test.each(CASES)('%s fires, as a warning with its id, at the value to look at', (id, edit, keyPath) => {
    const p = exampleParams();
    edit(p);
    const found = lintParams(p);
    expect(found.map((d) => d.code)).toContain(id);
    const d = found.find((x) => x.code === id)!;
    expect(d).toMatchObject({ severity: 'warning', kind: 'schema', keyPath });
    expect(d.message.en.length).toBeGreaterThan(10);
    expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
    // Only this rule fires: the cases are independent of each other.
    expect(found.filter((x) => x.code !== id)).toEqual([]);
  });

  test('every rule is documented in docs/lint-rules.md, in both languages', () => {
    const docs = readFileSync('docs/lint-rules.md', 'utf8');
    for (const rule of LINT_RULES) {
      expect(docs, rule.id).toContain(`### \`${rule.id}\``);
      expect(docs).toContain(rule.description.zh);
    }
  });

  test('validate reports a finding at its file:line:column', () => {
    const r = check(example('paymentDays: 10 ', 'paymentDays: 30 '), 'p.yaml');
    expect(r.params).toBeDefined();
    const d = r.diagnostics.find((x) => x.code === 'payment-vs-statement');
    expect(d).toMatchObject({ severity: 'warning', file: 'p.yaml', keyPath: 'fees.billing.paymentDays', column: 18 });
    expect(d!.line).toBe(example('paymentDays: 10 ', 'paymentDays: 30 ').split('\n').findIndex((l) => l.includes('paymentDays: 30')) + 1);
  });

  test('a rule that reads a value left open in a draft does not run', () => {
    const p = exampleParams();
    p.maintenance = [{ noticeDate: '2025-04-07', window: '2025-04-10 02:00-04:00', content: '升级', impact: '无' }];
    expect(lintParams(p).map((d) => d.code)).toContain('maintenance-after-signing');
    expect(lintParams(p, { open: [['contract', 'signing', 'date']] }).map((d) => d.code)).not.toContain('maintenance-after-signing');
  });
});

describe('English words in Chinese text', () => {
  test.each([
    ['费用项目第01项（monthly）', 'monthly'],
    ['valueAdded服务', 'valueAdded'],
    ['通话费（Usage）', 'Usage'],
    ['按 minute 计费', 'minute'],
  ])('%s is caught', (value, word) => expect(englishWord(value)).toBe(word));
  test.each(['语音导航（IVR）', 'A&B 星河*数据* #1 科技有限公司', 'Apple电脑贸易（上海）有限公司', '2025-04-10 02:00-04:00', '1GB存储'])('%s passes', (value) => {
    expect(englishWord(value)).toBeUndefined();
  });
});
