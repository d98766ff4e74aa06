import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { docxParagraphTexts } from '../render/docx/inspect.js';

/** The PDF's text as poppler extracts it (what e-sign tools and search see). */
export function pdfText(path: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function docxText(path: string): string {
  return docxParagraphTexts(new Uint8Array(readFileSync(path))).join('\n');
}

/** Whitespace removed: line breaks and justification must not split a searched value. */
export const squash = (s: string) => s.replace(/\s+/g, '');
