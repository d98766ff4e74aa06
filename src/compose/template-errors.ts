import { text, type Diagnostic } from '../diagnostics.js';
import type { TemplateFile } from './registry.js';

export function templateError(template: TemplateFile, message: string, line?: number, column?: number): Diagnostic {
  return {
    kind: 'template',
    severity: 'error',
    code: 'template',
    file: template.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: text(message, message),
  };
}

/** Line and column of a Handlebars error, which reports them in one of several shapes. */
export function errorPosition(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  if (typeof e.lineNumber === 'number') return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  const m = /line (\d+)/i.exec(e.message ?? '');
  return m ? { line: Number(m[1]) } : {};
}

export function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/ - \d+:\d+$/, '')
    .replace(/ in \[object Object\]/, '')
    .replace(/^"(.+)" not defined$/, 'the template names "$1", which is not a parameter');
}
