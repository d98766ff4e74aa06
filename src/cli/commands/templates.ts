import type { Command } from 'commander';
import type { CommandResult } from '../run.js';

export function registerTemplates(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  const templates = program.command('templates').description('show or copy out the built-in templates for customising');
  templates
    .command('list')
    .description('list the templates (with --templates, which files override them)')
    .option('--templates <dir>', 'a folder of overriding templates')
    .action((options: { templates?: string }) => run(async () => (await import('./templates-run.js')).runTemplatesList(options)));
  templates
    .command('export')
    .description('copy the built-in templates into a folder, to edit and pass to gen --templates')
    .argument('<dir>', 'target folder')
    .option('--force', 'overwrite existing files')
    .action((dir: string, options: { force?: boolean }) => run(async () => (await import('./templates-run.js')).runTemplatesExport(dir, options)));
}
