import { describe, expect, test } from 'vitest';
import { paramsJsonSchema, parseParamsText, starterParamsYaml, validateParams } from '../../src/params/index.js';

describe('JSON Schema', () => {
  const s = paramsJsonSchema() as any;
  test('draft 2020-12, strict, input shape: defaulted keys optional, required ones listed', () => {
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.additionalProperties).toBe(false);
    expect(s.required).toEqual(expect.arrayContaining(['contract', 'parties', 'services', 'fees', 'confidentiality', 'notices']));
    expect(s.required).not.toContain('quality');
    expect(s.properties.contract.required).toEqual(['number', 'signing', 'term']);
    expect(s.properties.quality.properties.availability.default).toBe('99.9');
    expect(s.properties.extends.type).toBe('string');
  });
  test('every property has a description (editors show them)', () => {
    const missing: string[] = [];
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (node.properties) {
        for (const [k, v] of Object.entries<any>(node.properties)) {
          if (!v.description) missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      if (node.items) walk(node.items, `${path}[]`);
      for (const alt of node.anyOf ?? []) walk(alt, path);
    };
    walk(s, '');
    expect(missing).toEqual([]);
  });
  test('identifiers and decimals accept numbers too (what YAML gives for unquoted digits)', () => {
    // A union of types is an anyOf of one branch per type (ajv's strict mode refuses `type: [..]`).
    const types = (node: any) => node.anyOf.map((b: any) => b.type);
    expect(types(s.properties.parties.properties.client.properties.creditCode)).toEqual(['string', 'integer']);
    expect(types(s.properties.quality.properties.connectionRate)).toEqual(['string', 'number']);
    expect(s.properties.parties.properties.client.properties.creditCode.anyOf[0].pattern).toBeDefined();
    expect(s.properties.parties.properties.client.properties.creditCode.anyOf[1].pattern).toBeUndefined();
  });
});

describe('starter', () => {
  test('validates, without warnings', () => {
    const r = validateParams(parseParamsText(starterParamsYaml(), 'params.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.params).toBeDefined();
  });
  test('is commented in Chinese and English', () => {
    const y = starterParamsYaml();
    expect(y).toMatch(/# .*必填.*required/);
    expect(y.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThan(60);
  });
});
