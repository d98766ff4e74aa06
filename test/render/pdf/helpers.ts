import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'contract-pdf-test-'));
let n = 0;

/** Write PDF bytes to a temporary file for the poppler/qpdf command-line tools. */
export function pdfFile(bytes: Uint8Array): string {
  const file = join(dir, `t${++n}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

export function run(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function runBuffer(cmd: string, args: readonly string[]): Buffer {
  return execFileSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
}

export const pageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);

export const pageText = (file: string, page: number, layout = true): string =>
  run('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), file, '-']);

export const strip = (s: string): string => s.replace(/\s+/g, '');
