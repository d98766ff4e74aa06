import { Command, CommanderError } from 'commander';
import { registerCompletion } from './commands/completion.js';
import { registerDiff } from './commands/diff.js';
import { registerGen } from './commands/gen.js';
import { registerInit } from './commands/init.js';
import { registerSchema } from './commands/schema.js';
import { registerSign } from './commands/sign.js';
import { registerTemplates } from './commands/templates.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { localiseHelp } from './help-locale.js';
import { detectLocale, say } from './locale.js';
import { runCommand, type CommandResult } from './run.js';
import { guardStandardStreams } from './stdout.js';
import { packageVersion } from '../package-root.js';
import { tuneForRun } from './tiering.js';

export { restoreCompileFlags } from './tiering.js';
/**
 * The CLI's batch workers run this bundle too, compiled with its code cache (lib/cli-worker.js).
 * Imported when asked for: a command in the main thread loads the renderers only when it renders.
 */
export async function batchWorker(): Promise<typeof import('../output/worker-serve.js').serveBatchWorker> {
  return (await import('../output/worker-serve.js')).serveBatchWorker;
}

/** The whole command tree, without running anything (completion scripts read it too). */
export function buildProgram(run: (body: () => Promise<CommandResult>) => Promise<void>): Command {
  const program = new Command('contract')
    .description(say('Turn one YAML params file into a signing-ready 云电话服务合同 with its annexes, as DOCX and PDF.', '把一个 YAML 参数文件生成为可签署的《云电话服务合同》及其附件（DOCX 和 PDF）。'))
    .version(packageVersion(), '-v, --version', say('print the version', '打印版本号'))
    .showHelpAfterError(say('(run with --help for usage)', '（加 --help 查看用法）'))
    .exitOverride()
    .addHelpText(
      'after',
      say(
        `
Start here:
  contract init params.yaml      write a commented starter file
  contract validate params.yaml  check it (every problem, with file:line:column)
  contract gen params.yaml       write out/<contract number>.docx and .pdf

Exit codes: 0 success, 1 an input is invalid or unreadable, 2 usage error,
3 could not write output or internal error.
Messages and help are in Chinese when LC_ALL/LC_MESSAGES/LANG is zh_*, in English otherwise.`,
        `
从这里开始：
  contract init params.yaml      生成带注释的参数文件模板
  contract validate params.yaml  检查它（列出每个问题及其 文件:行:列）
  contract gen params.yaml       写出 out/<合同编号>.docx 和 .pdf

退出码：0 成功；1 有输入无效或无法读取；2 用法错误；3 无法写出或内部错误。
LC_ALL/LC_MESSAGES/LANG 为 zh_* 时提示和帮助为中文，否则为英文。`,
      ),
    );
  localiseHelp(program, detectLocale());
  registerGen(program, run);
  registerValidate(program, run);
  registerInit(program, run);
  registerSchema(program, run);
  registerTemplates(program, run);
  registerSign(program, run);
  registerVerify(program, run);
  registerDiff(program, run);
  registerCompletion(program, run);
  for (const command of program.commands) localiseHelp(command, detectLocale());
  return program;
}

/** Runs the CLI and resolves to the exit code; the caller sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<number> {
  guardStandardStreams();
  // Every command is a short run until it finds it has many inputs (gen, validate).
  tuneForRun(false);
  let exitCode = 0;
  const program = buildProgram(async (body) => {
    exitCode = await runCommand(body);
  });
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
