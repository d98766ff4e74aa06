/**
 * Words of the contract for a text diff, CJK-aware: a Chinese character is a word of its own,
 * while a date, an amount (in figures or in 大写), a number with its sign or percent, and a
 * Latin word or address are single words, so a changed price is one change of one number,
 * never a scatter of changed digits. A cross-reference is a word identified by its target,
 * not its label: an article inserted before it renumbers the label without changing the word.
 */
import type { Inline, RefTarget } from '../model/types.js';

export interface Token {
  /** What the word prints as. */
  readonly text: string;
  /** What the diff compares: the text, or the target of a reference. */
  readonly key: string;
  readonly bold: boolean;
  readonly ref?: RefTarget;
  readonly blank?: string;
}

const WORD = new RegExp(
  [
    '\\d{4}年\\d{1,2}月\\d{1,2}日', // 2025年3月1日
    '\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?:-\\d{2}:\\d{2})?)?', // 2025-04-10 02:00-04:00
    '-?[¥￥]-?\\d+(?:,\\d{3})*(?:\\.\\d+)?', // ¥7,450.00
    '人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+', // 人民币柒仟肆佰伍拾元整
    '\\d+(?:,\\d{3})*(?:\\.\\d+)?%?', // 50,000 / 43.2 / 99.9%
    '[A-Za-z][A-Za-z0-9]*(?:[._+@:/-][A-Za-z0-9]+)*', // words, e-mail addresses, B2-20190001
    '\\s+',
    '[\\s\\S]', // any other character: one CJK character, one punctuation mark
  ].join('|'),
  'gu',
);

function textTokens(text: string, bold: boolean, out: Token[]): void {
  for (const match of text.matchAll(WORD)) out.push({ text: match[0], key: match[0], bold });
}

export function tokenize(inlines: readonly Inline[], bold = false, out: Token[] = []): Token[] {
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        textTokens(node.text, bold, out);
        break;
      case 'strong':
        tokenize(node.children, true, out);
        break;
      case 'ins':
      case 'del':
        // A redline compared again: its marks are not words.
        tokenize(node.children, bold, out);
        break;
      case 'blank':
        out.push({ text: '____', key: `\u0000blank:${node.hint}`, bold, blank: node.hint });
        break;
      case 'ref':
        out.push({ text: node.text, key: `\u0000ref:${node.target.kind}:${node.target.id}`, bold, ref: node.target });
        break;
    }
  }
  return out;
}

/** The key sequence of inlines, for comparing whole paragraphs. */
export const tokenKey = (tokens: readonly Token[]): string => tokens.map((t) => t.key).join('');

/** Tokens back to inline nodes (consecutive text of one weight merged). */
export function untokenize(tokens: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  let text = '';
  let bold = false;
  const flush = () => {
    if (text === '') return;
    const node: Inline = { kind: 'text', text };
    out.push(bold ? { kind: 'strong', children: [node] } : node);
    text = '';
  };
  for (const token of tokens) {
    if (token.bold !== bold) {
      flush();
      bold = token.bold;
    }
    if (token.ref) {
      flush();
      const node: Inline = { kind: 'ref', target: token.ref, text: token.text };
      out.push(bold ? { kind: 'strong', children: [node] } : node);
    } else if (token.blank !== undefined) {
      flush();
      const node: Inline = { kind: 'blank', hint: token.blank };
      out.push(bold ? { kind: 'strong', children: [node] } : node);
    } else text += token.text;
  }
  flush();
  return out;
}
