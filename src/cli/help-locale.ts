import { Help, type Command } from 'commander';
import type { Locale } from '../diagnostics.js';
import { colourWanted } from './style.js';

const TITLES_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** commander's own messages, in Chinese (its wording is fixed; these are all of them that users meet). */
const ERRORS_ZH: readonly [RegExp, string][] = [
  [/^error: unknown option '(.+?)'/, "错误：未知选项“$1”"],
  [/^error: unknown command '(.+?)'/, "错误：未知命令“$1”"],
  [/^error: missing required argument '(.+?)'/, '错误：缺少必需的参数“$1”'],
  [/^error: option '(.+?)' argument missing/, '错误：选项“$1”缺少取值'],
  [/^error: required option '(.+?)' not specified/, '错误：必须给出选项“$1”'],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多（应为 $2 个，实际 $3 个）'],
  [/^error: option '(.+?)' argument '(.+?)' is invalid\./, '错误：选项“$1”的取值“$2”无效'],
  [/\(Did you mean one of (.+?)\?\)/, '（是否想输入以下之一：$1？）'],
  [/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）'],
];

export function translateCommanderError(message: string): string {
  return message
    .split('\n')
    .map((line) => ERRORS_ZH.reduce((out, [pattern, zh]) => out.replace(pattern, zh), line))
    .join('\n');
}

/**
 * Help in the user's language, like the messages: section titles, commander's own option
 * and error texts. The command's own descriptions are chosen where they are declared (say()).
 * Titles are bold on a terminal that takes colours.
 */
export function localiseHelp(command: Command, locale: Locale): void {
  const bold = colourWanted(process.stdout) ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => s;
  if (locale === 'en') {
    command.configureHelp({ styleTitle: (title) => bold(title) });
    return;
  }
  const zhDefaults = (s: string) => s.replace(/\(default: (.*)\)$/, '（默认：$1）').replace(/\(choices: (.*)\)/, '（可选：$1）');
  command.configureHelp({
    styleTitle: (title) => bold(TITLES_ZH[title] ?? title),
    optionDescription(option) {
      return zhDefaults(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(argument) {
      return zhDefaults(Help.prototype.argumentDescription.call(this, argument));
    },
    commandUsage(cmd) {
      return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
    },
    subcommandTerm(cmd) {
      return Help.prototype.subcommandTerm.call(this, cmd).replace('[options]', '[选项]');
    },
  });
  command.helpOption('-h, --help', '显示帮助');
  if (command.commands.length > 0 || command.parent === null) command.helpCommand('help [command]', '显示某个命令的帮助');
  command.configureOutput({ outputError: (message, write) => write(translateCommanderError(message)) });
}
