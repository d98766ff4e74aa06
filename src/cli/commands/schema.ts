import type { Command } from 'commander';
import type { CommandResult } from '../run.js';

export function registerSchema(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('schema')
    .description('print the JSON Schema of the params file (for editor completion)')
    .addHelpText(
      'after',
      `
Use it with the YAML extension of VS Code: contract schema > params.schema.json, then put
  # yaml-language-server: $schema=./params.schema.json
at the top of your params file.`,
    )
    .action(() =>
      run(async () => {
        const { paramsJsonSchema } = await import('../../params/index.js');
        return { exitCode: 0, stdout: `${JSON.stringify(paramsJsonSchema(), null, 2)}\n` };
      }),
    );
}
