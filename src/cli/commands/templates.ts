import type { Command } from 'commander';
import { say } from '../locale.js';
import type { CommandResult } from '../run.js';

export function registerTemplates(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  const templates = program
    .command('templates')
    .description(say('list, copy out or document the templates, for customising', '列出、导出模板或查看模板可用的变量，便于定制'));
  templates
    .command('list')
    .description(say('list the templates (with --templates, which files override them)', '列出模板（加 --templates 时显示哪些文件替换了内置模板）'))
    .option('--templates <dir>', say('a folder of overriding templates', '替换模板所在的文件夹'))
    .action((options: { templates?: string }) => run(async () => (await import('./templates-run.js')).runTemplatesList(options)));
  templates
    .command('export')
    .description(say('copy built-in templates into a folder, to edit and pass to gen --templates', '把内置模板复制到文件夹中，修改后用 gen --templates 使用'))
    .argument('<dir>', say('target folder', '目标文件夹'))
    .argument('[names...]', say('only these templates (articles/05-fees, …; articles.order writes the article order file); default all', '只导出这些模板（articles/05-fees 等；articles.order 导出条款顺序文件）；默认全部'))
    .option('--force', say('overwrite existing files', '覆盖已有文件'))
    .addHelpText(
      'after',
      say(
        `
A file in the --templates folder replaces the built-in template of the same name; a name
that matches none is an error. An empty article file leaves that article out (the rest
renumber). To add an article, export articles.order, list the new article's name where it
belongs, and put its file in articles/:
  contract templates export my-tpl articles.order
  echo '# 第六条之后的新条款' > my-tpl/articles/06a-audit.md.hbs   # and add 06a-audit to my-tpl/articles.order`,
        `
--templates 文件夹中的文件替换同名的内置模板；名称与内置模板都不符时报错。空的条款文件表示删去该条（其余条款重新编号）。
如需新增条款：导出 articles.order，在合适的位置写上新条款的名称，并把它的文件放在 articles/ 中：
  contract templates export my-tpl articles.order
  echo '# 新条款' > my-tpl/articles/06a-audit.md.hbs   # 并在 my-tpl/articles.order 中加上 06a-audit`,
      ),
    )
    .action((dir: string, names: string[], options: { force?: boolean }) => run(async () => (await import('./templates-run.js')).runTemplatesExport(dir, names, options)));
  templates
    .command('vars')
    .description(say('print every variable and helper a template can use, with an example each (Markdown)', '打印模板可用的全部变量和辅助函数，各附示例（Markdown）'))
    .action(() => run(async () => (await import('./templates-run.js')).runTemplatesVars()));
}
