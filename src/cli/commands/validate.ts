import type { Command } from 'commander';
import type { CommandResult } from '../run.js';

export function registerValidate(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('validate')
    .description('check params files and print every problem (file:line:column, key, what is wrong)')
    .argument('<inputs...>', 'params files (YAML), directories of them, or - for standard input')
    .option('--base-dir <dir>', 'also allow `extends:` bases from this folder (default: only inside the current folder); repeatable', (dir: string, dirs: string[] = []) => [...dirs, dir])
    .option('--json', 'print one machine-readable report on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText('after', '\nExit codes: 0 all valid, 1 some input invalid, 2 usage error, 3 internal error.')
    .action((inputs: string[], options: { json?: boolean; quiet?: boolean; baseDir?: string[] }) => run(async () => (await import('./validate-run.js')).runValidate(inputs, options)));
}
