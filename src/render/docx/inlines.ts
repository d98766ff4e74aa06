/**
 * Inline nodes to runs: text (line breaks and tabs as explicit elements, never raw characters),
 * strong as bold, a draft blank as ____, a cross-reference as a REF field (references.ts).
 */
import { Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { assertNever, type Inline } from '../../model/types.js';
import type { References } from './references.js';
import { xmlSafe } from './text.js';

/** What a blank prints as in draft mode, as in the PDF. */
export const BLANK_TEXT = '____';

export type RunFormat = Pick<IRunOptions, 'bold' | 'boldComplexScript' | 'color' | 'size' | 'font'>;

/** A run of text: each `\n` an explicit line break, each `\t` a tab. */
export function textRuns(text: string, format: RunFormat = {}): TextRun[] {
  const safe = xmlSafe(text);
  if (safe === '') return [];
  return safe.split('\n').map((line, i) => {
    const children: (string | Tab)[] = [];
    line.split('\t').forEach((part, j) => {
      if (j > 0) children.push(new Tab());
      if (part !== '') children.push(part);
    });
    return new TextRun({ ...format, ...(i > 0 ? { break: 1 } : {}), children });
  });
}

export function inlineRuns(inlines: readonly Inline[], refs: References, format: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        out.push(...textRuns(inline.text, format));
        break;
      case 'strong':
        out.push(...inlineRuns(inline.children, refs, { ...format, bold: true, boldComplexScript: true }));
        break;
      case 'blank':
        out.push(...textRuns(BLANK_TEXT, format));
        break;
      case 'ref':
        out.push(refs.field(inline.target, xmlSafe(inline.text), format, { link: true }));
        break;
      default:
        assertNever(inline);
    }
  }
  return out;
}

/** The plain text of inlines, for measuring. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
      case 'ref':
        out += inline.text;
        break;
      case 'strong':
        out += inlineText(inline.children);
        break;
      case 'blank':
        out += BLANK_TEXT;
        break;
      default:
        assertNever(inline);
    }
  }
  return out;
}
