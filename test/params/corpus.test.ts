/**
 * The invalid corpus: each test/fixtures/invalid/NAME.yaml must fail, and its first error
 * must be the one in NAME.expected.json. Missing expectations are written on first run
 * (UPDATE=1 rewrites them all); review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXIT_CODE } from '../../src/diagnostics.js';
import { check } from './helpers.js';

const dir = 'test/fixtures/invalid';
const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();

describe('invalid corpus', () => {
  test('has at least 45 cases', () => expect(names.length).toBeGreaterThanOrEqual(45));

  test.each(names)('%s', (name) => {
    const { diagnostics, params } = check(readFileSync(join(dir, `${name}.yaml`)), `${name}.yaml`);
    expect(params).toBeUndefined();
    const first = diagnostics.find((d) => d.severity === 'error');
    expect(first).toBeDefined();
    const actual = {
      exitCode: EXIT_CODE[first!.kind],
      kind: first!.kind,
      keyPath: first!.keyPath ?? '',
      line: first!.line,
      column: first!.column,
    };
    const expectedFile = join(dir, `${name}.expected.json`);
    if (process.env.UPDATE || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    // Every message is ours: both languages, no raw zod/yaml wording.
    for (const d of diagnostics) {
      expect(d.message.en).not.toMatch(/Invalid input|expected \w+, received|Unrecognized key/);
      expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(d.file).toBe(`${name}.yaml`);
    }
  });
});
