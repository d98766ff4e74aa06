// Soak test of the output sets (issue 11): a batch of 2,000 inputs, 2% of them invalid, is
// killed with SIGKILL at 10 random moments and restarted each time, then run to the end. It
// passes when every valid input's DOCX and PDF are there and valid (unzip -t, qpdf --check,
// each naming its own contract number), no temporary file of ours is left, and no invalid
// input has any output. Slow (minutes), so not part of `npm test`:
//
//   npm run build && node bench/soak.mjs [--inputs 2000] [--kills 10] [--jobs 2] [--window 0.2] [--seed 1] [--keep]
//
// Each restart regenerates the whole batch (nothing is skipped), so each run is killed at a
// random moment within the first `--window` of the batch's estimated duration (1 = anywhere:
// five times as long in total).
// Prints what it did after each kill and a final PASS or FAIL (exit 0 or 1).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/contract.js');
const example = readFileSync(join(root, 'examples/params.example.yaml'), 'utf8');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const INPUTS = Number(arg('inputs', 2000));
const KILLS = Number(arg('kills', 10));
const JOBS = arg('jobs', '2');
const KEEP = process.argv.includes('--keep');
const WINDOW = Number(arg('window', 0.2));
let seed = Number(arg('seed', Date.now() % 100000));
const seedUsed = seed;
/** mulberry32: the kill moments can be replayed with --seed. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const work = mkdtempSync(join(tmpdir(), 'contract-soak-'));
const inDir = join(work, 'in');
const out = join(work, 'out');
mkdirSync(inDir);

// Inputs: valid ones with their own number and client; every 50th is invalid in one of several ways.
const numberOf = (i) => `SOAK-${String(i).padStart(5, '0')}`;
const INVALID = [
  (t) => t.replace('unitPrice: 200.00', 'unitPrice: -1'), // schema
  (t) => `${t}\nnot-a-key: 1\n`, // unknown key
  (t) => t.replace('legalRepresentative: 张伟', 'legalRepresentative: 张😀伟'), // glyph
  (t) => t.replace('contract:', 'contract:\n  : broken'), // YAML
  (t) => `%YAML 1.1\n---\n${t}`, // directive
  (t) => t.replace('unitPrice: 200.00', 'unitPrice: 999999999999.99').replace(/(unitPrice: 999999999999\.99\n\s+quantity: )1/, '$199999999999'), // too large for 大写
];
const valid = [];
const invalid = [];
for (let i = 1; i <= INPUTS; i++) {
  const number = numberOf(i);
  let text = example.replace('number: YDH-2025-0001', `number: ${number}`).replace('北京星河数据科技有限公司', `北京星河数据第${i}科技有限公司`);
  if (i % 50 === 0) {
    text = INVALID[(i / 50) % INVALID.length](text);
    invalid.push(number);
  } else valid.push(number);
  writeFileSync(join(inDir, `${number}.yaml`), text);
}
console.log(`soak: ${INPUTS} inputs (${invalid.length} invalid), ${KILLS} kills in the first ${WINDOW * 100}% of a run, -j ${JOBS}, seed ${seedUsed}, in ${work}`);

function gen(killAfterMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'gen', inDir, '-o', out, '-j', JOBS, '--json'], {
      env: { ...process.env, LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const OURS = /^\./;
const list = (dir) => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};
const failures = [];

// A calibration run on the first 50 inputs estimates the batch's duration, so that the
// kills land anywhere in it (a run costs as long as the whole batch: each restart redoes all).
const calibration = join(work, 'calibration');
mkdirSync(calibration);
for (const name of readdirSync(inDir).sort().slice(0, 50)) writeFileSync(join(calibration, name), readFileSync(join(inDir, name)));
const calibrated = await new Promise((resolve) => {
  const started = Date.now();
  spawn(process.execPath, [cli, 'gen', calibration, '-o', join(work, 'calibration-out'), '-j', JOBS, '-q'], { stdio: 'ignore' }).on('exit', () => resolve(Date.now() - started));
});
const estimate = (calibrated * INPUTS) / 50;
rmSync(calibration, { recursive: true, force: true });
rmSync(join(work, 'calibration-out'), { recursive: true, force: true });
console.log(`estimated batch time: ${(estimate / 1000).toFixed(0)} s`);
const timing = { ms: estimate };

for (let k = 1; k <= KILLS; k++) {
  const at = Math.round(200 + random() * (WINDOW * timing.ms - 200));
  const r = await gen(at);
  const names = list(out);
  const hidden = names.filter((n) => OURS.test(n));
  const finals = new Set(names.filter((n) => !OURS.test(n)));
  // Right after a kill: a DOCX without its PDF (or the reverse) only with a journal that completes it.
  let halves = 0;
  for (const n of finals) {
    const [base, ext] = [n.replace(/\.(docx|pdf)$/, ''), n.endsWith('.docx') ? 'pdf' : 'docx'];
    if (!finals.has(`${base}.${ext}`)) {
      halves++;
      if (!names.includes(`.${base}.contract-journal`)) failures.push(`kill ${k}: ${n} without its ${ext} and without a journal`);
    }
  }
  const kinds = {};
  for (const h of hidden) {
    const kind = /contract-(tmp|old|lock|journal)$/.exec(h)?.[1] ?? 'other';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const left = Object.entries(kinds).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing hidden';
  console.log(`kill ${String(k).padStart(2)} at ${(at / 1000).toFixed(1)} s (${r.signal ?? `exit ${r.code}`}): ${finals.size} files, ${halves} half sets, ${left}`);
}

const last = await gen();
let report;
try {
  report = JSON.parse(last.stdout);
} catch {
  failures.push(`final run: no JSON report (exit ${last.code}): ${last.stderr.slice(0, 500)}`);
}
if (last.code !== 1) failures.push(`final run: exit ${last.code}, expected 1 (some inputs invalid)`);
if (report) {
  const s = report.summary;
  console.log(`final run: ${(last.ms / 1000).toFixed(1)} s, ${s.written} written, ${s.invalid} invalid, ${s.failed} failed, ${s.files} files`);
  if (s.written !== valid.length || s.invalid !== invalid.length || s.failed !== 0) failures.push(`final run: summary ${JSON.stringify(s)}`);
}

const names = list(out);
const hidden = names.filter((n) => OURS.test(n));
if (hidden.length > 0) failures.push(`temporary files left: ${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ` and ${hidden.length - 5} more` : ''}`);
const expected = valid.flatMap((n) => [`${n}.docx`, `${n}.pdf`]).sort();
const unexpected = names.filter((n) => !OURS.test(n) && !expected.includes(n));
const missing = expected.filter((n) => !names.includes(n));
if (missing.length > 0) failures.push(`missing: ${missing.slice(0, 5).join(', ')} (${missing.length})`);
if (unexpected.length > 0) failures.push(`unexpected files (an invalid input with output?): ${unexpected.slice(0, 5).join(', ')}`);
for (const number of invalid) if (names.some((n) => n.startsWith(`${number}.`))) failures.push(`invalid input ${number} has output`);

// Every set complete and valid: unzip -t and the number inside the DOCX, qpdf --check and the
// number inside the PDF (pdftotext), two checks at a time.
let checked = 0;
const queue = [...valid];
const check = async () => {
  for (let number = queue.shift(); number !== undefined; number = queue.shift()) {
    const docx = join(out, `${number}.docx`);
    const pdf = join(out, `${number}.pdf`);
    try {
      await run('unzip', ['-tq', docx]);
      const { stdout: xml } = await run('unzip', ['-p', docx, 'word/document.xml'], { maxBuffer: 64 << 20 });
      if (!xml.includes(number)) failures.push(`${number}.docx does not name ${number}`);
      await run('qpdf', ['--check', pdf], { maxBuffer: 64 << 20 });
      const { stdout: text } = await run('pdftotext', ['-l', '1', pdf, '-'], { maxBuffer: 64 << 20 });
      if (!text.replace(/\s+/g, '').includes(number)) failures.push(`${number}.pdf does not name ${number}`);
    } catch (e) {
      failures.push(`${number}: ${String(e.message ?? e).split('\n')[0]}`);
    }
    if (++checked % 500 === 0) console.log(`checked ${checked} of ${valid.length} sets`);
  }
};
await Promise.all([check(), check()]);

console.log(failures.length === 0 ? `PASS: ${valid.length} sets complete and valid, no temporary file, no output for the ${invalid.length} invalid inputs` : `FAIL:\n  ${failures.slice(0, 30).join('\n  ')}`);
if (!KEEP) rmSync(work, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
