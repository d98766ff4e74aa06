import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.js';
import { ContractError, text } from '../diagnostics.js';
import { listTemplateFiles as listTemplateFilesIn, readTemplateText } from './template-text.js';

/** A template: its name (`articles/05-fees`), where it came from, and its source. */
export interface TemplateFile {
  readonly name: string;
  /** Path shown in messages. */
  readonly file: string;
  readonly source: string;
  readonly builtIn: boolean;
}

export const TEMPLATE_EXTENSION = '.md.hbs';

export function builtInTemplatesDir(language = 'zh-CN'): string {
  return join(packageRoot(), 'templates', language);
}

// Bounded reads, link loops and unreadable folders as located errors: template-text.ts.
const listTemplateFiles = (root: string): string[] => listTemplateFilesIn(root, TEMPLATE_EXTENSION);

const nameOf = (root: string, path: string) =>
  relative(root, path).split(sep).join('/').slice(0, -TEMPLATE_EXTENSION.length);

const cache = new Map<string, readonly TemplateFile[]>();

/**
 * The built-in templates, with the files of `overrideDir` replacing those of the same name
 * (and adding new articles or partials). Read once per process per directory.
 */
export function loadTemplates(overrideDir?: string, language = 'zh-CN'): readonly TemplateFile[] {
  const key = `${language}\0${overrideDir ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const builtInRoot = builtInTemplatesDir(language);
  const byName = new Map<string, TemplateFile>();
  for (const path of listTemplateFiles(builtInRoot)) {
    const name = nameOf(builtInRoot, path);
    byName.set(name, { name, file: `templates/${language}/${name}${TEMPLATE_EXTENSION}`, source: readTemplateText(path), builtIn: true });
  }
  if (overrideDir !== undefined) {
    const root = resolve(overrideDir);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw new ContractError([
        {
          kind: 'usage',
          severity: 'error',
          code: 'templates-dir',
          message: text(`--templates: ${overrideDir} is not a directory`, `--templates：${overrideDir} 不是目录`),
        },
      ]);
    }
    for (const path of listTemplateFiles(root)) {
      const name = nameOf(root, path);
      byName.set(name, { name, file: path, source: readTemplateText(path), builtIn: false });
    }
  }
  const templates = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  cache.set(key, templates);
  return templates;
}
