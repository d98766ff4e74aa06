/** Inline model nodes to styled runs for the line breaker. */
import { assertNever, type Inline, type RefTarget } from '../../model/types.js';
import type { Run } from './line-break.js';
import type { FontStyle } from './style.js';

export const BLANK = '____';

/** The anchor of a heading that references point at. */
export const anchorKey = (target: RefTarget): string => `${target.kind}:${target.id}`;

export function toRuns(inlines: readonly Inline[], style: FontStyle = 'regular', out: Run[] = []): Run[] {
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        out.push({ text: node.text, style });
        break;
      case 'strong':
        toRuns(node.children, 'bold', out);
        break;
      case 'blank':
        out.push({ text: BLANK, style });
        break;
      case 'ref':
        out.push({ text: node.text, style, link: anchorKey(node.target) });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

export const plainText = (inlines: readonly Inline[]): string => toRuns(inlines).map((r) => r.text).join('');
