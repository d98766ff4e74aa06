// `npm run bench`: the speed figures the README quotes, measured in one run on this machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/contract.js');
const example = join(root, 'examples/params.example.yaml');
const work = mkdtempSync(join(tmpdir(), 'contract-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

function timeRun(args, env = {}) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return seconds;
}

const rows = [];
const report = (name, value, target = '') => {
  rows.push([name, value, target]);
  console.log(`${name.padEnd(46)} ${value.padEnd(16)} ${target}`);
};
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})\n`);

// 1. Cold CLI runs, both formats, the full example (all eight annexes).
const out = join(work, 'cold');
timeRun([cli, 'gen', example, '-o', out, '-q']); // fill the OS file cache once
const cold = Array.from({ length: 9 }, () => timeRun([cli, 'gen', example, '-o', out, '-q']));
report('cold `contract gen` (docx+pdf), median of 9', ms(median(cold)), 'target <= 300 ms');
const coldPdf = Array.from({ length: 5 }, () => timeRun([cli, 'gen', example, '-o', out, '-q', '-f', 'pdf']));
report('cold `contract gen -f pdf`, median of 5', ms(median(coldPdf)));
const coldDocx = Array.from({ length: 5 }, () => timeRun([cli, 'gen', example, '-o', out, '-q', '-f', 'docx']));
report('cold `contract gen -f docx`, median of 5', ms(median(coldDocx)));
const noCache = Array.from({ length: 5 }, () => timeRun([cli, 'gen', example, '-o', out, '-q', '-f', 'pdf'], { CONTRACT_CACHE: '0' }));
report('cold `gen -f pdf`, no subset cache (HarfBuzz)', ms(median(noCache)));
const serif = spawnSync('fc-list', [':family=Noto Serif CJK SC'], { encoding: 'utf8' });
if (serif.status === 0 && serif.stdout.trim() !== '') {
  const serifOut = join(work, 'serif');
  const serifRuns = Array.from({ length: 5 }, () => timeRun([cli, 'gen', example, '-o', serifOut, '-q', '-f', 'pdf', '--font', 'body=Noto Serif CJK SC']));
  report('cold `gen -f pdf --font body="Noto Serif CJK SC"`', ms(median(serifRuns)), `${(statSync(join(serifOut, 'YDH-2025-0001.pdf')).size / 1024).toFixed(0)} KB`);
} else {
  report('serif body (Noto Serif CJK SC)', 'fonts-noto-cjk not installed');
}
const pdfPath = join(out, 'YDH-2025-0001.pdf');
const pdfSize = statSync(pdfPath).size;
let pages = '?';
try {
  pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? '?';
} catch {}
report('PDF size (example)', `${(pdfSize / 1024).toFixed(0)} KB, ${pages} pages`, 'target <= 250 KB');
report('DOCX size (example)', `${(statSync(join(out, 'YDH-2025-0001.docx')).size / 1024).toFixed(0)} KB`);

// 1b. The DOCX renderer's own cost per contract. Cold: what a fresh `contract gen -f docx` spends
// on the DOCX (loading the renderer and docx, building, packing, writing): its time minus that of
// `-f md`, which does everything else. Warm: in process, after a first contract.
const coldMd = Array.from({ length: 7 }, () => timeRun([cli, 'gen', example, '-o', join(work, 'md'), '-q', '-f', 'md']));
const coldDocx7 = Array.from({ length: 7 }, () => timeRun([cli, 'gen', example, '-o', join(work, 'docx'), '-q', '-f', 'docx']));
report('DOCX renderer, cold (gen -f docx minus -f md)', ms(Math.max(0, median(coldDocx7) - median(coldMd))), 'median of 7 each');
{
  const { parseParamsText, validateParams, buildContract, renderDocument } = await import(join(root, 'dist/index.js'));
  const { params } = validateParams(parseParamsText(readFileSync(example), example));
  const doc = await buildContract(params);
  await renderDocument(doc, { formats: ['docx'], sourceDateEpoch: 0 });
  const times = Array.from({ length: 15 }, () => 0);
  for (let i = 0; i < times.length; i++) {
    const t = performance.now();
    await renderDocument(doc, { formats: ['docx'], sourceDateEpoch: 0 });
    times[i] = (performance.now() - t) / 1000;
  }
  report('DOCX renderer, warm (in process, per contract)', ms(median(times)), 'median of 15');
}

// 2. In process: per contract, after a warm-up (fonts parsed, templates compiled).
const { generate } = await import(join(root, 'dist/index.js'));
const yaml = readFileSync(example, 'utf8');
await generate({ yaml, file: 'example.yaml' });
const n = 20;
const t0 = performance.now();
for (let i = 0; i < n; i++) await generate({ yaml: yaml.replace('YDH-2025-0001', `YDH-B-${i}`), file: 'example.yaml' });
const perContract = (performance.now() - t0) / 1000 / n;
report('in-process generate() per contract (warm)', ms(perContract), `${(1 / perContract).toFixed(1)} contracts/s/core`);

// 3. Batch: 200 contracts, two workers, peak RSS of the whole process.
const batchDir = join(work, 'batch');
mkdirSync(batchDir);
for (let i = 0; i < 200; i++) writeFileSync(join(batchDir, `c${String(i).padStart(3, '0')}.yaml`), yaml.replace('YDH-2025-0001', `YDH-2025-${String(i + 1000)}`));
const rssFile = join(work, 'rss');
const batchSeconds = timeRun(['--import', join(root, 'bench/rss-hook.mjs'), cli, 'gen', batchDir, '-o', join(work, 'batch-out'), '-j', '2', '-q'], { CONTRACT_RSS_OUT: rssFile });
const written = readdirSync(join(work, 'batch-out')).length;
report('batch: 200 contracts, -j 2', `${(200 / batchSeconds).toFixed(1)} contracts/s`, `target >= 30/s (${written} files in ${batchSeconds.toFixed(1)} s)`);
report('batch peak RSS', `${(Number(readFileSync(rssFile, 'utf8')) / 1024).toFixed(0)} MB`, 'target <= 200 MB');

// 4. LibreOffice converting our DOCX to PDF, for scale.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
if (soffice.status === 0) {
  const lo = join(work, 'lo');
  const start = performance.now();
  spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', lo, join(out, 'YDH-2025-0001.docx')], { encoding: 'utf8' });
  const loSeconds = (performance.now() - start) / 1000;
  report('LibreOffice DOCX->PDF of the same file', ms(loSeconds), `${(loSeconds / median(cold)).toFixed(1)}x our cold docx+pdf`);
} else {
  report('LibreOffice DOCX->PDF', 'soffice not installed');
}
rmSync(work, { recursive: true, force: true });
