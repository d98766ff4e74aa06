/**
 * Property: one random edit of the example's YAML text (a line deleted, duplicated or swapped,
 * a value replaced by a random string, a tab or any Unicode character inserted, the file
 * truncated) either stays valid, and then the contract generates, or is rejected with
 * diagnostics that all carry file, line and column. The library never throws anything but a
 * ContractError; the CLI (run on a sample) exits 1 with file:line:column and no stack trace.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractError, formatDiagnostic, type Diagnostic } from '../../src/diagnostics.js';
import { generate, validate } from '../../src/pipeline.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK } from './helpers.js';

const LINES = EXAMPLE_TEXT.split('\n');
const SEED = Number(process.env.FC_SEED ?? 7_2025);

/** Any code point but a surrogate (a file on disk cannot hold a lone one). */
const codePointArb = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0xd7ff }),
  fc.integer({ min: 0xe000, max: 0x10ffff }),
  fc.constantFrom(0x00, 0x01, 0x09, 0x0b, 0x1b, 0x7f, 0x85, 0xa0, 0x200b, 0x2028, 0xfeff, 0xfffe, 0xffff, 0x1f600, 0x20bb7),
).map((c) => String.fromCodePoint(c));

const valueArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.array(codePointArb, { maxLength: 4 }).map((a) => a.join('')),
  fc.constantFrom('~', 'null', '""', '"', "'", '{', '[', '&a', '*a', '!!js/function x', '!!binary AAAA', '-1', '1e5', '0x1F', '.inf', 'true', 'yes', '', ': :', '# c', '|', '>', '😀', '𠮷', '2025-02-30', '99999999999999999999', '__proto__', '<<: *a'),
);

type Mutation =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'value'; line: number; value: string }
  | { op: 'tab'; line: number; column: number }
  | { op: 'char'; offset: number; char: string }
  | { op: 'truncate'; offset: number };

const lineArb = fc.nat({ max: LINES.length - 1 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: lineArb }),
  fc.record({ op: fc.constant('duplicate' as const), line: lineArb }),
  fc.record({ op: fc.constant('swap' as const), line: lineArb, other: lineArb }),
  fc.record({ op: fc.constant('value' as const), line: lineArb, value: valueArb }),
  fc.record({ op: fc.constant('tab' as const), line: lineArb, column: fc.nat({ max: 40 }) }),
  fc.record({ op: fc.constant('char' as const), offset: fc.nat({ max: EXAMPLE_TEXT.length }), char: codePointArb }),
  fc.record({ op: fc.constant('truncate' as const), offset: fc.nat({ max: EXAMPLE_TEXT.length - 1 }) }),
);

export function mutate(m: Mutation): string {
  const lines = [...LINES];
  switch (m.op) {
    case 'delete':
      lines.splice(m.line, 1);
      break;
    case 'duplicate':
      lines.splice(m.line, 0, lines[m.line]!);
      break;
    case 'swap':
      [lines[m.line], lines[m.other]] = [lines[m.other]!, lines[m.line]!];
      break;
    case 'value': {
      // `key: value  # comment` -> `key: <random>  # comment`; a line without a value gets one.
      const l = lines[m.line]!;
      const match = /^(\s*(?:- )?[^\s#:][^:#]*:)(\s*)([^#]*?)(\s*#.*)?$/.exec(l);
      lines[m.line] = match ? `${match[1]} ${m.value}${match[4] ?? ''}` : `${l}${m.value}`;
      break;
    }
    case 'tab': {
      const l = lines[m.line]!;
      const at = Math.min(m.column, l.length);
      lines[m.line] = `${l.slice(0, at)}\t${l.slice(at)}`;
      break;
    }
    case 'char':
      return EXAMPLE_TEXT.slice(0, m.offset) + m.char + EXAMPLE_TEXT.slice(m.offset);
    case 'truncate':
      return EXAMPLE_TEXT.slice(0, m.offset);
  }
  return lines.join('\n');
}

const FILE = 'mutant.yaml';

/** Every error names the file and a position inside (or just after) the text. */
function expectLocated(diagnostics: readonly Diagnostic[], source: string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  const lineCount = source.split('\n').length;
  for (const d of errors) {
    const shown = formatDiagnostic(d, 'en');
    expect(d.file, shown).toBe(FILE);
    expect(Number.isInteger(d.line) && d.line! >= 1 && d.line! <= lineCount + 1, shown).toBe(true);
    expect(Number.isInteger(d.column) && d.column! >= 1, shown).toBe(true);
    expect(d.message.en.length, shown).toBeGreaterThan(0);
  }
}

describe('one random edit of a valid file', () => {
  it('is either valid and generates, or invalid with located diagnostics; never another exception', async () => {
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(mutationArb, async (m) => {
        const yaml = mutate(m);
        const result = await validate({ yaml, file: FILE }); // must not throw
        if (result.params) {
          valid++;
          try {
            const { outputs } = await generate({ yaml, file: FILE }, { formats: ['docx', 'pdf'] });
            expect(outputs.map((o) => o.format)).toEqual(['docx', 'pdf']);
            expect(outputs.every((o) => o.data.byteLength > 1000)).toBe(true);
          } catch (e) {
            const detail = e instanceof ContractError ? e.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n') : String((e as Error).stack);
            throw new Error(`validate accepted the file but generate failed:\n${detail}`);
          }
        } else {
          invalid++;
          expectLocated(result.diagnostics, yaml);
          // generate agrees with validate, and throws only a ContractError.
          const error = await generate({ yaml, file: FILE }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(ContractError);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 120), seed: SEED, endOnFailure: true },
    );
    console.info(`mutations: ${valid} valid, ${invalid} invalid`);
    // Both sides of the property were exercised.
    expect(valid).toBeGreaterThan(5);
    expect(invalid).toBeGreaterThan(30);
  }, 120_000);

  it('the CLI exits 1 on a sample of invalid edits, with file:line:column and no stack trace', async () => {
    const dir = tempDir('contract-mutant-');
    const cases: { file: string; diagnostic: Diagnostic }[] = [];
    for (const m of fc.sample(mutationArb, { seed: SEED + 1, numRuns: 200 })) {
      if (cases.length >= 8) break;
      const yaml = mutate(m);
      const file = join(dir, `m${cases.length}.yaml`);
      const result = await validate({ yaml, file });
      if (result.params) continue;
      writeFileSync(file, yaml);
      cases.push({ file, diagnostic: result.diagnostics.find((d) => d.severity === 'error')! });
    }
    expect(cases.length).toBe(8);
    const out = join(dir, 'out');
    const r = runCli(['gen', ...cases.map((c) => c.file), '-o', out, '-j', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/internal error/i);
    for (const { file, diagnostic } of cases) expect(r.stderr).toContain(`${file}:${diagnostic.line}:${diagnostic.column}`);
  });
});
