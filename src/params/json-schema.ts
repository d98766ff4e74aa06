/**
 * The JSON Schema of the params file, generated from the zod schema (input shape: keys
 * with defaults are optional), for editors that complete keys (`# yaml-language-server:
 * $schema=…`) and for `contract schema`.
 */
import { z } from 'zod';
import { packageVersion } from '../package-root.js';
import { paramsSchema } from './schema.js';

/** Keywords that apply to one JSON type only: they go with that type when a union is split. */
const STRING_KEYWORDS = new Set(['pattern', 'minLength', 'maxLength', 'format']);
const NUMBER_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);

/**
 * `type: ["string", "integer"]` (an identifier that YAML may read as a number) as an anyOf
 * of one branch per type, each with the keywords that apply to it, so that validators in
 * strict mode (ajv's strictTypes) accept the schema; annotations stay on the outer node.
 */
function splitUnionTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(splitUnionTypes);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, splitUnionTypes(v)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (!Array.isArray(out.type)) return out;
  const outer: Record<string, unknown> = {};
  const branches = (out.type as string[]).map((type) => ({ type }) as Record<string, unknown>);
  for (const [key, value] of Object.entries(out)) {
    if (key === 'type') continue;
    const forType = STRING_KEYWORDS.has(key) ? 'string' : NUMBER_KEYWORDS.has(key) ? 'number' : undefined;
    if (forType === undefined) outer[key] = value;
    else for (const branch of branches) if (branch.type === forType || (forType === 'number' && branch.type === 'integer')) branch[key] = value;
  }
  return { ...outer, anyOf: branches };
}

export function paramsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(paramsSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // zod leaves out the default of a field whose schema transforms (all our leaves do),
    // since in general it is an output value; ours are valid inputs too, so show them.
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && ctx.jsonSchema.default === undefined) ctx.jsonSchema.default = def.defaultValue;
    },
  }) as Record<string, unknown>;
  const strict = splitUnionTypes(schema) as Record<string, unknown>;
  const { $schema, ...rest } = strict;
  // An absolute identifier, as JSON Schema tools expect (ajv refuses to register one without).
  const identified: Record<string, unknown> = { $schema, $id: `urn:contract:params:${packageVersion()}`, ...rest };
  const properties = identified.properties as Record<string, unknown>;
  // `extends` is resolved by the loader, before the schema sees the value.
  properties.extends = {
    type: 'string',
    description: '继承的基础参数文件（相对本文件的路径） Base params file to extend, relative to this file; mappings merge, lists replace',
  };
  return identified;
}
