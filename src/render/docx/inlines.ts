/**
 * Inline nodes to runs: text (line breaks and tabs as explicit elements, never raw characters),
 * strong as bold, a draft blank as ____, a cross-reference as a REF field (references.ts).
 */
import { DeletedTextRun, InsertedTextRun, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
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
      case 'ins':
      case 'del':
        out.push(...revisionRuns(inline.kind, inline.children, refs, format));
        break;
      default:
        assertNever(inline);
    }
  }
  return out;
}

/**
 * A tracked insertion or deletion: one w:ins or w:del per run, so Word's and WPS's Accept and
 * Reject act on exactly the words that changed. A reference inside a change is its label as
 * text: a field inside a revision is not worth the fragility for a word that changed anyway.
 */
function revisionRuns(kind: 'ins' | 'del', inlines: readonly Inline[], refs: References, format: RunFormat): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const Revised = kind === 'ins' ? InsertedTextRun : DeletedTextRun;
  const add = (text: string, runFormat: RunFormat) => {
    const safe = xmlSafe(text);
    if (safe === '') return;
    safe.split('\n').forEach((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part !== '') children.push(part);
      });
      if (children.length === 0 && i === 0) return;
      out.push(new Revised({ ...runFormat, ...(i > 0 ? { break: 1 } : {}), children, ...refs.revision() }) as unknown as ParagraphChild);
    });
  };
  const walk = (nodes: readonly Inline[], runFormat: RunFormat) => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
        case 'ref':
          add(node.text, runFormat);
          break;
        case 'blank':
          add(BLANK_TEXT, runFormat);
          break;
        case 'strong':
          walk(node.children, { ...runFormat, bold: true, boldComplexScript: true });
          break;
        case 'ins':
        case 'del':
          // Nested marks do not occur in a redline; the innermost text keeps the outer mark.
          walk(node.children, runFormat);
          break;
        default:
          assertNever(node);
      }
    }
  };
  walk(inlines, format);
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
      case 'ins':
      case 'del':
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
