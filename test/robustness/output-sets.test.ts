/**
 * Issue 11, points 5 to 8 and the read-only part of 13: the files of one input are one set.
 * A failed write leaves the old set untouched; two runs into one folder never mix their
 * files; a killed run leaves nothing the next run does not finish or remove; two numbers
 * that shorten alike still get their own files; a read-only output is kept, and with it the
 * rest of its set.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT, STACK, docxProblems, docxTextOf, pdfTextOf, qpdfCheck, runCliTimed, squash } from './helpers.js';

const NUMBER = 'YDH-2025-0001';
const withClient = (client: string, number = NUMBER) =>
  EXAMPLE_TEXT.replace('name: 北京星河数据科技有限公司', () => `name: ${client}`).replace(`number: ${NUMBER}`, () => `number: '${number}'`);
/** Every name in a folder that is one of our temporary, journal or lock files. */
const OURS = /\.contract-(tmp|old|lock|journal)$|\.\d+\.[0-9a-f]{8}\.tmp$/;

const bytesOf = (path: string) => readFileSync(path).toString('base64');

/** The client a DOCX and a PDF were made for (both must name the same one). */
function clientsOf(dir: string, base = NUMBER): { docx: string; pdf: string } {
  const docx = docxTextOf(new Uint8Array(readFileSync(join(dir, `${base}.docx`))));
  const pdf = squash(pdfTextOf(join(dir, `${base}.pdf`)));
  const pick = (t: string) => /甲方：?(第[一二]家[^\s（(，,]*?公司)/.exec(t)?.[1] ?? '?';
  return { docx: pick(docx.replace(/\s+/g, '')), pdf: pick(pdf) };
}

describe('a failed write keeps the previous set whole (point 5)', { timeout: 180_000 }, () => {
  it('the PDF cannot be written (file size limit, as on a full disk): the old DOCX and PDF stay byte for byte, no temporary file', () => {
    const dir = tempDir('contract-set-');
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'first.yaml'), withClient('第一家科技有限公司'));
    writeFileSync(join(dir, 'second.yaml'), withClient('第二家科技有限公司'));
    expect(runCliTimed(['gen', join(dir, 'first.yaml'), '-o', out, '-q']).status).toBe(0);
    const before = readdirSync(out).map((f) => [f, bytesOf(join(out, f))]);

    // RLIMIT_FSIZE of 100 KiB with SIGXFSZ ignored: writes past it fail with EFBIG, like a disk
    // that fills up after the DOCX (30 KB) and before the end of the PDF (330 KB).
    const r = runCliTimed(['gen', join(dir, 'second.yaml'), '-o', out], {
      prefix: ['sh', '-c', 'trap "" XFSZ; ulimit -f 200; exec "$@"', 'sh'],
    });
    expect(readdirSync(out).map((f) => [f, bytesOf(join(out, f))])).toEqual(before);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/could not write to .*\(EFBIG\); the previous files of this contract are unchanged/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the PDF name is taken by a folder: the old DOCX stays, nothing new is written, exit 3', () => {
    const dir = tempDir('contract-set-');
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'first.yaml'), withClient('第一家科技有限公司'));
    expect(runCliTimed(['gen', join(dir, 'first.yaml'), '-o', out, '-q', '-f', 'docx']).status).toBe(0);
    const docx = bytesOf(join(out, `${NUMBER}.docx`));
    mkdirSync(join(out, `${NUMBER}.pdf`));
    writeFileSync(join(dir, 'second.yaml'), withClient('第二家科技有限公司'));
    const r = runCliTimed(['gen', join(dir, 'second.yaml'), '-o', out]);
    expect(bytesOf(join(out, `${NUMBER}.docx`))).toBe(docx);
    expect(readdirSync(out).sort()).toEqual([`${NUMBER}.docx`, `${NUMBER}.pdf`]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${join(out, `${NUMBER}.pdf`)} exists and is not a regular file`);
  });
});

describe('a read-only existing output is kept (point 13)', { timeout: 180_000 }, () => {
  it('exit 3 naming the file; it and the rest of its set are unchanged; once writable, the set is replaced', () => {
    const dir = tempDir('contract-set-');
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'first.yaml'), withClient('第一家科技有限公司'));
    writeFileSync(join(dir, 'second.yaml'), withClient('第二家科技有限公司'));
    expect(runCliTimed(['gen', join(dir, 'first.yaml'), '-o', out, '-q']).status).toBe(0);
    const pdf = join(out, `${NUMBER}.pdf`);
    chmodSync(pdf, 0o444);
    const before = readdirSync(out).map((f) => [f, bytesOf(join(out, f))]);
    const r = runCliTimed(['gen', join(dir, 'second.yaml'), '-o', out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${pdf} is read-only, so it and the other files of this contract are kept as they are`);
    expect(readdirSync(out).map((f) => [f, bytesOf(join(out, f))])).toEqual(before);
    expect(statSync(pdf).mode & 0o777).toBe(0o444);

    chmodSync(pdf, 0o644);
    expect(runCliTimed(['gen', join(dir, 'second.yaml'), '-o', out, '-q']).status).toBe(0);
    expect(clientsOf(out)).toEqual({ docx: '第二家科技有限公司', pdf: '第二家科技有限公司' });
  });
});

describe('concurrent runs into one folder (point 6)', { timeout: 180_000 }, () => {
  const gen = (input: string, out: string, env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'gen', input, '-o', out, '-j', '1'], { env: { ...process.env, LANG: 'C', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('two runs for the same contract number, started 0-80 ms apart, 6 times: always one whole set, never a mix', async () => {
    const dir = tempDir('contract-race-');
    writeFileSync(join(dir, 'a.yaml'), withClient('第一家科技有限公司'));
    writeFileSync(join(dir, 'b.yaml'), withClient('第二家科技有限公司'));
    for (let i = 0; i < 6; i++) {
      const out = join(dir, `out${i}`);
      const first = gen(join(dir, 'a.yaml'), out);
      await new Promise((r) => setTimeout(r, (i * 16) % 81));
      const second = gen(join(dir, 'b.yaml'), out);
      const results = await Promise.all([first, second]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const clients = clientsOf(out);
      expect(clients.docx).toMatch(/^第[一二]家科技有限公司$/);
      expect(clients.pdf, `try ${i}`).toBe(clients.docx);
      expect(readdirSync(out).sort()).toEqual([`${NUMBER}.docx`, `${NUMBER}.pdf`]);
    }
  }, 240_000);

  it('a live run holding the set: the second waits for it, and fails with exit 3 and a clear message when it does not end', async () => {
    const dir = tempDir('contract-race-');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(dir, 'a.yaml'), withClient('第一家科技有限公司'));
    const lock = join(out, `.${NUMBER}.contract-lock`);
    // This test process plays the other run: it is alive, on this host.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'held-by-test' }));

    const timedOut = await gen(join(dir, 'a.yaml'), out, { CONTRACT_LOCK_TIMEOUT: '1' });
    expect(timedOut.code).toBe(3);
    expect(timedOut.stderr).toContain(`another contract run (process ${process.pid} on ${hostname()}) is writing the same files`);
    expect(timedOut.stderr).not.toMatch(STACK);
    expect(readdirSync(out)).toEqual([`.${NUMBER}.contract-lock`]);

    // Released after a second: the waiting run then writes its set.
    const started = Date.now();
    const waiting = gen(join(dir, 'a.yaml'), out);
    await new Promise((r) => setTimeout(r, 1_500));
    rmSync(lock);
    const r = await waiting;
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    expect(readdirSync(out).sort()).toEqual([`${NUMBER}.docx`, `${NUMBER}.pdf`]);
  }, 120_000);

  it('a lock left by a process that is gone is stale: removed, and the set written', () => {
    const dir = tempDir('contract-race-');
    const out = join(dir, 'out');
    mkdirSync(out);
    // A pid above the kernel's maximum (4,194,304) cannot be alive.
    writeFileSync(join(out, `.${NUMBER}.contract-lock`), JSON.stringify({ pid: 99_999_999, host: hostname(), token: 'dead' }));
    const r = runCliTimed(['gen', 'examples/params.example.yaml', '-o', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${NUMBER}.docx`, `${NUMBER}.pdf`]);
  });
});

describe('a killed run (point 7)', { timeout: 180_000 }, () => {
  /** Starts a batch and SIGKILLs it as soon as a `.docx` appears under its final name. */
  function killAtFirstDocx(inputs: string, out: string): Promise<void> {
    return new Promise((resolve, reject) => {
      mkdirSync(out, { recursive: true });
      const child = spawn(process.execPath, [CLI, 'gen', inputs, '-o', out, '-j', '1', '-q'], { env: { ...process.env, LANG: 'C' }, stdio: 'ignore' });
      let killed = false;
      const check = () => {
        if (!killed && readdirSync(out).some((f) => f.endsWith('.docx'))) {
          killed = true;
          child.kill('SIGKILL');
        }
      };
      const watcher = watch(out, check);
      const poll = setInterval(check, 2);
      child.on('exit', () => {
        watcher.close();
        clearInterval(poll);
        if (killed) resolve();
        else reject(new Error('the batch ended before it was killed'));
      });
    });
  }

  it('killed right after a DOCX appeared: its PDF is there too (or journaled); the next run leaves only whole sets and no temporary file', async () => {
    const dir = tempDir('contract-kill-');
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (let i = 1; i <= 6; i++) writeFileSync(join(inputs, `p${i}.yaml`), withClient('第一家科技有限公司', `KILL-${i}`));
    for (let round = 0; round < 3; round++) {
      const out = join(dir, `out${round}`);
      await killAtFirstDocx(inputs, out);
      const names = readdirSync(out);
      for (const docx of names.filter((f) => f.endsWith('.docx'))) {
        const base = docx.slice(0, -'.docx'.length);
        expect(names.includes(`${base}.pdf`) || names.includes(`.${base}.contract-journal`), `${docx} without its PDF: ${names.join(', ')}`).toBe(true);
      }
      const r = runCliTimed(['gen', inputs, '-o', out, '-j', '1', '-q']);
      expect(r.status, r.stderr).toBe(0);
      const after = readdirSync(out).sort();
      expect(after.filter((f) => OURS.test(f))).toEqual([]);
      expect(after).toEqual(Array.from({ length: 6 }, (_, i) => [`KILL-${i + 1}.docx`, `KILL-${i + 1}.pdf`]).flat().sort());
      for (const f of after.filter((n) => n.endsWith('.pdf'))) expect(qpdfCheck(join(out, f)).ok).toBe(true);
      for (const f of after.filter((n) => n.endsWith('.docx'))) expect(docxProblems(new Uint8Array(readFileSync(join(out, f))))).toEqual([]);
    }
  }, 240_000);

  it('what a killed run left (temporaries, a journal, a lock, old-style .tmp files) is finished or removed by the next run', () => {
    const dir = tempDir('contract-kill-');
    const out = join(dir, 'out');
    mkdirSync(out);
    const pdf = readFileSync(join('examples', 'params.example.yaml')); // any bytes: the journal says they are the new PDF
    // A run killed after its journal: its temporary PDF must be renamed into place.
    writeFileSync(join(out, '.OTHER-1.pdf.99999999-0123abcd.contract-tmp'), pdf);
    writeFileSync(join(out, '.OTHER-1.contract-journal'), JSON.stringify({ renames: [{ temp: '.OTHER-1.pdf.99999999-0123abcd.contract-tmp', final: 'OTHER-1.pdf' }] }));
    writeFileSync(join(out, '.OTHER-1.contract-lock'), JSON.stringify({ pid: 99_999_999, host: hostname(), token: 'x' }));
    // A run killed before its journal: its temporaries go.
    writeFileSync(join(out, '.OTHER-2.docx.99999999-0123abcd.contract-tmp'), 'partial');
    writeFileSync(join(out, '.OTHER-2.docx.99999999-4567abcd.contract-old'), 'backup');
    // Left by versions before output sets.
    writeFileSync(join(out, '.OTHER-3.pdf.99999999.89abcdef.tmp'), 'partial');
    // Not ours: kept.
    writeFileSync(join(out, '.keep.tmp'), 'user file');
    writeFileSync(join(out, 'notes.txt'), 'user file');

    const r = runCliTimed(['gen', 'examples/params.example.yaml', '-o', out, '-q', '-f', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.keep.tmp', 'OTHER-1.pdf', `${NUMBER}.md`, 'notes.txt']);
    expect(readFileSync(join(out, 'OTHER-1.pdf')).equals(pdf)).toBe(true);
  });
});

describe('numbers that shorten to the same file name (point 8)', { timeout: 180_000 }, () => {
  it("'合'×70 + '-甲方A' and '合'×70 + '-乙方B' in two runs: two sets, each its own, named with a hash of the number", () => {
    const dir = tempDir('contract-long-');
    const out = join(dir, 'out');
    const numbers = [`${'合'.repeat(70)}-甲方A`, `${'合'.repeat(70)}-乙方B`];
    numbers.forEach((n, i) => writeFileSync(join(dir, `${i}.yaml`), withClient(i === 0 ? '第一家科技有限公司' : '第二家科技有限公司', n)));
    for (const i of [0, 1]) expect(runCliTimed(['gen', join(dir, `${i}.yaml`), '-o', out, '-q']).status).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(4);
    const bases = [...new Set(names.map((n) => n.replace(/\.(docx|pdf)$/, '')))];
    expect(bases).toHaveLength(2);
    for (const base of bases) {
      expect(base).toMatch(/^合+-[0-9a-f]{8}$/);
      expect(Buffer.byteLength(`.${base}.contract-journal.4194304-0123abcd.contract-tmp`)).toBeLessThanOrEqual(255);
      const clients = clientsOf(out, base);
      expect(clients.pdf).toBe(clients.docx);
    }
    expect(bases.map((b) => clientsOf(out, b).docx).sort()).toEqual(['第一家科技有限公司', '第二家科技有限公司']);
  });
});

describe('reserved Windows names (point 13)', { timeout: 180_000 }, () => {
  it.each([
    ['COM¹', '_COM¹'],
    ['lpt³', '_lpt³'],
    ['CONIN$', '_CONIN$'],
    ['conout$.x', '_conout$.x'],
    ['CON .txt', '_CON .txt'],
    ['COM10', 'COM10'],
  ])('%s is written as %s', (number, base) => {
    const dir = tempDir('contract-names-');
    writeFileSync(join(dir, 'p.yaml'), withClient('第一家科技有限公司', number));
    const out = join(dir, 'out');
    const r = runCliTimed(['gen', join(dir, 'p.yaml'), '-o', out, '-f', 'md', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([`${base}.md`]);
    expect(existsSync(join(out, `${base}.md`))).toBe(true);
  });
});
