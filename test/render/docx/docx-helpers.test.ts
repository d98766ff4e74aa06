/**
 * The bundles replace some of docx's helpers and its XML writer with faster code
 * (scripts/docx-helpers.mjs). Here each replaced function and its original, both taken from
 * docx's own file, are run on the same generated inputs and must give the same results: the
 * same objects (keys, order, values, property kinds) and the same XML text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script, plain JavaScript without types
import { REPLACEMENTS } from '../../../scripts/docx-helpers.mjs';

const docxSource = readFileSync(createRequire(import.meta.url).resolve('docx').replace(/index\.cjs$/, 'index.mjs'), 'utf8');
const replacements = REPLACEMENTS as readonly (readonly [string, string])[];

/** The text of docx's file from the line starting with `from` up to (not including) the one starting with `to`. */
function region(from: string, to: string): string {
  const start = docxSource.indexOf(`\n${from}`);
  const end = docxSource.indexOf(`\n${to}`, start + 1);
  if (start < 0 || end < 0) throw new Error(`docx's dist/index.mjs no longer has ${from} … ${to}`);
  return docxSource.slice(start, end);
}

/** `text` with every replacement that applies to it, and how many did. */
function patched(text: string): { text: string; applied: number } {
  let applied = 0;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) continue;
    text = text.replace(from, () => to);
    applied++;
  }
  return { text, applied };
}

const evaluate = <T>(text: string, names: readonly string[]): T => new Function(`${text}\nreturn { ${names.join(', ')} };`)() as T;

/** What `run` returns, or that it threw (the same inputs must throw in both). */
function outcome(run: () => object): unknown {
  try {
    return shape(run());
  } catch (error) {
    return ['threw', (error as Error).constructor.name];
  }
}

/** An object's own properties as comparable data: key, kind and value, in order. */
const shape = (o: object) => [
  Object.getPrototypeOf(o) === Object.prototype,
  ...Reflect.ownKeys(o).map((key) => {
    const d = Object.getOwnPropertyDescriptor(o, key)!;
    return [String(key), 'value' in d ? ['value', d.value] : ['accessor'], d.enumerable, d.writable, d.configurable];
  }),
];

describe("docx's helpers as the bundles replace them", () => {
  const helpers = region('function _typeof(o) {', '// src/file/xml-components/base.ts') + region('function ownKeys(e, r) {', '// src/file/xml-components/default-attributes.ts');
  type Helpers = { _defineProperty: (o: object, k: unknown, v: unknown) => object; _objectSpread2: (...o: unknown[]) => object };
  const before = evaluate<Helpers>(helpers, ['_defineProperty', '_objectSpread2']);
  const after = patched(helpers);
  const now = evaluate<Helpers>(after.text, ['_defineProperty', '_objectSpread2']);

  it('replaces both helpers', () => expect(after.applied).toBe(2));

  const key = fc.oneof(fc.constantFrom('a', 'b', 'w:val', 'toString', '__proto__', 'constructor', '0', '1'), fc.string({ maxLength: 3 }));
  const source = fc.oneof(
    fc.dictionary(key, fc.anything({ maxDepth: 1 }), { maxKeys: 5 }),
    fc.constantFrom(null, undefined, 'ab', 7),
    fc.tuple(fc.dictionary(key, fc.integer(), { maxKeys: 3 }), fc.integer()).map(([o, v]) => Object.assign(o, { [Symbol.for('s')]: v })),
    fc.integer().map((v) => Object.defineProperty({ plain: 1 }, 'hidden', { value: v, enumerable: false })),
  );

  it('_objectSpread2 defines the same properties in the same order', () => {
    fc.assert(
      fc.property(fc.array(source, { maxLength: 4 }), fc.dictionary(key, fc.integer(), { maxKeys: 3 }), (sources, start) => {
        const a = outcome(() => before._objectSpread2({ ...start }, ...sources));
        const b = outcome(() => now._objectSpread2({ ...start }, ...sources));
        expect(b).toEqual(a);
      }),
    );
  });

  it('_defineProperty defines the same property', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.integer(), { maxKeys: 3 }), fc.oneof(key, fc.integer(), fc.constant(Symbol.for('k'))), fc.anything({ maxDepth: 1 }), (start, k, v) => {
        expect(outcome(() => now._defineProperty({ ...start }, k, v))).toEqual(outcome(() => before._defineProperty({ ...start }, k, v)));
      }),
    );
  });
});

describe("docx's XML writer as the bundles replace it", () => {
  const writer = region('var ESCAPES = ', 'var stringifyAttributes = ');
  type Writer = { stringifyXmlable: (input: unknown, options?: { indent?: string; declaration?: { encoding?: string; standalone?: string } }) => string };
  const before = evaluate<Writer>(writer, ['stringifyXmlable']);
  const after = patched(writer);
  const now = evaluate<Writer>(after.text, ['stringifyXmlable']);

  it('replaces the writer', () => expect(after.applied).toBe(1));

  const name = fc.constantFrom('w:p', 'w:r', 'w:t', 'a', 'x:y');
  const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a&b', '<x>', '"q"', "it's", 'ctl\u0001', ''));
  const scalar = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(undefined));
  const attributes = fc.dictionary(fc.constantFrom('w:val', 'w:eastAsia', 'xml:space', 'id'), scalar, { maxKeys: 3 });
  const { element } = fc.letrec((tie) => ({
    element: fc.oneof(
      { depthSize: 'small' },
      fc.record({ n: name, v: scalar }).map(({ n, v }) => ({ [n]: v })),
      fc.record({ n: name, a: attributes }).map(({ n, a }) => ({ [n]: { _attr: a } })),
      fc.record({ n: name, c: text }).map(({ n, c }) => ({ [n]: { _cdata: c } })),
      fc.record({ n: name, kids: fc.array(fc.oneof(tie('element'), scalar, attributes.map((a) => ({ _attr: a }))), { maxLength: 4 }) }).map(({ n, kids }) => ({ [n]: kids })),
      fc.constant({}),
    ),
  }));

  it('writes the same text for any tree, without indentation and with it', () => {
    fc.assert(
      fc.property(fc.oneof(element, fc.array(element, { maxLength: 3 })), fc.constantFrom(undefined, { standalone: 'yes' }, { encoding: 'UTF-8' }), fc.constantFrom('', '  '), (tree, declaration, indent) => {
        const options = { indent, ...(declaration ? { declaration } : {}) };
        let expected: string | Error;
        try {
          expected = before.stringifyXmlable(tree, options);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => now.stringifyXmlable(tree, options)).toThrow();
        else expect(now.stringifyXmlable(tree, options)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("docx's element and attribute components as the bundles replace them", () => {
  const components = region('var __commonJSMin = ', '// src/file/xml-components/attributes.ts');
  type Root = Record<string, unknown>;
  type Prepared = { prepForXml: (context: unknown) => object };
  type Classes = {
    XmlAttributeComponent: new (root: unknown) => Prepared;
    NextAttributeComponent: new (root: unknown) => Prepared;
    XmlComponent: new (key: string) => Prepared & { root: unknown[] };
  };
  const names = ['XmlAttributeComponent', 'NextAttributeComponent', 'XmlComponent'];
  const before = evaluate<Classes>(components, names);
  const after = patched(components);
  const now = evaluate<Classes>(after.text, names);

  it('replaces the helpers and the three methods', () => expect(after.applied).toBe(5));

  const key = fc.constantFrom('val', 'color', 'w:val', 'sz', '0', '__proto__', 'toString');
  const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(undefined));
  /** A subclass with an xmlKeys map, as docx's attribute classes have, or none. */
  const attributeClass = (base: Classes['XmlAttributeComponent'], xmlKeys: Root | undefined) =>
    xmlKeys === undefined
      ? base
      : class extends base {
          xmlKeys = xmlKeys;
        };
  const roots = fc.oneof(
    fc.dictionary(key, value, { maxKeys: 5 }),
    fc.constantFrom(null, undefined, 'ab', 7),
    fc.integer().map((v) => Object.defineProperty({ plain: 1 }, 'hidden', { value: v, enumerable: false })),
    fc.integer().map((v) => Object.assign(Object.create({ inherited: v }), { own: v })),
  );

  it('XmlAttributeComponent maps the same keys to the same values', () => {
    fc.assert(
      fc.property(roots, fc.option(fc.dictionary(key, fc.constantFrom('w:a', 'w:b', ''), { maxKeys: 3 }), { nil: undefined }), (root, xmlKeys) => {
        const a = outcome(() => new (attributeClass(before.XmlAttributeComponent, xmlKeys))(root).prepForXml({}));
        const b = outcome(() => new (attributeClass(now.XmlAttributeComponent, xmlKeys))(root).prepForXml({}));
        expect(b).toEqual(a);
      }),
    );
  });

  it('NextAttributeComponent keeps the first place and the last value of a repeated key', () => {
    const entry = fc.record({ key, value });
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 2 }), entry, { maxKeys: 5 }), (root) => {
        expect(outcome(() => new now.NextAttributeComponent(root).prepForXml({}))).toEqual(outcome(() => new before.NextAttributeComponent(root).prepForXml({})));
      }),
    );
  });

  it('XmlComponent prepares the same children', () => {
    /** A tree of components and plain values, built the same way from each copy of the classes. */
    type Spec = { tag: string; kids: (Spec | string | number | undefined | { attrs: Root })[] };
    const build = (classes: Classes, spec: Spec): Prepared => {
      const element = new classes.XmlComponent(spec.tag);
      for (const kid of spec.kids) {
        if (kid !== null && typeof kid === 'object' && 'attrs' in kid) element.root.push(new classes.XmlAttributeComponent(kid.attrs));
        else if (kid !== null && typeof kid === 'object') element.root.push(build(classes, kid));
        else element.root.push(kid);
      }
      return element;
    };
    const { tree } = fc.letrec((tie) => ({
      tree: fc.record({
        tag: fc.constantFrom('w:p', 'w:r', 'w:t'),
        // The recursive case last: past the depth fast-check allows, oneof takes the first.
        kids: fc.array(fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 2 }), fc.integer(), fc.constant(undefined), fc.dictionary(key, value, { maxKeys: 2 }).map((attrs) => ({ attrs })), tie('tree') as fc.Arbitrary<Spec>), { maxLength: 4 }),
      }),
    }));
    fc.assert(
      fc.property(tree, (spec) => {
        const prepare = (classes: Classes) => JSON.stringify(build(classes, spec).prepForXml({ stack: [] }));
        expect(prepare(now)).toBe(prepare(before));
      }),
    );
  });
});
