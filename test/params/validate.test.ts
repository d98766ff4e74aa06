import { describe, expect, test } from 'vitest';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import type { ContractParams } from '../../src/params/types.js';
import { brief, check, errors, example, EXAMPLE } from './helpers.js';

const valid = (src: string): ContractParams => {
  const r = check(src);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.params as ContractParams;
};

/** A minimal valid file: only required keys. */
const MINIMAL = `contract:
  number: YDH-1
  signing: { date: 2025-03-01, place: 北京市海淀区 }
  term: { years: 1 }
parties:
  client:
    name: 甲
    creditCode: 91110108MA01ABCD5T
    address: 北京
    legalRepresentative: 张
    contact: { name: 李, phone: 13800138000 }
  provider:
    name: 乙
    creditCode: 91310115MA5FXY1252
    address: 上海
    legalRepresentative: 王
    contact: { name: 陈, phone: 021-50001234, email: c@example.net }
services:
  numbers: [{ number: 400-810-8888, kind: 400, region: 全国, channels: 1 }]
  calling: { voice: true, video: false }
fees:
  items: [{ name: 月租, category: monthly, unit: 个/月, unitPrice: 1000.10, quantity: 1 }]
  billing: { paymentDays: 10 }
confidentiality: { years: 3 }
notices: { changeNoticeDays: 5 }
`;

describe('the normative example', () => {
  test('validates with zero errors and zero warnings', () => {
    const r = validateParams(parseParamsText(EXAMPLE, 'params.example.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.params).toBeDefined();
  });
  test('identifiers and decimals exact', () => {
    const p = valid(EXAMPLE);
    expect(p.parties.client.bank!.account).toBe('0200004509200012345');
    expect(p.fees.items.map((i) => i.unitPrice)).toEqual(['200.00', '50.00', '0.12', '0.30', '20.00']);
    expect(p.services.numbers[0]!.kind).toBe('400');
    expect(p.quality.availability).toBe('99.9');
    expect(p.sla.credits[1]!.below).toBe('99.0');
  });
});

describe('defaults', () => {
  const p = valid(MINIMAL);
  test('applied', () => {
    expect(p.language).toBe('zh-CN');
    expect(p.contract.title).toBe('云电话服务合同');
    expect(p.contract.term.effectiveDate).toBe('2025-03-01');
    expect('autoRenewal' in p.contract.term).toBe(false);
    expect(p.quality).toEqual({ connectionRate: '98', availability: '99.9', faultResponseMinutes: 30, faultResolutionHours: 4, maintenanceNoticeHours: 48 });
    expect(p.fees.currency).toBe('CNY');
    expect(p.fees.taxRate).toBe('6');
    expect(p.fees.pricesIncludeTax).toBe(true);
    expect(p.fees.billing).toEqual({ statementDay: 'monthEnd', paymentDays: 10, method: '银行转账', increment: 'minute', inbound400Charged: true });
    expect(p.fees.invoice).toBe('special');
    expect(p.fees.suspension).toEqual({ overdueDays: 30, cureWorkingDays: 10, restoreWorkingDays: 1 });
    expect(p.fees.units).toEqual({});
    expect(p.contract.precedence).toEqual(['amendments', 'body', 'sla', 'outageCompensation', 'feeSchedule', 'serviceSpec', 'nda']);
    expect(p.support).toEqual({ hours: '7x24', workdayHours: '09:00-18:00', hotline: p.parties.provider.contact.phone });
    expect(p.liability).toEqual({ excludeIndirectLosses: true });
    expect(p.dataProtection).toEqual({ recordingRetentionDays: 180, returnDays: 30, breachNoticeHours: 24 });
    expect(p.cooperation).toEqual({ meetings: 'quarterly', usageRulesDays: 30 });
    expect(p.forceMajeure).toEqual({ noticeDays: 3, evidenceDays: 15, terminationDays: 30 });
    expect(p.termination).toEqual({ slaBreachMonths: 2, cureDays: 15, finalBillWorkingDays: 10, lawChangeDays: 15 });
    expect(p.confidentiality).toEqual({ years: 3, returnWorkingDays: 10 });
    expect(p.sla.outageRefund).toBe(true);
    expect(p.sla.connectionRateCredit).toBe('10');
    expect(p.sla.monthlyCap).toBe('100');
    expect('latePaymentPerDay' in p.fees).toBe(false);
    expect(p.disputes).toEqual({ resolution: 'litigation', court: '北京市海淀区人民法院', negotiationDays: 30 });
    expect(p.notices.client).toEqual({ address: '北京' });
    expect(p.notices.provider).toEqual({ address: '上海', email: 'c@example.net' });
    expect(p.sla.credits).toEqual([
      { below: '99.9', creditPercent: '10' },
      { below: '99.0', creditPercent: '25' },
      { below: '95.0', creditPercent: '50' },
    ]);
    expect(p.maintenance).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p.annexes).toEqual(['serviceSpec', 'feeSchedule', 'nda', 'changeAgreement', 'outageCompensation', 'maintenanceLog', 'userManual', 'sla']);
    expect(p.services.calling.conference).toBe(false);
    expect(p.services.valueAdded).toEqual([]);
    expect(p.services.numbers[0]!.kind).toBe('400');
    expect(p.fees.items[0]!.unitPrice).toBe('1000.10');
    expect(p.fees.items[0]!.quantity).toBe('1');
  });
  test('autoRenewal years 0 means no renewal (property absent)', () => {
    const q = valid(MINIMAL.replace('term: { years: 1 }', 'term: { years: 1, autoRenewal: { years: 0 } }'));
    expect('autoRenewal' in q.contract.term).toBe(false);
  });
  test('notices default field by field', () => {
    const q = valid(MINIMAL.replace('notices: { changeNoticeDays: 5 }', 'notices: { changeNoticeDays: 5, client: { email: n@example.com } }'));
    expect(q.notices.client).toEqual({ address: '北京', email: 'n@example.com' });
  });
  test('changes', () => {
    const q = valid(`${MINIMAL}changes:\n  - { clause: 第五条, original: 十日, amended: 十五日, effectiveDate: 2025-06-01 }\n`);
    expect(q.changes).toEqual([{ clause: '第五条', original: '十日', amended: '十五日', effectiveDate: '2025-06-01' }]);
  });
  test('arbitration', () => {
    const q = valid(MINIMAL + 'disputes: { resolution: arbitration, arbitration: { commission: 北京仲裁委员会 } }\n');
    expect(q.disputes).toEqual({ resolution: 'arbitration', arbitration: { commission: '北京仲裁委员会' }, negotiationDays: 30 });
  });
});

describe('plain objects (library use)', () => {
  test('work without locations', () => {
    const value = parseParamsText(MINIMAL, 'x').value as any;
    expect(validateParams(structuredClone(value)).params).toBeDefined();
    value.contract.term.years = 0;
    const r = validateParams(value);
    expect(r.params).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ keyPath: 'contract.term.years', code: 'expected-integer', kind: 'schema', severity: 'error' }),
    ]);
    expect(r.diagnostics[0]!.line).toBeUndefined();
  });
  test('an own __proto__ key is rejected, nothing polluted', () => {
    const value = parseParamsText(MINIMAL, 'x').value as any;
    const bad = JSON.parse(`{"__proto__": {"polluted": 1}}`);
    const r = validateParams({ ...value, ...bad });
    expect(r.diagnostics.map((d) => d.keyPath)).toContain('__proto__');
    expect(({} as any).polluted).toBeUndefined();
  });
  test('numbers from code: exact if safe, else "quote it"', () => {
    const value = parseParamsText(MINIMAL, 'x').value as any;
    value.parties.client.bank = { name: '行', account: 121900000010001 };
    expect(validateParams(value).params!.parties.client.bank!.account).toBe('121900000010001');
    value.parties.client.bank.account = 914403001922038216;
    expect(validateParams(value).diagnostics[0]!.code).toBe('identifier-number');
  });
  test('non-object input', () => {
    expect(validateParams(null).diagnostics[0]!.code).toBe('no-value');
    expect(validateParams([]).diagnostics[0]!.code).toBe('expected-mapping');
  });
});

const first = (src: string) => brief(errors(src)[0]);

describe('field rules', () => {
  test.each([
    ['years 0', /years: 2 /, 'years: 0 ', 'contract.term.years', 'expected-integer'],
    ['years 1.5', /years: 2 /, 'years: 1.5', 'contract.term.years', 'expected-integer'],
    ['channels 0', 'channels: 30', 'channels: 0', 'services.numbers[0].channels', 'expected-integer'],
    ['paymentDays 91', 'paymentDays: 10', 'paymentDays: 91', 'fees.billing.paymentDays', 'expected-integer'],
    ['statementDay 0', 'statementDay: monthEnd', 'statementDay: 0', 'fees.billing.statementDay', 'bad-statement-day'],
    ['confidentiality 51', /years: 3 /, 'years: 51', 'confidentiality.years', 'expected-integer'],
    ['changeNoticeDays 61', 'changeNoticeDays: 5', 'changeNoticeDays: 61', 'notices.changeNoticeDays', 'expected-integer'],
    ['latePaymentPerDay 0', 'latePaymentPerDay: 0.05', 'latePaymentPerDay: 0', 'fees.latePaymentPerDay', 'decimal-range'],
    ['taxRate 100.5', 'taxRate: 6', 'taxRate: 100.5', 'fees.taxRate', 'decimal-range'],
    ['availability text', 'availability: 99.9', 'availability: high', 'quality.availability', 'bad-decimal'],
    ['price 4 decimals', 'unitPrice: 0.12', 'unitPrice: 0.1234', 'fees.items[2].unitPrice', 'decimal-scale'],
    ['price 3 decimals ok-then-negative quantity', 'quantity: 2000', 'quantity: -1', 'fees.items[3].quantity', 'negative'],
    ['empty name', 'name: 李娜', 'name: ""', 'parties.client.contact.name', 'empty-text'],
    ['blank name', 'name: 李娜', 'name: "  "', 'parties.client.contact.name', 'empty-text'],
    ['name is a number', 'name: 李娜', 'name: 12', 'parties.client.contact.name', 'expected-text'],
    ['tab in text', 'name: 李娜', 'name: "李\\t娜"', 'parties.client.contact.name', 'control-char'],
    ['U+FFFF', 'name: 李娜', 'name: "李\\uFFFF娜"', 'parties.client.contact.name', 'non-character'],
    ['lone surrogate', 'name: 李娜', 'name: "李\\uD800娜"', 'parties.client.contact.name', 'lone-surrogate'],
    ['private use', 'name: 李娜', 'name: "李\\uF8FF娜"', 'parties.client.contact.name', 'private-use-char'],
    ['newline', 'name: 李娜', 'name: "李\\n娜"', 'parties.client.contact.name', 'multi-line'],
    ['number with space', 'number: YDH-2025-0001', 'number: " YDH-2025-0001"', 'contract.number', 'identifier-space'],
    ['account too short', 'account: "121900000010001"', 'account: "1219"', 'parties.provider.bank.account', 'bad-bank-account'],
    ['account letters', 'account: "121900000010001"', 'account: "12190000001000A"', 'parties.provider.bank.account', 'bad-bank-account'],
    ['bad email', 'email: lina@example.com', 'email: "lina at example.com"', 'parties.client.contact.email', 'bad-email'],
    ['bad phone', 'phone: 021-50001234', 'phone: 021-5000', 'parties.provider.contact.phone', 'bad-phone'],
    ['kind 800 mismatch', 'kind: "400"', 'kind: "800"', 'services.numbers[0].number', 'number-kind-mismatch'],
    ['date 2025-13-01', 'effectiveDate: 2025-03-01', 'effectiveDate: 2025-13-01', 'contract.term.effectiveDate', 'impossible-date'],
    ['date 2024-02-29 ok, 2025-02-29 not', 'effectiveDate: 2025-03-01', 'effectiveDate: 2025-02-29', 'contract.term.effectiveDate', 'impossible-date'],
    ['unknown annex', '- nda ', '- ndaa', 'annexes[2]', 'not-allowed-value'],
    ['unknown currency', 'currency: CNY', 'currency: USD', 'fees.currency', 'not-allowed-value'],
    ['statementDay as text', 'statementDay: monthEnd', 'statementDay: month-end', 'fees.billing.statementDay', 'bad-statement-day'],
    ['conference participants', 'maxParticipants: 50', 'maxParticipants: 2', 'services.calling.conference.maxParticipants', 'expected-integer'],
    ['conference unknown key', 'maxParticipants: 50', 'maxParticipant: 50', 'services.calling.conference.maxParticipant', 'unknown-key'],
    ['boolean as text', 'pricesIncludeTax: true', 'pricesIncludeTax: "true"', 'fees.pricesIncludeTax', 'expected-boolean'],
  ])('%s', (_name, from, to, keyPath, code) => {
    expect(first(example(from, to))).toMatchObject({ keyPath, code });
  });
  test('missing key points at the parent mapping key', () => {
    expect(first(example(/    legalRepresentative: 张伟[^\n]*\n/, ''))).toMatchObject({ keyPath: 'parties.client.legalRepresentative', code: 'required', line: 35, column: 3 });
  });
  test('unknown key at the key, with did-you-mean, and the typo does not also report the key missing', () => {
    const ds = errors(example('    place: 北京市海淀区', '    plcae: 北京市海淀区'));
    expect(ds.map(brief)).toEqual([{ code: 'unknown-key', keyPath: 'contract.signing.plcae', line: 16, column: 5, kind: 'schema' }]);
    expect(ds[0]!.hint).toEqual({ en: 'did you mean `place`?', zh: '是不是要写 `place`？' });
  });
  test('no suggestion for a far-off key', () => {
    expect(errors(example('language: zh-CN', 'language: zh-CN\nfoo: 1'))[0]!.hint).toBeUndefined();
  });
  test('kind accepts 400 unquoted and the string form', () => {
    expect(valid(example('kind: "400"', 'kind: 400')).services.numbers[0]!.kind).toBe('400');
  });
  test('a leap day is a date', () => {
    valid(example('noticeDate: 2025-04-07', 'noticeDate: 2028-02-29'));
  });
  test('all errors of a file at once, field and cross-field together, sorted by position', () => {
    const src = example(/years: 2 /, 'years: 99').replace('creditPercent: 25', 'creditPercent: 5').replace('phone: 010-62345678', 'phone: 123');
    const ds = errors(src);
    expect(ds.map((d) => d.keyPath)).toEqual(['contract.term.years', 'parties.client.contact.phone', 'sla.credits[1].creditPercent']);
    expect(ds.map((d) => d.line)).toEqual([...ds.map((d) => d.line!)].sort((a, b) => a - b));
  });
  test('messages are ours, in both languages', () => {
    const ds = errors(example('contract:', 'contract: [1]\nx:'));
    for (const d of ds) {
      expect(d.message.en).not.toMatch(/Invalid input|received/);
      expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('cross-field rules', () => {
  test.each([
    ['effective before signing', 'effectiveDate: 2025-03-01', 'effectiveDate: 2025-02-28', 'contract.term.effectiveDate', 'effective-before-signing'],
    ['renewal notice >= term', 'noticeDays: 30', 'noticeDays: 730', 'contract.term.autoRenewal.noticeDays', 'renewal-notice-too-long'],
    ['sla below not decreasing', 'below: 95.0', 'below: 99.0', 'sla.credits[2].below', 'sla-order'],
    ['sla credit not increasing', 'creditPercent: 50', 'creditPercent: 25', 'sla.credits[2].creditPercent', 'sla-order'],
    ['sla credit above 100', 'creditPercent: 50', 'creditPercent: 150', 'sla.credits[2].creditPercent', 'decimal-range'],
    ['first tier above availability', 'availability: 99.9', 'availability: 99.5', 'sla.credits[0].below', 'sla-above-availability'],
    ['duplicate valueAdded', '- ivr ', '- callerId', 'services.valueAdded[4]', 'duplicate'],
    ['duplicate number with other separators', 'number: 010-58886666\n      kind: landline', 'number: 4008108888\n      kind: "400"', 'services.numbers[1].number', 'duplicate'],
    ['change before signing', 'annexes:', 'changes:\n  - { clause: a, original: b, amended: c, effectiveDate: 2025-01-01 }\nannexes:', 'changes[0].effectiveDate', 'date-before-signing'],
    ['arbitration with litigation', '  # arbitration:', '  arbitration: { commission: 北京仲裁委员会 }\n  # arbitration:', 'disputes.arbitration', 'arbitration-with-litigation'],
    ['liability cap with both forms', '  # cap:', '  cap: { amount: 100000.00, feesMultiple: 1 }\n  # cap:', 'liability.cap', 'liability-cap-form'],
    ['liability cap with neither form', '  # cap:', '  cap: {}\n  # cap:', 'liability.cap', 'liability-cap-form'],
    ['precedence listed twice', '    - nda\n', '    - nda\n    - body\n', 'contract.precedence[7]', 'duplicate'],
    ['a form in the precedence', '    - nda\n', '    - changeAgreement\n', 'contract.precedence[6]', 'not-allowed-value'],
    ['a unit key that combines two units', '  units: {}', '  units: { 坐席/月: 指…… }', 'fees.units.坐席/月', 'bad-unit-key'],
    ['support hours upside down', 'workdayHours: 09:00-18:00', 'workdayHours: 18:00-09:00', 'support.workdayHours', 'bad-hours'],
    ['support portal not a web address', 'portal: https://support.example.net', 'portal: support.example.net', 'support.portal', 'bad-url'],
    ['support hotline not a phone', 'hotline: 400-820-1234', 'hotline: 400-82', 'support.hotline', 'bad-phone'],
    ['a day count out of range', 'overdueDays: 30', 'overdueDays: 0', 'fees.suspension.overdueDays', 'expected-integer'],
    ['an unknown increment', 'increment: minute', 'increment: minutes', 'fees.billing.increment', 'not-allowed-value'],
  ])('%s', (_name, from, to, keyPath, code) => {
    expect(first(example(from, to))).toMatchObject({ keyPath, code });
  });
  test('renewal notice just below the term is fine', () => {
    valid(example('noticeDays: 30', 'noticeDays: 730').replace(/years: 2 /, 'years: 3 '));
  });
  test('the first tier may equal the availability', () => {
    valid(example('availability: 99.9', 'availability: 99.90'));
  });
});

describe('warnings do not block', () => {
  const warnings = (src: string) => {
    const r = check(src);
    expect(r.params).toBeDefined();
    return r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  };
  test.each([
    ['telecom licence missing', /    telecomLicense: [^\n]*\n/, '', 'telecom-license-missing'],
    ['telecom licence odd', 'B2-20190001', 'XYZ', 'telecom-license-format'],
    ['connection rate below 98', 'connectionRate: 98', 'connectionRate: 95', 'connection-rate-low'],
    ['no late payment', /  latePaymentPerDay: [^\n]*\n/, '', 'no-late-payment'],
    ['vague court', 'court: 北京市海淀区人民法院', 'court: 海淀', 'court-vague'],
    ['no sla credits', /  credits: [^\n]*\n(    [^\n]*\n)+/, '  credits: []\n', 'no-sla-credits'],
    ['maintenance without its annex', '  - maintenanceLog ', '  # - maintenanceLog', 'maintenance-without-annex', 'maintenance: []', 'maintenance: [{ noticeDate: 2025-03-01, window: 2025-03-04 02:00-04:00, content: 升级, impact: 无 }]'],
    ['zero fee line', 'quantity: 2000', 'quantity: 0', 'zero-fee-line'],
  ])('%s', (_name, from, to, code, from2?: string, to2?: string) => {
    const src = example(from, to);
    expect(warnings(from2 !== undefined ? src.replace(from2, to2!) : src)).toContain(code);
  });
  test('a warning carries its location', () => {
    const r = check(example('connectionRate: 98', 'connectionRate: 97.5'));
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', keyPath: 'quality.connectionRate', line: 84, column: 19 });
  });
});

describe('fees.units keys', () => {
  test('a unit named like a prototype property is refused, and nothing is polluted', () => {
    const value = parseParamsText(EXAMPLE, 'x').value as any;
    for (const key of ['__proto__', 'constructor']) {
      const units = Object.create(null) as Record<string, string>;
      Object.defineProperty(units, key, { value: '指……', enumerable: true });
      const r = validateParams({ ...value, fees: { ...value.fees, units } });
      expect(r.params).toBeUndefined();
      expect(r.diagnostics.map((d) => d.code)).toContain('forbidden-key');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
  test('a fee unit written `constructor` is simply undefined (a lint warning), not Object.prototype.constructor', () => {
    const r = check(example('unit: 坐席/月', 'unit: constructor'));
    expect(r.params).toBeDefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('unit-undefined');
  });
  test('a Date beyond the year 9999 is refused, not turned into +010000-01-01', () => {
    const value = parseParamsText(EXAMPLE, 'x').value as any;
    const r = validateParams({ ...value, contract: { ...value.contract, term: { ...value.contract.term, effectiveDate: new Date('+010000-01-01T00:00:00Z') } } });
    expect(r.diagnostics[0]).toMatchObject({ code: 'impossible-date', keyPath: 'contract.term.effectiveDate' });
  });
});
