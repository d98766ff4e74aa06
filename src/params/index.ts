/**
 * The params stage: load (YAML text or file, with `extends`) and validate (zod schema,
 * cross-field rules, warnings). Nothing here prints or exits; problems are Diagnostics.
 */
export type { SourceLocation } from './locate.js';
export { parseParamsText, type LoadedParams } from './load.js';
export { loadParamsFile, type LoadOptions } from './extends.js';
export { validateParams, type ValidationResult } from './validate.js';
export { paramsSchema } from './schema.js';
export { paramsJsonSchema } from './json-schema.js';
export { starterParamsYaml } from './starter.js';
export { checkCreditCode, creditCodeCheckChar } from './credit-code.js';
export { isPhone, isPhoneOfKind } from './phone.js';
export type * from './types.js';
export { ANNEX_IDS, FEE_CATEGORIES, NUMBER_KINDS, VALUE_ADDED_SERVICES } from './types.js';
