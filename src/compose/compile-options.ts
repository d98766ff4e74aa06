import { HELPER_NAMES } from './context.js';

/** Block helpers Handlebars provides that templates may use. */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;

/**
 * The one set of compile options, shared by the build-time precompiler and the run-time
 * compiler of user templates, so that both produce the same template functions.
 */
export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpers: Object.fromEntries([...HELPER_NAMES, ...BLOCK_HELPERS].map((name) => [name, true])),
  knownHelpersOnly: true,
  noEscape: true,
  preventIndent: true,
} as const;
