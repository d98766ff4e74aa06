import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, unescapeMarkdown } from '../../src/compose/escape.js';
import { parseMarkdownTree, type MdNode } from '../../src/model/markdown-tree.js';

/** The text a paragraph made of `prefix + escaped value` reads as, after CommonMark parsing. */
function readBack(markdown: string): { text: string; blocks: string[] } {
  const tree = parseMarkdownTree(markdown);
  const texts: string[] = [];
  const walk = (node: MdNode) => {
    for (const token of node.inline?.children ?? []) if (token.type === 'text' || token.type === 'code_inline') texts.push(token.content);
    node.children.forEach(walk);
  };
  tree.forEach(walk);
  return { text: texts.join(''), blocks: tree.map((n) => n.type) };
}

const printable = fc.string({ unit: fc.oneof(fc.constantFrom(...'\\`*_[]<>&|~!{}#>+-=.()1234567890 aA中文，。&amp;'.split('')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 })
  .filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.trim() === s && s !== '');

describe('escapeMarkdown', () => {
  it.each(['A&B', 'A&amp;B', '*粗体*', '# 标题', '1. 条款', '| a | b |', '<b>x</b>', '[链接](http://x)', '_x_', '`code`', '- 列表', '> 引用', '---', '=='])(
    '%s prints literally',
    (value) => {
      const { text, blocks } = readBack(`甲方：${escapeMarkdown(value)}`);
      expect(text).toBe(`甲方：${value}`);
      expect(blocks).toEqual(['paragraph']);
      const atStart = readBack(escapeMarkdown(value));
      expect(atStart.text).toBe(value);
      expect(atStart.blocks).toEqual(['paragraph']);
    },
  );

  it('any single-line value reads back unchanged, mid-line and at a line start (property)', () => {
    fc.assert(
      fc.property(printable, (value) => {
        expect(readBack(`名称：${escapeMarkdown(value)}`).text).toBe(`名称：${value}`);
        const start = readBack(escapeMarkdown(value));
        expect(start.text).toBe(value);
        expect(start.blocks).toEqual(['paragraph']);
      }),
      { numRuns: 1000 },
    );
  });

  it('unescape reverses escape', () => {
    fc.assert(fc.property(printable, (value) => {
      expect(unescapeMarkdown(escapeMarkdown(value))).toBe(value);
    }));
  });
});
