import HandlebarsRuntimeModule from 'handlebars/runtime.js';
import { loadPrecompiled } from './precompiled.js';
import type { TemplateFile } from './registry.js';
import { sourceHash } from './template-source.js';

export type TemplateFn = (context: unknown, options?: Record<string, unknown>) => string;

// One isolated runtime environment for precompiled templates: nothing registered globally,
// and no built-in helper that looks up arbitrary properties or prints.
// The runtime's typings are the full Handlebars' (runtime.d.ts re-exports them oddly).
const HandlebarsRuntime = HandlebarsRuntimeModule as unknown as typeof import('handlebars');
const runtime = HandlebarsRuntime.create();
runtime.unregisterHelper('lookup');
runtime.unregisterHelper('log');
/** Handlebars' own `each`, which the render guard wraps to count its output. */
export const builtInEach = runtime.helpers['each'] as import('handlebars').HelperDelegate;

const compiled = new Map<string, TemplateFn>();

/**
 * The template function of a template file: the build's precompiled version when it was
 * built from this very source, otherwise compiled now (user templates, edited built-ins).
 */
export async function templateFunction(template: TemplateFile, language: string, partialNames: ReadonlySet<string>): Promise<TemplateFn> {
  const key = `${template.file}\0${template.source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  let fn: TemplateFn | undefined;
  if (template.builtIn) {
    const entry = (await loadPrecompiled())[`${language}/${template.name}`];
    if (entry && entry.hash === sourceHash(template.source)) fn = runtime.template(entry.spec as never) as TemplateFn;
  }
  if (!fn) {
    const { compileTemplate } = await import('./compile-user.js');
    fn = compileTemplate(template, partialNames) as TemplateFn;
  }
  compiled.set(key, fn);
  return fn;
}
