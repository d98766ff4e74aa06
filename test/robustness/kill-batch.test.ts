/**
 * Issue 7: a batch killed with SIGKILL in the middle leaves only complete files under final
 * names. Each input's files are written to hidden temporaries, journaled and renamed as a
 * set (src/output/output-set.ts); what may remain of the killed process are the hidden files
 * of the one set it was writing (temporaries, its lock, its journal), which the next run
 * completes or removes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, watch, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_PATH, EXAMPLE_TEXT, docxProblems, docxTextOf, pdfTextOf, qpdfCheck, runCliAsync, squash } from './helpers.js';

const INPUTS = 40;
const numberOf = (i: number) => `KILL-2025-${String(i).padStart(4, '0')}`;
const OUTPUT = /^KILL-2025-(\d{4})\.(docx|pdf)$/;
/** Our hidden files: `.<set>.<ext>.<pid>-<hex>.contract-tmp|old`, `.<set>.contract-lock|journal`. */
const TEMP = /^\.(KILL-2025-\d{4})\.(?:(?:docx|pdf|contract-journal)\.(\d+)-[0-9a-f]{8}\.contract-(?:tmp|old)|contract-(?:lock|journal))$/;

interface KillRun {
  readonly out: string;
  readonly entries: string[];
  readonly signal: NodeJS.Signals | null;
  readonly pid: number;
}

/**
 * Starts `gen <dir> -o <out> -j <jobs>` and SIGKILLs it at the first file-system event in the
 * output directory after `after` complete outputs exist: most likely while the next temporary
 * file is being written, the moment a non-atomic writer would leave a truncated file.
 */
function genAndKill(after: number, jobs: number): Promise<KillRun> {
  const dir = tempDir('contract-kill-');
  const inputs = join(dir, 'in');
  const out = join(dir, 'out');
  mkdirSync(inputs);
  mkdirSync(out);
  for (let i = 1; i <= INPUTS; i++) {
    writeFileSync(join(inputs, `p${String(i).padStart(2, '0')}.yaml`), EXAMPLE_TEXT.replace('number: YDH-2025-0001', `number: ${numberOf(i)}`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'gen', inputs, '-o', out, '-j', String(jobs), '-q'], {
      env: { ...process.env, LANG: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    const kill = () => {
      if (killed) return;
      const complete = readdirSync(out).filter((f) => OUTPUT.test(f)).length;
      if (complete < after) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const watcher = watch(out, kill);
    const poll = setInterval(kill, 5);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      watcher.close();
      clearInterval(poll);
      if (!killed) reject(new Error(`the batch finished before it was killed (exit ${code}): ${stderr}`));
      else resolve({ out, entries: readdirSync(out).sort(), signal, pid: child.pid! });
    });
  });
}

describe('SIGKILL in the middle of a batch', () => {
  it.each([[1], [2]])('-j %i: leaves only complete outputs, and no temporary file that looks like an output', async (jobs) => {
    const run = await genAndKill(7, jobs);
    expect(run.signal).toBe('SIGKILL');

    const outputs = run.entries.filter((f) => OUTPUT.test(f));
    const temps = run.entries.filter((f) => TEMP.test(f));
    const other = run.entries.filter((f) => !OUTPUT.test(f) && !TEMP.test(f));
    // What remains, for the report: complete outputs, and at most the one temporary file
    // the process was writing when it died.
    console.info(`killed after ${outputs.length} outputs; temporary files left: ${JSON.stringify(temps)}`);

    expect(outputs.length).toBeGreaterThanOrEqual(7);
    expect(outputs.length).toBeLessThan(2 * INPUTS);
    expect(other).toEqual([]);
    // Leftovers are hidden, never carry an output extension, belong to the killed process and
    // to one set only (sets are written one at a time, by the main thread).
    for (const t of temps) {
      expect(t.startsWith('.')).toBe(true);
      expect(t).not.toMatch(/\.(docx|pdf)$/i);
      const pid = TEMP.exec(t)![2];
      if (pid !== undefined) expect(Number(pid)).toBe(run.pid);
    }
    expect(new Set(temps.map((t) => TEMP.exec(t)![1])).size).toBeLessThanOrEqual(1);

    for (const name of outputs) {
      const [, n, format] = OUTPUT.exec(name)!;
      const path = join(run.out, name);
      const number = numberOf(Number(n));
      if (format === 'docx') {
        const bytes = new Uint8Array(readFileSync(path));
        expect(docxProblems(bytes), name).toEqual([]);
        expect(docxTextOf(bytes), name).toContain(number);
      } else {
        const check = qpdfCheck(path);
        expect(check.ok, `${name}: ${check.output}`).toBe(true);
        expect(squash(pdfTextOf(path)), name).toContain(`合同编号：${number}`);
      }
    }
    // The next run completes or removes what the killed one left: whole sets only, nothing hidden.
    const again = await runCliAsync(['gen', join(run.out, '..', 'in'), '-o', run.out, '-j', String(jobs), '-q'], { timeout: 300_000 });
    expect(again.status, again.stderr).toBe(0);
    const after = readdirSync(run.out);
    expect(after.filter((f) => !OUTPUT.test(f))).toEqual([]);
    expect(after).toHaveLength(2 * INPUTS);

    if (jobs > 1) return;
    // Inputs are processed in order with -j 1: the written ones are a prefix of the batch.
    const numbers = [...new Set(outputs.map((f) => Number(OUTPUT.exec(f)![1])))].sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  }, 360_000);
});

describe('the completeness checks themselves', () => {
  it('reject a truncated DOCX and a truncated PDF (so the test above can fail)', () => {
    const dir = tempDir('contract-trunc-');
    const run = spawnSyncGen(dir);
    const docx = readFileSync(join(run, 'YDH-2025-0001.docx'));
    const pdf = readFileSync(join(run, 'YDH-2025-0001.pdf'));
    expect(docxProblems(new Uint8Array(docx))).toEqual([]);
    expect(qpdfCheck(join(run, 'YDH-2025-0001.pdf')).ok).toBe(true);
    expect(docxProblems(new Uint8Array(docx.subarray(0, Math.floor(docx.length * 0.6)))).length).toBeGreaterThan(0);
    const cut = join(dir, 'cut.pdf');
    writeFileSync(cut, pdf.subarray(0, Math.floor(pdf.length * 0.6)));
    expect(qpdfCheck(cut).ok).toBe(false);
  });
});

function spawnSyncGen(dir: string): string {
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [CLI, 'gen', EXAMPLE_PATH, '-o', out, '-q'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return out;
}
