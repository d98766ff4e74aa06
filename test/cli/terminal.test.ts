import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv, runCli, runInTerminal, tempDir } from './run-cli.js';

const BAD = 'test/fixtures/invalid/bad-credit-code.yaml';
const ESC = '\u001b[';

describe('colours and source lines, as tsc and rustc', () => {
  it('plain text into a pipe: no escape codes, no source line', () => {
    const r = runCli(['validate', BAD]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toMatch(/^ *\d+ \|/m);
  });

  it('FORCE_COLOR: colours, and under each error its YAML line with a caret', () => {
    const expected = JSON.parse(readFileSync(BAD.replace('.yaml', '.expected.json'), 'utf8')) as { line: number; column: number };
    const r = runCli(['validate', BAD], { env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${ESC}31m${ESC}1merror${ESC}22m${ESC}39m`);
    const plain = r.stderr.replace(/\u001b\[\d+m/g, '');
    const lines = plain.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${BAD}:${expected.line}:${expected.column}: error:`));
    const source = readFileSync(BAD, 'utf8').split('\n')[expected.line - 1]!;
    expect(lines[at + 1]).toBe(` ${expected.line} | ${source.length > 100 ? lines[at + 1]!.slice(` ${expected.line} | `.length) : source}`);
    expect(lines[at + 2]).toBe(` ${' '.repeat(String(expected.line).length)} | ${' '.repeat(expected.column - 1)}^`);
  });

  it('on a real terminal: colours and the source line; NO_COLOR there keeps the line, drops the colours', () => {
    const tty = runInTerminal(['validate', BAD]);
    expect(tty.status).toBe(1);
    expect(tty.screen).toContain(`${ESC}31m${ESC}1merror`);
    expect(tty.screen.replace(/\u001b\[\d+m/g, '')).toMatch(/^ *\d+ \| .*creditCode: 91110108MA01ABCD5X/m);
    const noColour = runInTerminal(['validate', BAD], { env: { NO_COLOR: '1' } });
    expect(noColour.screen).not.toContain(ESC);
    expect(noColour.screen).toMatch(/^ *\d+ \| .*creditCode: 91110108MA01ABCD5X/m);
  });

  it('a PDF or DOCX is not written to a terminal: exit 2 with what to do instead', () => {
    const r = runInTerminal(['gen', 'examples/params.example.yaml', '-o', '-', '-f', 'pdf']);
    expect(r.status).toBe(2);
    expect(r.screen).toContain('not writing a PDF file to the terminal: redirect it (> contract.pdf) or pipe it');
    expect(r.screen).not.toContain('%PDF');
  });

  it('NO_COLOR on a forced terminal keeps the source line but drops the colours; FORCE_COLOR wins over NO_COLOR', () => {
    const plain = runCli(['validate', BAD], { env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toContain(ESC);
    const forced = runCli(['validate', BAD], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain(ESC);
    const off = runCli(['validate', BAD], { env: { FORCE_COLOR: '0' } });
    expect(off.stderr).not.toContain(ESC);
  });
});

describe('version, completion, help in Chinese', () => {
  it.each([['-v'], ['--version']])('%s prints the version', (flag) => {
    const r = runCli([flag]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('bash completion completes commands, options and option values', () => {
    const script = runCli(['completion', 'bash']);
    expect(script.status).toBe(0);
    const complete = (words: string[]) => {
      const line = `${script.stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _contract; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const r = spawnSync('bash', ['-c', line], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.trim().split('\n');
    };
    expect(complete(['contract', 'g'])).toEqual(['gen']);
    expect(complete(['contract', 'gen', '--max'])).toEqual(['--max-warnings']);
    expect(complete(['contract', 'gen', '-f', '']).sort()).toEqual(['docx', 'github', 'json', 'md', 'pdf']);
    expect(complete(['contract', 'validate', '--format', 'g'])).toEqual(['github']);
    expect(complete(['contract', 'templates', 'e'])).toEqual(['export']);
    expect(complete(['contract', 'completion', 'z'])).toEqual(['zsh']);
  });

  it.each(['zsh', 'fish'])('%s completion names every command and option', (shell) => {
    const r = runCli(['completion', shell]);
    expect(r.status).toBe(0);
    for (const word of ['gen', 'validate', 'init', 'schema', 'templates', 'export', 'vars', 'completion', 'max-warnings', 'watch', 'templates']) expect(r.stdout).toContain(word);
    expect(runCli(['completion', 'tcsh']).status).toBe(2);
  });

  it('--help in Chinese under zh_CN, like the messages; commander errors too', () => {
    const r = runCli(['gen', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^用法： contract gen \[选项\] <inputs\.\.\.>/);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('-h, --help           显示帮助');
    expect(r.stdout).not.toMatch(/\b(Usage|Options|display help)\b/);
    const bogus = runCli(['gen', 'x.yaml', '--bogus'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('错误：未知选项“--bogus”');
  });
});

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('gen --watch', () => {
  it('regenerates on a change to the params, a base and a template; survives an invalid edit; stops on SIGTERM', async () => {
    const dir = tempDir();
    const example = readFileSync('examples/params.example.yaml', 'utf8');
    writeFileSync(join(dir, '_base.yaml'), example);
    const params = join(dir, 'p.yaml');
    writeFileSync(params, 'extends: _base.yaml\nparties:\n  client:\n    name: 甲方一号公司\n');
    const tpl = join(dir, 'tpl');
    mkdirSync(join(tpl, 'articles'), { recursive: true });
    const out = join(dir, 'out');
    const md = join(out, 'YDH-2025-0001.md');
    // From the folder that holds the base: bases outside the working folder are refused.
    const child = spawn(process.execPath, [CLI, 'gen', params, '--watch', '--templates', tpl, '-o', out, '-f', 'md'], {
      cwd: dir,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const text = () => (existsSync(md) ? readFileSync(md, 'utf8') : '');
    try {
      await until(() => text().includes('甲方一号公司') && /watching/.test(stderr), 'the first generation');

      writeFileSync(params, 'extends: _base.yaml\nparties:\n  client:\n    name: 甲方二号公司\n');
      await until(() => text().includes('甲方二号公司'), 'the params edit');

      writeFileSync(join(dir, '_base.yaml'), example.replace('上海云语通信技术有限公司', '上海新供应商有限公司'));
      await until(() => text().includes('上海新供应商有限公司'), 'the base edit');

      writeFileSync(join(tpl, 'articles', '02-purpose.md.hbs'), '# 合同目的\n\n1. 自定义的目的条款。\n');
      await until(() => text().includes('自定义的目的条款'), 'the template edit');

      const before = stderr.length;
      writeFileSync(params, 'extends: _base.yaml\nparties:\n  client:\n    name: 甲方三号公司\n    creditCode: 123\n');
      await until(() => /p\.yaml:\d+:\d+: error:/.test(stderr.slice(before)), 'the error of an invalid edit');
      expect(text()).toContain('甲方二号公司');

      writeFileSync(params, 'extends: _base.yaml\nparties:\n  client:\n    name: 甲方四号公司\n');
      await until(() => text().includes('甲方四号公司'), 'the fix after an invalid edit');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
