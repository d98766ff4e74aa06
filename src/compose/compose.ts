import { ContractError, text } from '../diagnostics.js';
import type { AnnexId, ContractParams } from '../params/types.js';
import { buildContext } from './build-context.js';
import type { TemplateContext } from './context.js';
import { builtInEach, templateFunction, type TemplateFn } from './engine.js';
import { HelperError, makeHelpers } from './helpers.js';
import { loadTemplates, type TemplateFile } from './registry.js';
import { cleanMessage, errorPosition, templateError } from './template-errors.js';
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
  /** A folder whose files override built-in templates of the same name. */
  readonly templatesDir?: string;
}

/** Renders every template of the contract with one context. */
export async function composeContract(params: ContractParams, options: ComposeOptions = {}): Promise<ComposedContract> {
  const context = buildContext(params, { draft: options.draft ?? false });
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
