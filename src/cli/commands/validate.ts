import type { Command } from 'commander';
import { say } from '../locale.js';
import { collect } from '../options.js';
import type { CommandResult } from '../run.js';
import type { ValidateOptions } from './validate-run.js';

export function registerValidate(program: Command, run: (fn: () => Promise<CommandResult>) => Promise<void>): void {
  program
    .command('validate')
    .description(say('check params files and print every problem (file:line:column, key, what is wrong)', '检查参数文件并列出所有问题（文件:行:列、键、问题）'))
    .argument('<inputs...>', say('params files, folders (searched recursively), quoted globs, or - for standard input', '参数文件、文件夹（递归查找）、加引号的通配模式，或用 - 表示标准输入'))
    .option('--base-dir <dir>', say('also allow `extends:` bases from this folder (default: only inside the current folder); repeatable', '也允许从此目录引用 `extends:` 的基础文件（默认只允许当前目录之内）；可重复'), collect)
    .option('-f, --format <name>', say('how to print problems: text (default), github (annotations), json', '问题的输出格式：text（默认）、github（注释）、json'), collect)
    .option('--json', say('print one machine-readable report on stdout (same as -f json)', '在标准输出打印一份机器可读的报告（同 -f json）'))
    .option('--max-warnings <n>', say('exit 1 when there are more than n warnings', '警告超过 n 个时以 1 退出'))
    .option('-q, --quiet', say('print errors only', '只打印错误'))
    .addHelpText(
      'after',
      say(
        '\nExit codes: 0 all valid, 1 an input is invalid or unreadable (or too many warnings), 2 usage error, 3 internal error.',
        '\n退出码：0 全部有效；1 有输入无效或无法读取（或警告过多）；2 用法错误；3 内部错误。',
      ),
    )
    .action((inputs: string[], options: ValidateOptions) => run(async () => (await import('./validate-run.js')).runValidate(inputs, options)));
}
