import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContractError, text } from '../../diagnostics.js';
import { ARTICLE_ORDER_FILE, loadTemplates, TEMPLATE_EXTENSION, type TemplateFile } from '../../compose/registry.js';
import { didYouMean } from '../../params/messages.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { packageRoot } from '../../package-root.js';
import { detectLocale } from '../locale.js';
import { usage } from '../options.js';
import { createReporter } from '../report.js';
import type { CommandResult } from '../run.js';

export async function runTemplatesList(options: { templates?: string }): Promise<CommandResult> {
  const lines = loadTemplates(options.templates).map((t) => `${t.name}${t.builtIn ? '' : `  (${detectLocale() === 'zh' ? '来自' : 'from'} ${t.file})`}`);
  return { exitCode: 0, stdout: `${lines.join('\n')}\n` };
}

/** The article order file as export writes it: the built-in order, with how to add one. */
function articleOrderText(templates: readonly TemplateFile[]): string {
  const articles = templates.filter((t) => t.name.startsWith('articles/')).map((t) => t.name.slice('articles/'.length));
  return [
    '# The articles of the contract, in order: one name per line (the file articles/<name>.md.hbs).',
    '# To add an article, put its file in articles/ and its name here where it belongs; every',
    '# built-in article stays listed (an empty file leaves one out). Numbers come from this order.',
    ...articles,
    '',
  ].join('\n');
}

/** `articles/05-fees`, `articles/05-fees.md.hbs` or `articles.order` -> the export's entry. */
function pickExports(names: readonly string[], templates: readonly TemplateFile[]): { path: string; source: string }[] {
  const all = [...templates.map((t) => ({ name: t.name, path: `${t.name}${TEMPLATE_EXTENSION}`, source: t.source })), { name: ARTICLE_ORDER_FILE, path: ARTICLE_ORDER_FILE, source: articleOrderText(templates) }];
  if (names.length === 0) return all.filter((e) => e.name !== ARTICLE_ORDER_FILE);
  return names.map((raw) => {
    const name = raw.replace(/\\/g, '/').replace(/\.md\.hbs$/, '');
    const found = all.find((e) => e.name === name);
    if (found) return found;
    const suggestion = didYouMean(name, all.map((e) => e.name));
    throw usage(
      `no template is named ${raw}${suggestion ? `; did you mean ${suggestion}?` : ''} (contract templates list shows them)`,
      `没有名为 ${raw} 的模板${suggestion ? `；是不是要写 ${suggestion}？` : ''}（contract templates list 可列出全部）`,
    );
  });
}

export async function runTemplatesExport(dir: string, names: readonly string[], options: { force?: boolean }): Promise<CommandResult> {
  const reporter = createReporter({ locale: detectLocale() });
  const targets = pickExports(names, loadTemplates()).map((e) => ({ path: join(dir, e.path), source: e.source }));
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length > 0 && !options.force) {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'exists',
        message: text(
          `${existing[0]!.path} already exists${existing.length > 1 ? ` (and ${existing.length - 1} more)` : ''}; use --force to overwrite`,
          `${existing[0]!.path} 已存在${existing.length > 1 ? `（另有 ${existing.length - 1} 个）` : ''}；如需覆盖请加 --force`,
        ),
      },
    ]);
  }
  try {
    for (const t of targets) await writeFileAtomic(t.path, t.source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ContractError([{ kind: 'io', severity: 'error', code: 'write-failed', message: text(`could not write to ${dir} (${code})`, `无法写入 ${dir}（${code}）`) }]);
  }
  reporter.info(
    reporter.locale === 'zh'
      ? `已导出 ${targets.length} 个文件到 ${dir}；修改后用 contract gen --templates ${dir} 使用`
      : `exported ${targets.length} file${targets.length === 1 ? '' : 's'} to ${dir}; edit them, then use contract gen --templates ${dir}`,
  );
  return { exitCode: 0, stdout: '' };
}

/** The reference of template variables and helpers, built from the code and the example params. */
export async function runTemplatesVars(): Promise<CommandResult> {
  const [{ loadParamsFile, paramsJsonSchema }, { validate }, { buildContext }, { templateReferenceMarkdown }] = await Promise.all([
    import('../../params/index.js'),
    import('../../pipeline.js'),
    import('../../compose/build-context.js'),
    import('../../compose/template-reference.js'),
  ]);
  const root = packageRoot();
  const { params } = await validate(await loadParamsFile(join(root, 'examples', 'params.example.yaml')));
  if (!params) throw new Error('the bundled example params are not valid');
  const docs = JSON.parse(await readFile(join(root, 'dist', 'template-context-docs.json'), 'utf8')) as Record<string, string>;
  const articleIds = loadTemplates()
    .filter((t) => t.name.startsWith('articles/'))
    .map((t) => t.name.slice('articles/'.length).replace(/^\d+-/, ''));
  return { exitCode: 0, stdout: templateReferenceMarkdown(buildContext(params, { draft: false }), docs, paramsJsonSchema() as never, articleIds) };
}
