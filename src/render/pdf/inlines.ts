/** Inline model nodes to styled runs for the line breaker. */
import { assertNever, type Inline, type RefTarget, type Revision } from '../../model/types.js';
import type { Run } from './line-break.js';
import type { FontStyle } from './style.js';

export const BLANK = '____';

/** The anchor of a heading that references point at. */
export const anchorKey = (target: RefTarget): string => `${target.kind}:${target.id}`;

export function toRuns(inlines: readonly Inline[], style: FontStyle = 'regular', out: Run[] = [], mark?: Revision): Run[] {
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
        out.push({ text: node.text, style, ...(mark ? { mark } : {}) });
        break;
      case 'strong':
        toRuns(node.children, 'bold', out, mark);
        break;
      case 'blank':
        out.push({ text: BLANK, style, ...(mark ? { mark } : {}) });
        break;
      case 'ref':
        out.push({ text: node.text, style, link: anchorKey(node.target), ...(mark ? { mark } : {}) });
        break;
      case 'ins':
      case 'del':
        toRuns(node.children, style, out, node.kind);
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

export const plainText = (inlines: readonly Inline[]): string => toRuns(inlines).map((r) => r.text).join('');
