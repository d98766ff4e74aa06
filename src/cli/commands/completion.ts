import type { Command } from 'commander';
import { say } from '../locale.js';
import { usage } from '../options.js';
import type { CommandResult } from '../run.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function registerCompletion(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('completion')
    .description(say('print a shell completion script (bash, zsh or fish)', '打印 shell 补全脚本（bash、zsh 或 fish）'))
    .argument('<shell>', SHELLS.join(' | '))
    .addHelpText(
      'after',
      say(
        `
  bash: contract completion bash > ~/.local/share/bash-completion/completions/contract
  zsh:  contract completion zsh > "\${fpath[1]}/_contract"
  fish: contract completion fish > ~/.config/fish/completions/contract.fish`,
        `
  bash：contract completion bash > ~/.local/share/bash-completion/completions/contract
  zsh： contract completion zsh > "\${fpath[1]}/_contract"
  fish：contract completion fish > ~/.config/fish/completions/contract.fish`,
      ),
    )
    .action((shell: string) =>
      run(async () => {
        if (!(SHELLS as readonly string[]).includes(shell)) throw usage(`completion is available for ${SHELLS.join(', ')}, not "${shell}"`, `补全脚本只支持 ${SHELLS.join('、')}，不支持“${shell}”`);
        const { completionScript } = await import('../completion.js');
        return { exitCode: 0, stdout: completionScript(program, shell as (typeof SHELLS)[number]) };
      }),
    );
}
