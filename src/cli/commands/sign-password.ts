/**
 * The certificate password, never from the command line: an environment variable named by
 * --password-env, or typed at a prompt without echo when standard input is a terminal.
 */
import { ContractError, text } from '../../diagnostics.js';

function usage(en: string, zh: string): ContractError {
  return new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text(en, zh) }]);
}

export async function readPassword(envName: string | undefined, prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (envName !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) throw usage(`--password-env takes the name of an environment variable, got "${envName}"`, `--password-env 的取值应为环境变量名，实际为“${envName}”`);
    const value = env[envName];
    if (value === undefined) throw usage(`the environment variable ${envName} (--password-env) is not set`, `环境变量 ${envName}（--password-env）未设置`);
    return value;
  }
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw usage('no password: give --password-env VAR (there is no terminal to ask on)', '没有密码：请使用 --password-env 变量名（没有终端可供输入）');
  }
  return promptHidden(prompt);
}

function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(usage('cancelled', '已取消'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
