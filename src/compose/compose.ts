import { ContractError, text } from '../diagnostics.js';
import type { AnnexId, ContractParams } from '../params/types.js';
import { buildContext } from './build-context.js';
import type { TemplateContext } from './context.js';
import { builtInEach, templateFunction, type TemplateFn } from './engine.js';
import { makeHelpers } from './helpers.js';
import { loadTemplates, type TemplateFile } from './registry.js';
import { checkPartialGraph, renderGuard } from './template-limits.js';
import { checkTemplateSet } from './template-text.js';

const LANGUAGE = 'zh-CN';

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
  /** Draft: key paths of values left open (from validation); they print as blanks. */
  readonly open?: readonly (readonly (string | number)[])[];
  /** A folder whose files override built-in templates of the same name. */
  readonly templatesDir?: string;
}

/** A template that threw while rendering: diagnosed (with the parser, loaded then) by composeContract. */
class RenderFailure {
  constructor(
    readonly template: TemplateFile,
    readonly error: unknown,
  ) {}
}

/** Renders every template of the contract with one context. */
export async function composeContract(params: ContractParams, options: ComposeOptions = {}): Promise<ComposedContract> {
  try {
    return await composeAll(params, options);
  } catch (failure) {
    if (!(failure instanceof RenderFailure)) throw failure;
    const { runtimeTemplateError } = await import('./template-diagnose.js');
    const context = buildContext(params, { draft: options.draft ?? false, open: options.open ?? [] });
    throw new ContractError([runtimeTemplateError(failure.template, failure.error, context)]);
  }
}

async function composeAll(params: ContractParams, options: ComposeOptions): Promise<ComposedContract> {
  const context = buildContext(params, { draft: options.draft ?? false, open: options.open ?? [] });
  const templates = loadTemplates(options.templatesDir, LANGUAGE);
  await checkTemplateSet(templates);
  const byName = new Map(templates.map((t) => [t.name, t]));
  const partialTemplates = templates.filter((t) => t.name.startsWith('partials/'));
  const partialNames = new Set(partialTemplates.map((t) => t.name.slice('partials/'.length)));
  const helpers = makeHelpers(context);
  const functions = new Map<TemplateFile, TemplateFn>();
  for (const t of templates) functions.set(t, await templateFunction(t, LANGUAGE, partialNames));
  const guard = renderGuard(
    new Map(partialTemplates.map((t) => [t.name.slice('partials/'.length), { template: t, fn: functions.get(t)! }])),
    await checkPartialGraph(templates),
    builtInEach,
  );
  const guardedHelpers = { ...helpers, ...guard.helpers };

  const render = (template: TemplateFile): ComposedPart => {
    const fn = functions.get(template)!;
    try {
      const markdown = guard.render(template, fn, context, {
        helpers: guardedHelpers,
        partials: guard.partials,
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
      return { name: template.name, file: template.file, markdown };
    } catch (error) {
      if (error instanceof ContractError) throw error;
      throw new RenderFailure(template, error);
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
