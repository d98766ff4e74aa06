import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const README = readFileSync('README.md', 'utf8');

/** The flags of a README options table: `-o, --output <path>` from "| `-o, --output <path>` | …". */
function readmeOptions(command: string): string[] {
  const start = README.indexOf(`| option of \`${command}\` | does |`);
  expect(start, `README has a table of the options of ${command}`).toBeGreaterThan(0);
  const rows = README.slice(start).split('\n').slice(2);
  const flags: string[] = [];
  for (const row of rows) {
    const m = /^\| `([^`]+)` \|/.exec(row);
    if (!m) break;
    flags.push(m[1]!);
  }
  return flags;
}

/** The flags of `contract <command> --help`, without --help itself. */
function helpOptions(command: string): string[] {
  const r = runCli([command, '--help']);
  expect(r.status).toBe(0);
  const section = r.stdout.split('Options:\n')[1]!.split('\n\n')[0]!;
  return section
    .split('\n')
    .map((l) => /^ {2}(\S.*?)(?: {2,}|$)/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined && f !== '-h, --help');
}

describe('README and --help agree', () => {
  it.each(['gen', 'validate', 'diff'])('the README documents exactly the options of %s --help', (command) => {
    expect(readmeOptions(command)).toEqual(helpOptions(command));
  });

  it('every command of --help is in the README usage', () => {
    const help = runCli(['--help']).stdout;
    const commands = help.split('Commands:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => /^ {2}(\S+)/.exec(l)?.[1]).filter((c): c is string => c !== undefined && c !== 'help');
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) expect(README).toContain(`contract ${command}`);
  });

  it('the exit-code table is the one --help states', () => {
    const table = README.split('### Exit codes')[1]!.split('###')[0]!;
    const codes = [...table.matchAll(/^\| `(\d)` \|/gm)].map((m) => m[1]);
    expect(codes).toEqual(['0', '1', '2', '3']);
    for (const args of [['--help'], ['gen', '--help']]) {
      expect(runCli(args).stdout.replace(/\s+/g, ' ')).toMatch(/Exit codes: 0 [^,]+, 1 an input is invalid or unreadable[^,]*, 2 usage error, 3 could not write output or internal error/);
    }
  });

  it('the sample messages are the real ones, in English and Chinese, as text and as annotations', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'params.yaml'), readFileSync('examples/params.example.yaml', 'utf8').replace('creditCode: 91110108MA01ABCD5T', 'creditCode: 91110108MA01ABCD5X'));
    const samples = README.split('\n').filter((l) => l.startsWith('    params.yaml:') || l.startsWith('      hint:') || l.startsWith('      提示:') || l.startsWith('    ::error'));
    const en = runCli(['validate', 'params.yaml'], { cwd: dir }).stderr.split('\n');
    const zh = runCli(['validate', 'params.yaml'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stderr.split('\n');
    const gh = runCli(['validate', 'params.yaml', '--format', 'github'], { cwd: dir }).stdout;
    expect(samples.slice(0, 2).map((l) => l.slice(4))).toEqual(en.slice(0, 2));
    expect(samples.slice(2, 4).map((l) => l.slice(4))).toEqual(zh.slice(0, 2));
    expect(gh.startsWith(samples[4]!.slice(4).replace(/…$/, ''))).toBe(true);
  });
});
