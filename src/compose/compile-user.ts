import Handlebars from 'handlebars';
import { ContractError } from '../diagnostics.js';
import { COMPILE_OPTIONS } from './compile-options.js';
import { syntaxError } from './template-diagnose.js';
import { templateError } from './template-errors.js';
import type { TemplateFile } from './registry.js';
import { checkTemplate } from './template-guard.js';

/**
 * Compiling at run time: for user templates (--templates) and built-ins edited after the
 * build. Loaded only then, since the Handlebars compiler is most of Handlebars' code.
 */
const hb = Handlebars.create();
hb.unregisterHelper('lookup');
hb.unregisterHelper('log');

export function compileTemplate(template: TemplateFile, partialNames: ReadonlySet<string>): Handlebars.TemplateDelegate {
  let problems;
  try {
    problems = checkTemplate(template.source, partialNames);
  } catch (error) {
    throw new ContractError([syntaxError(template, error)]);
  }
  if (problems.length > 0) {
    throw new ContractError(problems.map((p) => templateError(template, p.message, p.line, p.column)));
  }
  return hb.compile(template.source, COMPILE_OPTIONS);
}
