import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliBytes, runShell, tempDir } from './run-cli.js';

const EXAMPLE = 'examples/params.example.yaml';
const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' };

describe('-o names a file, a folder or standard output', () => {
  it.each(['pdf', 'docx', 'md'])('-o contract.%s writes exactly that file, format from the extension', (format) => {
    const dir = tempDir();
    const file = join(dir, `contract.${format}`);
    const r = runCli(['gen', EXAMPLE, '-o', file], { env: EPOCH });
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^wrote .+ \(\d+ KB\)$/), '']);
    expect(r.stderr).toContain(file);
    expect(r.status).toBe(0);
    expect(readdirSync(dir)).toEqual([`contract.${format}`]);
    const magic = { pdf: '%PDF-', docx: 'PK\u0003\u0004', md: '# 云电话服务合同' }[format]!;
    expect(readFileSync(file).subarray(0, Buffer.byteLength(magic)).toString(format === 'md' ? 'utf8' : 'latin1')).toBe(magic);
  });

  it.each(['pdf', 'docx', 'md'])('-o - -f %s writes the same bytes to stdout, messages on stderr only', (format) => {
    const dir = tempDir();
    const file = join(dir, `c.${format}`);
    expect(runCli(['gen', EXAMPLE, '-o', file], { env: EPOCH }).status).toBe(0);
    const r = runCliBytes(['gen', EXAMPLE, '-o', '-', '-f', format], { env: EPOCH });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(Buffer.compare(r.stdout, readFileSync(file))).toBe(0);
    expect(readdirSync(dir)).toEqual([`c.${format}`]);
  });

  it('-o - of an invalid input writes nothing to stdout, the errors to stderr, exit 1', () => {
    const r = runCliBytes(['gen', 'test/fixtures/invalid/bad-credit-code.yaml', '-o', '-', '-f', 'pdf']);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toContain('bad-credit-code.yaml:');
  });

  it('a folder is still a folder, and -o out.pdf/ that exists as a folder stays one', () => {
    const dir = tempDir();
    const folder = join(dir, 'x.pdf');
    runShell(`mkdir "${folder}"`);
    expect(runCli(['gen', EXAMPLE, '-o', folder, '-f', 'md']).status).toBe(0);
    expect(readdirSync(folder)).toEqual(['YDH-2025-0001.md']);
  });

  it('init - prints the starter to stdout and creates no file', () => {
    const dir = tempDir();
    const r = runCli(['init', '-'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('contract:');
    expect(readdirSync(dir)).toEqual([]);
    const file = join(dir, 'p.yaml');
    writeFileSync(file, r.stdout);
    expect(runCli(['validate', file]).status).toBe(0);
  });

  it.each([
    [['gen', EXAMPLE, '-o', '-'], /add -f pdf/],
    [['gen', EXAMPLE, '-o', '-', '-f', 'pdf,docx'], /one format/],
    [['gen', EXAMPLE, EXAMPLE.replace('params.example', 'large'), '-o', 'x.pdf'], /exactly one input/],
    [['gen', EXAMPLE, '-o', 'x.pdf', '-f', 'docx'], /names a \.pdf file but -f asks for docx/],
    [['gen', EXAMPLE, '-o', '-', '-f', 'pdf', '--json'], /cannot print there too/],
    [['gen', EXAMPLE, '-o', 'x', '--out-dir', 'y'], /not both/],
  ])('%j is a usage error (exit 2) and writes nothing', (args, message) => {
    const dir = tempDir();
    const r = runCli(args, { cwd: process.cwd(), env: { TMPDIR: dir } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync('x.pdf') || existsSync('x') || existsSync('-')).toBe(false);
  });
});

describe('standard output that goes away or fails', () => {
  it.each([
    ['contract --help | head -1'],
    ['contract schema | head -1'],
    ['contract schema | true'],
    ['contract templates vars | head -1'],
    [`contract gen ${EXAMPLE} -o - -f pdf | head -c 100 > /dev/null`],
    [`contract validate ${EXAMPLE} --json | true`],
  ])('%s: exit 0, nothing on stderr', (line) => {
    const r = runShell(line);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([['contract schema > /dev/full'], ['contract --help > /dev/full'], [`contract gen ${EXAMPLE} -o - -f md > /dev/full`]])('%s: one line on stderr, exit 3', (line) => {
    const r = runShell(line);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('contract: could not write to standard output (ENOSPC)\n');
  });
});

describe('one exit-code table', () => {
  it('a missing input file is 1 (a problem with an input), and the others are still processed', () => {
    const out = tempDir();
    const r = runCli(['gen', 'no-such-file.yaml', EXAMPLE, '-o', out, '-f', 'md', '-j', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-file.yaml: error: cannot read the file: no such file');
    expect(readdirSync(out)).toEqual(['YDH-2025-0001.md']);
    expect(runCli(['validate', 'no-such-file.yaml']).status).toBe(1);
  });

  it('a folder as a params file is 1; an unwritable output is 3; a usage error is 2', () => {
    expect(runCli(['validate', 'test/fixtures/invalid/_generate.mjs/x']).status).toBe(1);
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(runCli(['gen', EXAMPLE, '-o', join(dir, 'file', 'out.md')]).status).toBe(3);
    expect(runCli(['gen', EXAMPLE, '--jobs', 'many']).status).toBe(2);
  });
});
