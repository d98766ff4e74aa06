/** Inline nodes to runs: text (explicit breaks and tabs, never a raw newline), strong, blank. */
import { assertNever, type Inline } from '../../model/types.js';
import { BLANK_TEXT } from './layout.js';
import { rPr, type RunProps } from './props.js';
import { xmlSafe } from './text.js';
import { esc } from './xml.js';

/** A run of text: `\n` becomes `<w:br/>`, `\t` becomes `<w:tab/>`. */
export function run(text: string, props: RunProps = {}): string {
  const safe = xmlSafe(text);
  if (safe === '') return '';
  let content = '';
  const lines = safe.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) content += '<w:br/>';
    line.split('\t').forEach((part, j) => {
      if (j > 0) content += '<w:tab/>';
      if (part !== '') content += `<w:t xml:space="preserve">${esc(part)}</w:t>`;
    });
  });
  return `<w:r>${rPr(props)}${content}</w:r>`;
}

export function inlineRuns(inlines: readonly Inline[], props: RunProps = {}): string {
  let x = '';
  for (const inline of inlines) x += inlineRun(inline, props);
  return x;
}

function inlineRun(inline: Inline, props: RunProps): string {
  switch (inline.kind) {
    case 'text':
      return run(inline.text, props);
    case 'strong':
      return inlineRuns(inline.children, { ...props, bold: true });
    case 'blank':
      return run(BLANK_TEXT, { ...props, underline: true });
    case 'ref':
      return run(inline.text, props);
    default:
      return assertNever(inline);
  }
}

/** The plain text of inlines, for widths. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text':
        out += inline.text;
        break;
      case 'strong':
        out += inlineText(inline.children);
        break;
      case 'blank':
        out += BLANK_TEXT;
        break;
      case 'ref':
        out += inline.text;
        break;
      default:
        assertNever(inline);
    }
  }
  return out;
}
