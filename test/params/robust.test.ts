import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ContractError } from '../../src/diagnostics.js';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import { EXAMPLE } from './helpers.js';

const base = parseParamsText(EXAMPLE, 'p.yaml').value as Record<string, unknown>;

/** Every key path of a value, for replacing one of them. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => paths(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))];
  return [prefix];
}
const all = paths(base).filter((p) => p.length > 0);

function replaced(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as any;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]!] = value;
  return copy;
}

test('property: any value anywhere gives params or located errors, never a throw', () => {
  fc.assert(
    fc.property(fc.constantFrom(...all), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }), (path, value) => {
      const r = validateParams(replaced(path, value));
      const errs = r.diagnostics.filter((d) => d.severity === 'error');
      expect(r.params === undefined).toBe(errs.length > 0);
      for (const d of errs) expect(d.keyPath).toBeDefined();
    }),
    { numRuns: 300 },
  );
});

test('property: any text either parses or throws a ContractError', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      try {
        validateParams(parseParamsText(s, 'p.yaml'));
      } catch (e) {
        expect(e).toBeInstanceOf(ContractError);
      }
    }),
    { numRuns: 200 },
  );
});

/** The example with `n` numbers (distinct, valid landlines) in place of its own. */
function withNumbers(n: number): string {
  const lines = Array.from({ length: n }, (_, i) => `    - { number: 010-${String(58800000 + i)}, kind: landline, region: 北京, channels: 1 }`);
  return EXAMPLE.replace(/  numbers:[^\n]*\n(    [^\n]*\n)+/, `  numbers:\n${lines.join('\n')}\n`);
}

/** The fastest of a few runs: the least disturbed by whatever else the machine is doing. */
function fastest(src: string): number {
  let best = Infinity;
  for (let round = 0; round < 4; round++) {
    const start = performance.now();
    for (let i = 0; i < 5; i++) validateParams(parseParamsText(src, 'p.yaml'));
    best = Math.min(best, (performance.now() - start) / 5);
  }
  return best;
}

test('speed sanity: loading and validating grows linearly with the file, not quadratically', () => {
  // A ratio of two timings taken side by side, so that a loaded machine slows both alike
  // (absolute figures belong in `npm run bench`). 8x the numbers is well under 8x the time if
  // linear (the rest of the file is fixed), and 64x if quadratic.
  const small = withNumbers(20);
  const large = withNumbers(160);
  expect(validateParams(parseParamsText(large, 'p.yaml')).params?.services.numbers).toHaveLength(160);
  fastest(small);
  const ratio = fastest(large) / fastest(small);
  expect(ratio).toBeLessThan(16);
});
