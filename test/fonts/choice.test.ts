/**
 * Fonts from the params (`document.fonts`) and the CLI (`--font`): where a problem is
 * reported, which families the document names, relative font files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFontOption } from '../../src/cli/commands/gen-run.js';
import { ContractError } from '../../src/diagnostics.js';
import { generate, validate } from '../../src/pipeline.js';
import { loadParamsFile } from '../../src/params/index.js';
import { runCli, tempDir } from '../cli/run-cli.js';
import { pdfFile, run } from '../render/pdf/helpers.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');
const NOTO = '/usr/share/fonts/opentype/noto';
const withFonts = (fonts: string): string => `${EXAMPLE}\ndocument:\n  fonts:\n${fonts}`;
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('fonts from the params', () => {
  it('reports a family that is not installed at its key, with look-alikes', async () => {
    const yaml = withFonts('    body: Noto Serif CJKK SC\n');
    const { params, diagnostics } = await validate({ yaml, file: 'p.yaml' });
    expect(params).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ kind: 'schema', code: 'font-not-found', keyPath: 'document.fonts.body', file: 'p.yaml', line: lineOf(yaml, 'Noto Serif CJKK SC'), column: 11 });
    expect(diagnostics[0]!.hint!.en).toContain('Noto Serif CJK SC');
  });

  it('refuses a font without Chinese once, at its key, rather than at every value it cannot print', async () => {
    const yaml = withFonts('    heading: DejaVu Sans\n');
    const { diagnostics } = await validate({ yaml, file: 'p.yaml' });
    expect(diagnostics.map((d) => [d.code, d.keyPath, d.line])).toEqual([['font-coverage', 'document.fonts.heading', lineOf(yaml, 'DejaVu Sans')]]);
    expect(diagnostics[0]!.message.en).toMatch(/DejaVu Sans .* cannot print \d+ character/);
  });

  it('resolves a font file relative to the params file, and names the chosen families in the document', async () => {
    const dir = tempDir('contract-font-params-');
    mkdirSync(join(dir, 'fonts'));
    execFileSync('ln', ['-s', `${NOTO}/NotoSansCJK-Bold.ttc`, join(dir, 'fonts', 'heading.ttc')]);
    writeFileSync(join(dir, 'p.yaml'), withFonts('    body: Noto Serif CJK SC\n    heading: fonts/heading.ttc#2\n'));
    const result = await generate(await loadParamsFile(join(dir, 'p.yaml')), { formats: ['pdf'], sourceDateEpoch: 1740787200 });
    expect(result.document.meta.fonts).toEqual({ body: 'Noto Serif CJK SC', heading: 'Noto Sans CJK SC' });
    const fonts = run('pdffonts', [pdfFile(result.outputs[0]!.data)]);
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoSansCJKsc-Bold\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
  });

  it('lets the CLI’s choice win, and keeps the house style’s DOCX family for a role left alone', async () => {
    const yaml = withFonts('    body: No Such Family\n');
    const result = await generate({ yaml, file: 'p.yaml' }, { formats: ['pdf'], fonts: { body: 'Noto Serif CJK SC' } });
    expect(result.document.meta.fonts).toEqual({ body: 'Noto Serif CJK SC', heading: '黑体' });
    await expect(generate({ yaml: EXAMPLE }, { formats: ['pdf'], fonts: { heading: '/no/such/font.otf' } })).rejects.toSatisfy(
      (e: unknown) => e instanceof ContractError && e.diagnostics[0]!.kind === 'usage' && e.diagnostics[0]!.keyPath === '--font',
    );
    const plain = await generate({ yaml: EXAMPLE }, { formats: ['md'] });
    expect(plain.document.meta.fonts).toBeUndefined();
  });
});

describe('gen --font', () => {
  it('parses roles, keeps commas inside a family name, and makes relative files absolute', () => {
    expect(parseFontOption('body=Noto Serif CJK SC,heading=x.ttc#2', '/work')).toEqual({ body: 'Noto Serif CJK SC', heading: '/work/x.ttc#2' });
    expect(parseFontOption('heading=A, B Family', '/work')).toEqual({ heading: 'A, B Family' });
    expect(parseFontOption(undefined)).toBeUndefined();
    for (const bad of ['serif', 'body=', 'title=x.otf', 'body=a,body=b']) expect(() => parseFontOption(bad), bad).toThrow(ContractError);
  });

  it('sets the body in a serif from the command line', () => {
    const out = tempDir('contract-font-cli-');
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', out, '-f', 'pdf', '--font', 'body=Noto Serif CJK SC'], { env: { SOURCE_DATE_EPOCH: '1740787200' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error|warning/i);
    expect(run('pdffonts', [join(out, 'YDH-2025-0001.pdf')])).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const bad = runCli(['gen', 'examples/params.example.yaml', '-o', out, '--font', 'serif']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--font takes body=<file|family>,heading=<file|family>');
  });
});
