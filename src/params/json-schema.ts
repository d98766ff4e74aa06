/**
 * The JSON Schema of the params file, generated from the zod schema (input shape: keys
 * with defaults are optional), for editors that complete keys (`# yaml-language-server:
 * $schema=…`) and for `contract schema`.
 */
import { z } from 'zod';
import { paramsSchema } from './schema.js';

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
  const properties = schema.properties as Record<string, unknown>;
  // `extends` is resolved by the loader, before the schema sees the value.
  properties.extends = {
    type: 'string',
    description: '继承的基础参数文件（相对本文件的路径） Base params file to extend, relative to this file; mappings merge, lists replace',
  };
  return schema;
}
