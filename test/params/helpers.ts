import { readFileSync } from 'node:fs';
import { ContractError, type Diagnostic } from '../../src/diagnostics.js';
import { parseParamsText, validateParams } from '../../src/params/index.js';

export const EXAMPLE_PATH = 'examples/params.example.yaml';
export const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');

/** Parse + validate, returning every diagnostic (thrown YAML errors included). */
export function check(source: string | Uint8Array, file = 'params.yaml'): { diagnostics: readonly Diagnostic[]; params?: unknown } {
  try {
    const loaded = parseParamsText(source, file);
    return validateParams(loaded);
  } catch (e) {
    if (e instanceof ContractError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

export function errors(source: string | Uint8Array): Diagnostic[] {
  return check(source).diagnostics.filter((d) => d.severity === 'error');
}

/** The example with `from` replaced by `to` (`from` must occur). */
export function example(from: string | RegExp, to: string): string {
  const ok = typeof from === 'string' ? EXAMPLE.includes(from) : from.test(EXAMPLE);
  if (!ok) throw new Error(`not in the example: ${String(from)}`);
  return EXAMPLE.replace(from, to);
}

/** Short form of a diagnostic for assertions. */
export function brief(d: Diagnostic | undefined) {
  return d && { code: d.code, keyPath: d.keyPath ?? '', line: d.line, column: d.column, kind: d.kind };
}
