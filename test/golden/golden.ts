import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Paired fixtures: the expectation is written on the first run and rewritten with UPDATE=1;
 * the diff is reviewed in git. Otherwise the output must match it exactly.
 */
export function expectGolden(path: string, actual: string): void {
  if (process.env['UPDATE'] === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env['CI']) throw new Error(`golden file ${path} was missing; run the tests locally and commit it`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
