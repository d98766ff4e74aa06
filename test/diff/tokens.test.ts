import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, untokenize } from '../../src/diff/tokens.js';
import { wordDiff } from '../../src/diff/compare.js';
import type { Inline } from '../../src/model/types.js';

const words = (text: string) => tokenize([{ kind: 'text', text }]).map((t) => t.text);
const plain = (inlines: readonly Inline[]): string =>
  inlines.map((i) => (i.kind === 'text' || i.kind === 'ref' ? i.text : i.kind === 'strong' ? plain(i.children) : '____')).join('');

describe('CJK-aware words', () => {
  it('makes each Chinese character a word, and dates, amounts and numbers single words', () => {
    expect(words('合同期限为2年')).toEqual(['合', '同', '期', '限', '为', '2', '年']);
    expect(words('预估为¥7,450.00（大写：人民币柒仟肆佰伍拾元整）')).toContain('¥7,450.00');
    expect(words('预估为¥7,450.00（大写：人民币柒仟肆佰伍拾元整）')).toContain('人民币柒仟肆佰伍拾元整');
    expect(words('自2025年3月1日起')).toEqual(['自', '2025年3月1日', '起']);
    expect(words('不低于99.9%，数量50,000')).toEqual(['不', '低', '于', '99.9%', '，', '数', '量', '50,000']);
    expect(words('邮箱lina@example.com。')).toEqual(['邮', '箱', 'lina@example.com', '。']);
  });

  it('identifies a reference by its target, so renumbering is no change', () => {
    const before = tokenize([{ kind: 'ref', target: { kind: 'article', id: 'term' }, text: '第十二条' }]);
    const after = tokenize([{ kind: 'ref', target: { kind: 'article', id: 'term' }, text: '第十三条' }]);
    expect(wordDiff(before, after).map((o) => o.op)).toEqual(['equal']);
  });

  it('a changed price is one change of one word', () => {
    const ops = wordDiff(tokenize([{ kind: 'text', text: '单价为¥0.12元/分钟' }]), tokenize([{ kind: 'text', text: '单价为¥0.10元/分钟' }]));
    expect(ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.tokens.map((t) => t.text).join('')])).toEqual([
      ['del', '¥0.12'],
      ['ins', '¥0.10'],
    ]);
  });

  it('property: words put back together give the same text and structure', () => {
    const inline: fc.Arbitrary<Inline> = fc.oneof(
      fc.string({ unit: fc.constantFrom('合', '同', '1', '2', '.', ',', '¥', '%', 'a', 'B', '@', ' ', '：', '年', '月', '日', '-') }).map((text) => ({ kind: 'text' as const, text })),
      fc.constantFrom<Inline>({ kind: 'ref', target: { kind: 'annex', id: 'nda' }, text: '附件三' }, { kind: 'blank', hint: '开户行' }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(inline, inline.map((child) => ({ kind: 'strong' as const, children: [child] })))), (raw) => {
        // The model never holds two adjacent texts of one weight (the parser merges them).
        const inlines = untokenize(tokenize(raw));
        const tokens = tokenize(inlines);
        expect(plain(inlines)).toBe(plain(raw));
        expect(plain(untokenize(tokens))).toBe(plain(inlines));
        expect(tokenize(untokenize(tokens)).map((t) => t.key)).toEqual(tokens.map((t) => t.key));
      }),
    );
  });
});
