import { text, type Diagnostic, type LocalizedText } from '../diagnostics.js';
import type { TemplateFile } from './registry.js';

/**
 * Template problems as diagnostics that name the .hbs file:line:column and carry the line,
 * so the CLI can show it with a caret. The diagnosis of a failure (template-diagnose.ts)
 * needs the Handlebars parser and loads only when a template fails.
 */
export function templateError(template: TemplateFile, message: string | LocalizedText, line?: number, column?: number, hint?: LocalizedText): Diagnostic {
  const sourceLine = line !== undefined ? template.source.split('\n')[line - 1] : undefined;
  return {
    kind: 'template',
    severity: 'error',
    code: 'template',
    file: template.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: typeof message === 'string' ? text(message, message) : message,
    ...(hint ? { hint } : {}),
    ...(sourceLine !== undefined ? { sourceLine } : {}),
  };
}

/** Line and column (1-based) of a Handlebars error, which reports them in one of several shapes. */
export function errorPosition(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  if (typeof e.lineNumber === 'number') return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  const m = /line (\d+)/i.exec(e.message ?? '');
  return m ? { line: Number(m[1]) } : {};
}

export function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]/, '');
}

