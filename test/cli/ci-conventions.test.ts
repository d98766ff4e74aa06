import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const EXAMPLE_TEXT = readFileSync('examples/params.example.yaml', 'utf8');
/** The example without the provider's licence number: valid, with one warning. */
const WITH_WARNING = EXAMPLE_TEXT.replace(/^\s*telecomLicense:.*$/m, '');

/**
 * customers/_provider.yaml (a base), customers/a.yaml and customers/east/b.yaml extending it,
 * customers/_drafts/c.yaml (in a folder of bases): two contracts to generate.
 */
function customers(base = EXAMPLE_TEXT): string {
  const dir = tempDir();
  const root = join(dir, 'customers');
  mkdirSync(join(root, 'east'), { recursive: true });
  mkdirSync(join(root, '_drafts'), { recursive: true });
  writeFileSync(join(root, '_provider.yaml'), base);
  writeFileSync(join(root, 'a.yaml'), 'extends: _provider.yaml\ncontract:\n  number: A-1\n');
  writeFileSync(join(root, 'east', 'b.yaml'), 'extends: ../_provider.yaml\ncontract:\n  number: B-1\n');
  writeFileSync(join(root, '_drafts', 'c.yaml'), 'extends: ../_provider.yaml\ncontract:\n  number: C-1\n');
  writeFileSync(join(root, 'notes.txt'), 'not a params file');
  return dir;
}

describe('inputs: folders, globs and _ bases', () => {
  it('a folder is walked recursively; _ files and folders are bases, not contracts', () => {
    const dir = customers();
    const r = runCli(['gen', 'customers', '-o', 'out', '-f', 'md', '-j', '1'], { cwd: dir });
    expect(r.stderr).toContain('2 inputs: 2 generated');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['A-1.md', 'B-1.md']);
  });

  it('a quoted glob works like the shell would, with the same _ rule', () => {
    const dir = customers();
    const r = runCli(['validate', 'customers/**/*.yaml', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { inputs: { input: string }[] };
    expect(report.inputs.map((i) => i.input)).toEqual(['customers/a.yaml', 'customers/east/b.yaml']);
  });

  it('a base named on its own is processed (the user asked for it), and a glob that matches nothing is exit 1', () => {
    const dir = customers();
    expect(runCli(['validate', 'customers/_provider.yaml'], { cwd: dir }).status).toBe(0);
    const none = runCli(['validate', 'customers/**/*.yml'], { cwd: dir });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('customers/**/*.yml: error: no params files match this pattern');
  });

  it('an error inside a base is reported once, for the base, with the files that inherit it', () => {
    const dir = customers(EXAMPLE_TEXT.replace('creditCode: 91110108MA01ABCD5T', 'creditCode: 91110108MA01ABCD5X'));
    const r = runCli(['validate', 'customers'], { cwd: dir });
    expect(r.status).toBe(1);
    const located = r.stderr.split('\n').filter((l) => l.includes('parties.client.creditCode'));
    expect(located).toEqual([expect.stringMatching(/^customers\/_provider\.yaml:\d+:\d+: error: parties\.client\.creditCode: /)]);
    expect(r.stderr).toContain('inherited by: customers/a.yaml, customers/east/b.yaml');

    const gh = runCli(['validate', 'customers', '--format', 'github'], { cwd: dir });
    expect(gh.status).toBe(1);
    const annotations = gh.stdout.trim().split('\n');
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=customers\/_provider\.yaml,line=\d+,col=\d+,title=contract [a-z-]+::parties\.client\.creditCode: .*%0Ainherited by: customers\/a\.yaml, customers\/east\/b\.yaml$/);
  });
});

describe('--max-warnings (eslint)', () => {
  it.each(['validate', 'gen'])('%s: more warnings than n is exit 1; n or fewer is 0', (command) => {
    const dir = tempDir();
    const file = join(dir, 'p.yaml');
    writeFileSync(file, WITH_WARNING);
    const extra = command === 'gen' ? ['-o', join(dir, 'out'), '-f', 'md'] : [];
    const over = runCli([command, file, '--max-warnings', '0', ...extra]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('contract: 1 warning, more than --max-warnings 0 allows');
    expect(runCli([command, file, '--max-warnings', '1', ...extra]).status).toBe(0);
    expect(runCli([command, file, ...extra]).status).toBe(0);
    expect(runCli([command, file, '--max-warnings', '-1']).status).toBe(2);
  });
});

describe('--format github (annotations on the pull request)', () => {
  it('errors and warnings as workflow commands on stdout, positions as properties, data escaped', () => {
    const dir = tempDir();
    const warn = join(dir, 'warn.yaml');
    writeFileSync(warn, WITH_WARNING);
    const bad = 'test/fixtures/invalid/bad-credit-code.yaml';
    const expected = JSON.parse(readFileSync('test/fixtures/invalid/bad-credit-code.expected.json', 'utf8')) as { line: number; column: number };
    const r = runCli(['validate', bad, warn, '--format', 'github']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^::error file=${bad.replace(/[./]/g, '\\$&')},line=${expected.line},col=${expected.column},title=contract [a-z-]+::`));
    expect(lines.some((l) => /^::warning file=.*warn\.yaml,line=\d+,col=\d+,title=contract telecom-license-missing::/.test(l))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) /);
    expect(r.stderr).not.toContain('::');
  });

  it('gen takes it too, beside its output formats', () => {
    const dir = tempDir();
    const r = runCli(['gen', 'test/fixtures/invalid/bad-credit-code.yaml', '-f', 'md', '--format', 'github', '-o', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/invalid\/bad-credit-code\.yaml,line=\d+,col=\d+,/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
