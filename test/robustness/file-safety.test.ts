/**
 * Output file names come from contract.number, which the user controls: they must stay inside
 * the output directory, be valid on Windows, macOS and Linux, never hide, never overwrite
 * another input's output (also case-insensitively) and never be too long for the file system.
 * test/cli/cli-behaviour.test.ts already covers `../../x`, `a/b`, `CON`, one same-number
 * collision and an output directory under a regular file with `-f md`; these extend them.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, docxProblems, docxTextOf, pdfTextOf, positionOf, qpdfCheck, squash } from './helpers.js';

/** The example with another contract number (YAML single-quoted, so `\` is literal) and client name. */
function params(number: string, client = '北京星河数据科技有限公司'): string {
  return EXAMPLE_TEXT.replace('number: YDH-2025-0001', `number: '${number.replace(/'/g, "''")}'`).replace('name: 北京星河数据科技有限公司', `name: ${client}`);
}

const NAMES: readonly [string, string][] = [
  ['NUL.txt', '_NUL.txt'],
  ['nul', '_nul'],
  ['COM1', '_COM1'],
  ['lpt9.pdf', '_lpt9.pdf'],
  ['.hidden', '_hidden'],
  ['...', '___'],
  ['..', '__'],
  ['abc.', 'abc'],
  ['a\\b', 'a_b'],
  ['x:y?z*', 'x_y_z_'],
  ['<合同>|"1"', '_合同___1_'],
  ['/etc/passwd', '_etc_passwd'],
  ['..\\..\\win', '___.._win'],
  ['A'.repeat(100), 'A'.repeat(100)],
];

describe('contract numbers that are unsafe as file names', () => {
  it('all land inside the output directory under safe, visible names (one batch)', () => {
    const dir = tempDir('contract-names-');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    NAMES.forEach(([number], i) => writeFileSync(join(inputs, `p${String(i).padStart(2, '0')}.yaml`), params(number)));
    const out = join(dir, 'deep', 'out');
    const r = runCli(['gen', inputs, '-o', out, '-f', 'md', '-j', '1']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(NAMES.map(([, base]) => `${base}.md`).sort());
    // Nothing escaped: the temp dir holds only what the test made.
    expect(readdirSync(dir).sort()).toEqual(['deep', 'in']);
    expect(readdirSync(join(dir, 'deep'))).toEqual(['out']);
    // Each file is the contract of its own input (Markdown escapes removed).
    for (const [number, base] of NAMES) expect(readFileSync(join(out, `${base}.md`), 'utf8').replace(/\\(.)/g, '$1')).toContain(number);
  });

  it('200 characters is an input error at contract.number: exit 1, located, nothing written', () => {
    const dir = tempDir('contract-names-');
    const file = join(dir, 'p.yaml');
    const text = params('N'.repeat(200));
    writeFileSync(file, text);
    const { line, column } = positionOf(text, `'${'N'.repeat(200)}'`);
    const r = runCli(['gen', file, '-o', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:${line}:${column}: error: contract.number`);
    expect(readdirSync(dir)).toEqual(['p.yaml']);
  });

  /**
   * 100 characters are allowed; 100 Chinese characters are 300 bytes of UTF-8, above the
   * 255-byte file-name limit of Linux and macOS file systems (with the hidden temporary name
   * even 78 are too many). The name must be shortened by bytes, not characters.
   */
  it('100 Chinese characters (300 bytes of UTF-8) still give a writable file name', () => {
    const dir = tempDir('contract-names-');
    const file = join(dir, 'p.yaml');
    writeFileSync(file, params('合'.repeat(100)));
    const out = join(dir, 'out');
    const r = runCli(['gen', file, '-o', out, '-f', 'md']);
    expect(r.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(r.status).toBe(0);
    const [name] = readdirSync(out);
    // Shortened, so it ends in a hash of the whole number (two numbers that share the kept part differ).
    expect(name).toMatch(/^合+-[0-9a-f]{8}\.md$/);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
  });
});

describe('two inputs, one file name', () => {
  it.each([
    ['ABC', 'abc', 'case only'],
    ['a/b', 'a_b', 'after making the name safe'],
    ['X-1.', 'x-1', 'trailing dot and case'],
  ])('%s then %s (%s): the second fails with exit 1, the first stays complete and intact', (first, second) => {
    const dir = tempDir('contract-collide-');
    writeFileSync(join(dir, '1.yaml'), params(first, '第一家科技有限公司'));
    writeFileSync(join(dir, '2.yaml'), params(second, '第二家科技有限公司'));
    const out = join(dir, 'out');
    const r = runCli(['gen', join(dir, '1.yaml'), join(dir, '2.yaml'), '-o', out, '-j', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already used by');
    expect(r.stderr).toContain(join(dir, '2.yaml'));
    expect(r.stderr).not.toMatch(STACK);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const docx = new Uint8Array(readFileSync(join(out, files.find((f) => f.endsWith('.docx'))!)));
    expect(docxProblems(docx)).toEqual([]);
    expect(docxTextOf(docx)).toContain('第一家科技有限公司');
    expect(docxTextOf(docx)).not.toContain('第二家科技有限公司');
    const pdf = join(out, files.find((f) => f.endsWith('.pdf'))!);
    expect(qpdfCheck(pdf).ok).toBe(true);
    expect(squash(pdfTextOf(pdf))).toContain('甲方：第一家科技有限公司');
  });

  it('with parallel workers (-j 2) too: exactly one input wins, and its files are its own', () => {
    const dir = tempDir('contract-collide-');
    writeFileSync(join(dir, '1.yaml'), params('Same-1', '第一家科技有限公司'));
    writeFileSync(join(dir, '2.yaml'), params('SAME-1', '第二家科技有限公司'));
    const out = join(dir, 'out');
    const r = runCli(['gen', join(dir, '1.yaml'), join(dir, '2.yaml'), '-o', out, '-j', '2', '-f', 'md', '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { inputs: { input: string; status: string; outputs?: { path: string }[] }[] };
    const written = report.inputs.filter((i) => i.status === 'written');
    expect(written).toHaveLength(1);
    const [file] = readdirSync(out);
    const winner = written[0]!.input.endsWith('1.yaml') ? '第一家' : '第二家';
    expect(readFileSync(join(out, file!), 'utf8')).toContain(winner);
  });
});

describe('output directories that cannot be written', () => {
  it('an output directory under a regular file (DOCX and PDF): exit 3, located message, no stack', () => {
    const dir = tempDir('contract-unwritable-');
    writeFileSync(join(dir, 'file'), 'x');
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', join(dir, 'file', 'out')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/could not write/);
    expect(r.stderr).toMatch(/ENOTDIR|EEXIST/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('the output directory is itself a regular file: exit 3', () => {
    const dir = tempDir('contract-unwritable-');
    writeFileSync(join(dir, 'out'), 'x');
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', join(dir, 'out'), '-f', 'md']);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('x');
  });

  it('when the PDF cannot be written (a directory has its name), the DOCX of that input is removed too, and no temporary file stays', () => {
    const dir = tempDir('contract-unwritable-');
    const out = join(dir, 'out');
    mkdirSync(join(out, 'YDH-2025-0001.pdf'), { recursive: true });
    writeFileSync(join(out, 'YDH-2025-0001.pdf', 'keep'), 'x');
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/could not write/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(out)).toEqual(['YDH-2025-0001.pdf']);
    expect(readdirSync(join(out, 'YDH-2025-0001.pdf'))).toEqual(['keep']);
  });
});
