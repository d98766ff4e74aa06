import type { Command } from 'commander';
import { say } from '../locale.js';
import type { CommandResult } from '../run.js';

export function registerSchema(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('schema')
    .description(say('print the JSON Schema of the params file (for editor completion)', '打印参数文件的 JSON Schema（用于编辑器补全）'))
    .addHelpText(
      'after',
      say(
        `
Use it with the YAML extension of VS Code: contract schema > params.schema.json, then put
  # yaml-language-server: $schema=./params.schema.json
at the top of your params file.`,
        `
配合 VS Code 的 YAML 扩展使用：contract schema > params.schema.json，然后在参数文件开头写上
  # yaml-language-server: $schema=./params.schema.json`,
      ),
    )
    .action(() =>
      run(async () => {
        const { paramsJsonSchema } = await import('../../params/index.js');
        return { exitCode: 0, stdout: `${JSON.stringify(paramsJsonSchema(), null, 2)}\n` };
      }),
    );
}
