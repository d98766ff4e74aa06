import type { Command } from 'commander';
import { say } from '../locale.js';
import type { CommandResult } from '../run.js';

export function registerInit(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('init')
    .description(say('write a fully commented starter params file (never overwrites)', '生成带完整注释的参数文件模板（不会覆盖已有文件）'))
    .argument('[file]', say('file to create, or - for standard output', '要创建的文件，或用 - 表示标准输出'), 'params.yaml')
    .action((file: string) => run(async () => (await import('./init-run.js')).runInit(file)));
}
