/**
 * Shared helpers of the robustness suite: the example params (text and object), checks that
 * a DOCX / PDF is complete, and a child-process runner that measures time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { docxParagraphTexts } from '../render/docx/inspect.js';
import { xmlProblems } from '../render/docx/xml-check.js';
import { CLI } from '../cli/run-cli.js';

export const ROOT = join(import.meta.dirname, '../..');
export const EXAMPLE_PATH = join(ROOT, 'examples/params.example.yaml');
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, 'utf8');

/** The example as a raw params object (input shape, not validated), a fresh copy each call. */
export function exampleObject(): Record<string, any> {
  return parse(EXAMPLE_TEXT, { intAsBigInt: false }) as Record<string, any>;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return positionAt(text, at);
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before[before.length - 1]!].length + 1 };
}

/** Problems of every XML part of a DOCX (empty when the package is complete and well-formed). */
export function docxProblems(bytes: Uint8Array): string[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (e) {
    return [`not a zip: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (!parts['word/document.xml']) problems.push('no word/document.xml');
  if (!parts['[Content_Types].xml']) problems.push('no [Content_Types].xml');
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    for (const p of xmlProblems(strFromU8(data))) problems.push(`${name}: ${p}`);
  }
  return problems;
}

export function docxTextOf(bytes: Uint8Array): string {
  return docxParagraphTexts(bytes).join('\n');
}

/** `qpdf --check` on a file: exit 0 means no error and no warning. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * The PDF's text by poppler. `raw` keeps content-stream order, so the lines of a wrapped table
 * cell stay together (the default reading order interleaves them with the next cells).
 */
export function pdfTextOf(path: string, mode: 'default' | 'layout' | 'raw' = 'default', pages?: { first: number; last: number }): string {
  const args = [...(mode === 'default' ? [] : [`-${mode}`]), ...(pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []), path, '-'];
  const r = spawnSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

export const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The page header (title, contract number) and footer (第 N 页 共 M 页) removed, so that a
 * paragraph running onto the next page reads as one text again.
 */
export function withoutRunningHeads(pdfText: string): string {
  return pdfText
    .split(/\n|\f/)
    .filter((line) => !/^\s*\S*\s+合同编号：\S+\s*$/.test(line) && !/^\s*第 \d+ 页 共 \d+ 页\s*$/.test(line))
    .join('\n');
}

/** A stack trace line as Node prints it. */
export const STACK = /\n\s+at /;

export interface TimedResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the built CLI and measures the wall time of the whole child process. */
export function runCliTimed(
  args: readonly string[],
  options: { timeout?: number; cwd?: string; env?: Record<string, string>; prefix?: readonly string[] } = {},
): TimedResult {
  const start = Date.now();
  // `prefix` runs the CLI through another program (e.g. setpriv to drop root).
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, CLI, ...args];
  const r = spawnSync(command!, rest, {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
    timeout: options.timeout ?? 60_000,
    maxBuffer: 64 << 20,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

/**
 * The same, without blocking the test worker: a run that may take long on a loaded machine
 * must not hold vitest's event loop (its worker RPC times out after 60 s).
 */
export function runCliAsync(
  args: readonly string[],
  options: { timeout?: number; cwd?: string; env?: Record<string, string> } = {},
): Promise<TimedResult> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeout ?? 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - start });
    });
  });
}

/**
 * An `articles.order` for a templates folder that adds articles: every built-in article, then
 * `added` (a new article file is an error unless the order lists it).
 */
export function articleOrder(added: readonly string[]): string {
  const builtIn = readdirSync('templates/zh-CN/articles').map((f) => f.replace(/\.md\.hbs$/, '')).sort();
  return `${[...builtIn, ...added].join('\n')}\n`;
}
