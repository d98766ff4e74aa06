import { Command, CommanderError } from 'commander';
import { registerGen } from './commands/gen.js';
import { registerInit } from './commands/init.js';
import { registerSchema } from './commands/schema.js';
import { registerSign } from './commands/sign.js';
import { registerTemplates } from './commands/templates.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { runCommand, type CommandResult } from './run.js';
import { packageVersion } from '../package-root.js';

/** Runs the CLI and resolves to the exit code; the caller sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const run = async (body: () => Promise<CommandResult>) => {
    exitCode = await runCommand(body);
  };
  const program = new Command('contract')
    .description('Turn one YAML params file into a signing-ready 云电话服务合同 with its annexes, as DOCX and PDF.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Start here:
  contract init params.yaml      write a commented starter file
  contract validate params.yaml  check it (every problem, with file:line:column)
  contract gen params.yaml       write out/<contract number>.docx and .pdf

Messages are in Chinese when LANG/LC_ALL is zh_*, in English otherwise.`,
    );
  registerGen(program, run);
  registerValidate(program, run);
  registerInit(program, run);
  registerSchema(program, run);
  registerTemplates(program, run);
  registerSign(program, run);
  registerVerify(program, run);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; every other commander error is a usage error.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
