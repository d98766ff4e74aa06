import Handlebars from 'handlebars';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import type { AnnexId, ContractParams } from '../params/types.js';
import { buildContext } from './build-context.js';
import type { TemplateContext } from './context.js';
import { HELPER_NAMES } from './context.js';
import { HelperError, makeHelpers } from './helpers.js';
import { loadTemplates, type TemplateFile } from './registry.js';
import { BLOCK_HELPERS, checkTemplate } from './template-guard.js';

export interface ComposedPart {
  readonly name: string;
  /** The template file, for messages. */
  readonly file: string;
  readonly markdown: string;
}
export interface ComposedArticle extends ComposedPart {
  /** `fees` for articles/05-fees. */
  readonly id: string;
}
export interface ComposedAnnex extends ComposedPart {
  readonly id: AnnexId;
}
export interface ComposedContract {
  readonly context: TemplateContext;
  readonly preamble: ComposedPart;
  /** Articles whose template rendered to nothing are left out. */
  readonly articles: readonly ComposedArticle[];
  readonly signatures: ComposedPart;
  readonly annexes: readonly ComposedAnnex[];
}

export interface ComposeOptions {
  readonly draft?: boolean;
  /** A folder whose files override built-in templates of the same name. */
  readonly templatesDir?: string;
}

// One isolated Handlebars environment: nothing registered globally, no built-in helper
// that can look up arbitrary properties or print.
const hb = Handlebars.create();
hb.unregisterHelper('lookup');
hb.unregisterHelper('log');

const KNOWN_HELPERS = Object.fromEntries([...HELPER_NAMES, ...BLOCK_HELPERS].map((name) => [name, true]));
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function templateError(template: TemplateFile, message: string, line?: number, column?: number): Diagnostic {
  return {
    kind: 'template',
    severity: 'error',
    code: 'template',
    file: template.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: text(message, message),
  };
}

/** Line and column of a Handlebars error, which reports them in one of several shapes. */
function errorPosition(error: unknown): { line?: number; column?: number } {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  if (typeof e.lineNumber === 'number') return { line: e.lineNumber, ...(typeof e.column === 'number' ? { column: e.column + 1 } : {}) };
  const m = /line (\d+)/i.exec(e.message ?? '');
  return m ? { line: Number(m[1]) } : {};
}

function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/ - \d+:\d+$/, '')
    .replace(/ in \[object Object\]/, '')
    .replace(/^"(.+)" not defined$/, 'the template names "$1", which is not a parameter');
}

function compile(template: TemplateFile, partialNames: ReadonlySet<string>): Handlebars.TemplateDelegate {
  const key = `${template.file}\0${template.source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  let problems;
  try {
    problems = checkTemplate(template.source, partialNames);
  } catch (error) {
    const { line, column } = errorPosition(error);
    throw new ContractError([templateError(template, `syntax error: ${cleanMessage(error).split('\n')[0]}`, line, column)]);
  }
  if (problems.length > 0) {
    throw new ContractError(problems.map((p) => templateError(template, p.message, p.line, p.column)));
  }
  const fn = hb.compile(template.source, {
    strict: true,
    knownHelpers: KNOWN_HELPERS,
    knownHelpersOnly: true,
    noEscape: true,
    preventIndent: true,
  });
  compiled.set(key, fn);
  return fn;
}

/** Renders every template of the contract with one context. */
export function composeContract(params: ContractParams, options: ComposeOptions = {}): ComposedContract {
  const context = buildContext(params, { draft: options.draft ?? false });
  const templates = loadTemplates(options.templatesDir);
  const byName = new Map(templates.map((t) => [t.name, t]));
  const partialTemplates = templates.filter((t) => t.name.startsWith('partials/'));
  const partialNames = new Set(partialTemplates.map((t) => t.name.slice('partials/'.length)));
  const helpers = makeHelpers(context);
  const partials = Object.fromEntries(partialTemplates.map((t) => [t.name.slice('partials/'.length), compile(t, partialNames)]));

  const render = (template: TemplateFile): ComposedPart => {
    const fn = compile(template, partialNames);
    try {
      const markdown = fn(context, {
        helpers,
        partials,
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
      return { name: template.name, file: template.file, markdown };
    } catch (error) {
      if (error instanceof ContractError) throw error;
      const { line, column } = errorPosition(error);
      const message = error instanceof HelperError ? error.message : cleanMessage(error);
      throw new ContractError([templateError(template, message, line, column)]);
    }
  };
  const required = (name: string): TemplateFile => {
    const template = byName.get(name);
    if (!template) throw new ContractError([{ kind: 'template', severity: 'error', code: 'template-missing', message: text(`missing template ${name}`, `缺少模板 ${name}`) }]);
    return template;
  };

  const articles = templates
    .filter((t) => t.name.startsWith('articles/'))
    .map((t) => ({ ...render(t), id: t.name.slice('articles/'.length).replace(/^\d+-/, '') }))
    .filter((a) => a.markdown.trim() !== '');
  const annexes = params.annexes.map((id) => ({ ...render(required(`annexes/${id}`)), id }));
  return {
    context,
    preamble: render(required('preamble')),
    articles,
    signatures: render(required('signatures')),
    annexes,
  };
}
