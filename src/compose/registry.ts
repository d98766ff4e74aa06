import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.js';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../params/messages.js';
import { listTemplateFiles, readTemplateText } from './template-text.js';

/** A template: its name (`articles/05-fees`), where it came from, and its source. */
export interface TemplateFile {
  readonly name: string;
  /** Path shown in messages. */
  readonly file: string;
  readonly source: string;
  readonly builtIn: boolean;
}

export const TEMPLATE_EXTENSION = '.md.hbs';
/**
 * In a templates folder: the articles of the contract, in order, one name per line (`#`
 * starts a comment). With it, a folder may add articles of its own; without it, the folder
 * only replaces built-in templates of the same name.
 */
export const ARTICLE_ORDER_FILE = 'articles.order';

export function builtInTemplatesDir(language = 'zh-CN'): string {
  return join(packageRoot(), 'templates', language);
}

/**
 * Every file below `root`, as paths relative to it with `/` separators, sorted. The walk is
 * template-text.ts's: link loops and unreadable folders are located errors.
 */
function listFiles(root: string): string[] {
  return listTemplateFiles(root)
    .map((path) => relative(root, path).split(sep).join('/'))
    .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')));
}

function templateProblem(code: string, file: string, en: string, zh: string, hint?: { en: string; zh: string }, line?: number, column?: number): Diagnostic {
  return {
    kind: 'template',
    severity: 'error',
    code,
    file,
    ...(line !== undefined ? { line, column: column ?? 1 } : {}),
    message: text(en, zh),
    ...(hint ? { hint } : {}),
  };
}

/** A template's text: a bounded, UTF-8, checked read (template-text.ts). */
const readTemplate = (path: string, file: string): string => readTemplateText(path, file);

const cache = new Map<string, readonly TemplateFile[]>();

/** Forgets what was read, so that the next `loadTemplates` sees edits (`gen --watch`). */
export function forgetTemplates(): void {
  cache.clear();
}

/**
 * The built-in templates, with the files of `overrideDir` replacing those of the same name.
 * A file whose name matches no built-in template is an error with a "did you mean", unless
 * it is a partial (`partials/…`) or an article the folder's `articles.order` lists. Articles
 * come in contract order (the order file's, else by name); the rest by name. Read once per
 * process per folder.
 */
export function loadTemplates(overrideDir?: string, language = 'zh-CN'): readonly TemplateFile[] {
  const key = `${language}\0${overrideDir ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const builtInRoot = builtInTemplatesDir(language);
  const byName = new Map<string, TemplateFile>();
  for (const path of listFiles(builtInRoot).filter((p) => p.endsWith(TEMPLATE_EXTENSION))) {
    const name = path.slice(0, -TEMPLATE_EXTENSION.length);
    const file = `templates/${language}/${path}`;
    byName.set(name, { name, file, source: readTemplate(join(builtInRoot, path), file), builtIn: true });
  }
  const builtInNames = [...byName.keys()];
  let order: readonly string[] | undefined;
  if (overrideDir !== undefined) order = applyOverrides(overrideDir, byName, builtInNames);
  const articles = order ?? [...byName.keys()].filter((n) => n.startsWith('articles/')).sort();
  const rest = [...byName.keys()].filter((n) => !n.startsWith('articles/')).sort();
  const templates = [...articles, ...rest].map((n) => byName.get(n)!);
  cache.set(key, templates);
  return templates;
}

/** Reads the folder into `byName`; returns the declared article order, if the folder has one. */
function applyOverrides(overrideDir: string, byName: Map<string, TemplateFile>, builtInNames: readonly string[]): readonly string[] | undefined {
  const root = resolve(overrideDir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDir) {
    throw new ContractError([
      { kind: 'input', severity: 'error', code: 'templates-dir', file: overrideDir, message: text('--templates: this is not a folder', '--templates：这不是文件夹') },
    ]);
  }
  const files = listFiles(root);
  const problems: Diagnostic[] = [];
  const shown = (path: string) => join(overrideDir, path);
  const orderFile = files.includes(ARTICLE_ORDER_FILE) ? readArticleOrder(join(root, ARTICLE_ORDER_FILE), shown(ARTICLE_ORDER_FILE)) : undefined;
  if (orderFile) problems.push(...orderFile.problems);
  const declared = new Set(orderFile?.entries.map((e) => e.name) ?? []);

  for (const path of files) {
    if (path === ARTICLE_ORDER_FILE) continue;
    if (!path.endsWith(TEMPLATE_EXTENSION)) {
      // A template saved under a near name (`05-fees.md`, `05-fees.hbs`) would be ignored without a word.
      if (/\.(hbs|md|handlebars)$/i.test(path)) {
        const suggestion = didYouMean(path.replace(/\.[^/]*$/, ''), builtInNames);
        problems.push(
          templateProblem(
            'template-extension',
            shown(path),
            `templates end in ${TEMPLATE_EXTENSION}; this file is not read${suggestion ? ` (did you mean ${suggestion}${TEMPLATE_EXTENSION}?)` : ''}`,
            `模板文件名应以 ${TEMPLATE_EXTENSION} 结尾；此文件不会被读取${suggestion ? `（是不是要写 ${suggestion}${TEMPLATE_EXTENSION}？）` : ''}`,
          ),
        );
      }
      continue;
    }
    const name = path.slice(0, -TEMPLATE_EXTENSION.length);
    const known = byName.has(name) || name.startsWith('partials/') || (name.startsWith('articles/') && declared.has(name.slice('articles/'.length)));
    if (!known) {
      problems.push(unknownTemplate(name, shown(path), builtInNames, orderFile !== undefined));
      continue;
    }
    byName.set(name, { name, file: shown(path), source: readTemplate(join(root, path), shown(path)), builtIn: false });
  }
  if (orderFile) problems.push(...checkOrder(orderFile, byName, builtInNames, shown(ARTICLE_ORDER_FILE)));
  if (problems.length > 0) throw new ContractError(problems);
  return orderFile?.entries.map((e) => `articles/${e.name}`);
}

function unknownTemplate(name: string, file: string, builtInNames: readonly string[], hasOrder: boolean): Diagnostic {
  const id = (n: string) => n.replace(/^(articles\/)\d+-/, '$1');
  const suggestion = didYouMean(name, builtInNames) ?? builtInNames.find((b) => id(b) === id(name) && b.startsWith('articles/'));
  const adding = name.startsWith('articles/');
  return templateProblem(
    'unknown-template',
    file,
    `no built-in template is named ${name}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
    `没有名为 ${name} 的内置模板${suggestion ? `；是不是要写 ${suggestion}？` : ''}`,
    adding
      ? text(
          `a file replaces the built-in template of the same name (contract templates list); to add an article, list ${name.slice('articles/'.length)} in ${ARTICLE_ORDER_FILE}${hasOrder ? '' : ' (contract templates export <dir> articles.order writes one)'}`,
          `文件会替换同名的内置模板（见 contract templates list）；如需新增条款，请在 ${ARTICLE_ORDER_FILE} 中列出 ${name.slice('articles/'.length)}${hasOrder ? '' : '（可用 contract templates export <目录> articles.order 生成）'}`,
        )
      : text('a file replaces the built-in template of the same name: see contract templates list', '文件会替换同名的内置模板：见 contract templates list'),
  );
}

interface OrderEntry {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** `articles.order`: one article name per line, `#` comments; `articles/` and the extension may be written. */
function readArticleOrder(path: string, file: string): { entries: OrderEntry[]; problems: Diagnostic[] } {
  const entries: OrderEntry[] = [];
  const problems: Diagnostic[] = [];
  readTemplate(path, file)
    .split('\n')
    .forEach((raw, index) => {
      const content = raw.replace(/#.*/, '');
      const trimmed = content.trim();
      if (trimmed === '') return;
      const column = content.indexOf(trimmed) + 1;
      const name = trimmed.replace(/^articles\//, '').replace(/\.md\.hbs$/, '');
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
        problems.push(templateProblem('article-order', file, `"${trimmed}" is not an article name such as 05-fees`, `“${trimmed}”不是条款名称（例如 05-fees）`, undefined, index + 1, column));
        return;
      }
      if (entries.some((e) => e.name === name)) {
        problems.push(templateProblem('article-order', file, `${name} is listed twice`, `${name} 重复列出`, undefined, index + 1, column));
        return;
      }
      entries.push({ name, line: index + 1, column });
    });
  return { entries, problems };
}

/** Every listed article exists, every built-in article is listed, no two share an id. */
function checkOrder(order: { entries: OrderEntry[] }, byName: ReadonlyMap<string, TemplateFile>, builtInNames: readonly string[], file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const builtInArticles = builtInNames.filter((n) => n.startsWith('articles/')).map((n) => n.slice('articles/'.length));
  const ids = new Map<string, string>();
  for (const entry of order.entries) {
    if (!byName.has(`articles/${entry.name}`)) {
      const suggestion = didYouMean(entry.name, builtInArticles);
      problems.push(
        templateProblem(
          'article-order',
          file,
          `there is no article ${entry.name}, built in or in this folder${suggestion ? `; did you mean ${suggestion}?` : ''}`,
          `没有名为 ${entry.name} 的条款（内置或本文件夹中）${suggestion ? `；是不是要写 ${suggestion}？` : ''}`,
          text(`a new article needs its file: articles/${entry.name}${TEMPLATE_EXTENSION}`, `新增条款需要对应的文件：articles/${entry.name}${TEMPLATE_EXTENSION}`),
          entry.line,
          entry.column,
        ),
      );
      continue;
    }
    const id = entry.name.replace(/^\d+-/, '');
    const other = ids.get(id);
    if (other !== undefined) {
      problems.push(
        templateProblem('article-order', file, `${entry.name} and ${other} are both the article "${id}" ({{articleRef "${id}"}} would be ambiguous)`, `${entry.name} 与 ${other} 的条款标识都是“${id}”（{{articleRef "${id}"}} 会有歧义）`, undefined, entry.line, entry.column),
      );
    }
    ids.set(id, entry.name);
  }
  const missing = builtInArticles.filter((name) => !order.entries.some((e) => e.name === name));
  if (missing.length > 0) {
    problems.push(
      templateProblem(
        'article-order',
        file,
        `the built-in article${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not listed`,
        `未列出内置条款 ${missing.join('、')}`,
        text('list every article; to leave one out of the contract, give it an empty file in this folder', '请列出全部条款；如需删去某条，请在本文件夹中为它放一个空文件'),
      ),
    );
  }
  return problems;
}
