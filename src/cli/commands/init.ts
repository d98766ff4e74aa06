import type { Command } from 'commander';
import type { CommandResult } from '../run.js';

export function registerInit(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('init')
    .description('write a fully commented starter params file (never overwrites)')
    .argument('[file]', 'file to create', 'params.yaml')
    .action((file: string) => run(async () => (await import('./init-run.js')).runInit(file)));
}
