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
