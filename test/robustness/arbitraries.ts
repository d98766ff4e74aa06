/**
 * fast-check arbitraries for valid params: the example, changed in ways the schema allows
 * (hostile-looking but legal text, many numbers and fee lines, annex subsets, both dispute
 * resolutions, renewal and bank blocks on or off).
 */
import fc from 'fast-check';
import { ANNEX_IDS, FEE_CATEGORIES } from '../../src/params/types.js';
import { exampleObject } from './helpers.js';

/** Text fragments that Markdown, Handlebars, XML or the font could get wrong. */
export const TRICKY = [
  'A&B',
  '*',
  '**粗**',
  '#',
  '# 标题',
  '|',
  '| a | b |',
  '<b>',
  '</w:t>',
  '&amp;',
  '&#x41;',
  '1. x',
  '- 项',
  '> 引',
  '_x_',
  '\\',
  '\\*',
  '`代码`',
  '[链接](http://x)',
  '{{p.parties}}',
  '~~删~~',
  '$1',
  '（）',
  '【】',
  '，',
  '：',
  '；',
  '！',
  '“引号”',
  '、',
  '……',
  '喆',
  '堃',
  '赟',
  '玥',
  '珺',
  '昇',
  '犇',
  '镕',
  '星河科技有限公司',
  'Acme Ltd.',
] as const;

const RARE = ['喆', '堃', '赟', '玥', '珺', '昇', '犇', '镕'];

/** A name: tricky fragments joined, or exactly 80 characters. */
export const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...RARE, '北', '京', '数', '据', 'A', '&', '*', '_', '#', '|', '（', '）'), { minLength: 80, maxLength: 80 })
      .map((chars) => `北${chars.join('').slice(1)}`),
  },
);

const KINDS = ['400', '800', '95', 'landline', 'mobile', 'virtual'] as const;

/** A number valid for its kind, distinct for each index. */
export function numberFor(kind: (typeof KINDS)[number], i: number): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  switch (kind) {
    case '400':
      return `400-810-${p(i, 4)}`;
    case '800':
      return `800-820-${p(i, 4)}`;
    case '95':
      return `95${p(100 + i, 4)}`;
    case 'landline':
      return `021-6${p(i, 7)}`;
    case 'mobile':
      return `139${p(i, 8)}`;
    case 'virtual':
      return `170${p(i, 8)}`;
  }
}

const numbersArb = fc.array(fc.record({ kind: fc.constantFrom(...KINDS), channels: fc.integer({ min: 1, max: 100_000 }), region: fc.constantFrom('全国', '北京', '上海', 'A&B', '<b>') }), {
  minLength: 1,
  maxLength: 60,
});

/** A price with 0 to 3 decimals, written as text exactly as a user would quote it. */
const priceArb = fc.tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(0, 1, 2, 3)).map(([milli, scale]) => {
  const whole = Math.floor(milli / 1000);
  const fraction = String(milli % 1000).padStart(3, '0').slice(0, scale);
  return scale === 0 ? String(whole) : `${whole}.${fraction}`;
});

const feeItemsArb = fc.array(
  fc.record({
    name: nameArb,
    category: fc.constantFrom(...FEE_CATEGORIES),
    unit: fc.constantFrom('个/月', '分钟', '坐席/月', '次', 'GB'),
    unitPrice: priceArb,
    quantity: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map(String), fc.constantFrom('1.5', '0.0001', '12.25')),
  }),
  { minLength: 1, maxLength: 40 },
);

export interface Variant {
  readonly params: Record<string, any>;
  readonly clientName: string;
  readonly providerName: string;
  readonly feeNames: readonly string[];
}

export const validParamsArb: fc.Arbitrary<Variant> = fc
  .record({
    clientName: nameArb,
    providerName: nameArb,
    numbers: numbersArb,
    fees: feeItemsArb,
    annexes: fc.shuffledSubarray([...ANNEX_IDS]),
    disputes: fc.constantFrom<'litigation' | 'litigation-default' | 'arbitration'>('litigation', 'litigation-default', 'arbitration'),
    autoRenewal: fc.boolean(),
    clientBank: fc.boolean(),
    providerBank: fc.boolean(),
    contractNumber: fc.integer({ min: 1, max: 9999 }),
  })
  .map((v) => {
    const p = exampleObject();
    p.contract.number = `YDH-PBT-${String(v.contractNumber).padStart(4, '0')}`;
    p.parties.client.name = v.clientName;
    p.parties.provider.name = v.providerName;
    p.services.numbers = v.numbers.map((n, i) => ({ number: numberFor(n.kind, i), kind: n.kind, region: n.region, channels: n.channels }));
    p.fees.items = v.fees;
    p.annexes = v.annexes;
    if (v.disputes === 'arbitration') p.disputes = { resolution: 'arbitration', arbitration: { commission: '北京仲裁委员会' } };
    else if (v.disputes === 'litigation-default') p.disputes = { resolution: 'litigation' };
    if (!v.autoRenewal) delete p.contract.term.autoRenewal;
    if (!v.clientBank) delete p.parties.client.bank;
    if (!v.providerBank) delete p.parties.provider.bank;
    return { params: p, clientName: v.clientName, providerName: v.providerName, feeNames: v.fees.map((f) => f.name) };
  });
