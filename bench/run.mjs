// `npm run bench`: the speed and size figures the README quotes, each with its bar and goal,
// measured side by side in one run on this machine (shared machines: ratios count more than
// absolute times, so LibreOffice runs interleaved with our cold runs).
//
// Every generated contract has party names and numbers of its own, so no font subset comes
// from a cache (the cold runs also set CONTRACT_CACHE=0; the batch gets an empty cache folder).
// The shared subsets the build packages (dist/data/subsets) are used, as on a fresh install.
//
// It also runs the peers issue 15 measured where the bars were set, on the same text, where they
// are installed (bench/peers.mjs: pandoc, Typst), and each step of a cold run as a cold run of its
// own (loading the CLI, validating, each output alone): how this machine compares with that one,
// and where a cold gen's time goes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { REFERENCE, hasPandoc, markdownToTypst, pandoc, typstCold, typstDir, typstWarm } from './peers.mjs';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin/contract.js');
const hook = join(root, 'bench/rss-hook.mjs');
const example = join(root, 'examples/params.example.yaml');
const yaml = readFileSync(example, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'contract-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quick = process.env.CONTRACT_BENCH_QUICK === '1';

// Common characters (all in the bundled font) from which each input's names are drawn.
const HANZI = '安百宝北本彩昌辰诚川创春达大德鼎东锋丰福富光广国海行航浩和恒弘宏鸿华辉汇佳嘉建金锦晶景俊凯康科朗乐立利联林龙隆茂美明铭诺鹏品普奇启千强晴荣瑞润森盛胜世顺思泰腾天通同万维伟文翔鑫新信兴旭轩亚扬阳耀毅益银英永宇元远越云泽展正志智中众卓';
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜';
const pick = (s, i) => [...s][i % [...s].length];

/** The example with party names, people and numbers of its own (input `i`): valid, distinct glyphs. */
function distinctInput(i) {
  const name = (k) => pick(HANZI, i * 7 + k * 13) + pick(HANZI, i * 11 + k * 5 + 3) + pick(HANZI, i * 3 + k * 17 + 7);
  const person = (k) => pick(SURNAMES, i + k * 7) + pick(HANZI, i * 5 + k * 19 + 1);
  const digits = (n, k) => String((i * 7919 + k * 104729) % 10 ** n).padStart(n, '0');
  return yaml
    .replace('YDH-2025-0001', `YDH-2025-${String(i + 1000)}`)
    .replace('北京星河数据科技有限公司', `北京${name(1)}数据科技有限公司`)
    .replace('上海云语通信技术有限公司', `上海${name(2)}通信技术有限公司`)
    .replace('legalRepresentative: 张伟', `legalRepresentative: ${person(1)}`)
    .replace('legalRepresentative: 王强', `legalRepresentative: ${person(2)}`)
    .replace('name: 李娜', `name: ${person(3)}`)
    .replace('name: 陈静', `name: ${person(4)}`)
    .replace('010-62345678', `010-6${digits(7, 1)}`)
    .replace('021-50001234', `021-5${digits(7, 2)}`)
    .replace('"0200004509200012345"', `"02000${digits(14, 3)}"`);
}

let serial = 0;
function writeInput(dir) {
  const file = join(dir, `c${String(serial).padStart(4, '0')}.yaml`);
  writeFileSync(file, distinctInput(serial++));
  return file;
}

/** Runs the CLI; wall seconds, CPU seconds (user + system) and peak RSS (MB) of the process. */
function runCli(args, env = {}) {
  const usage = join(work, 'usage.json');
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, cli, ...args], {
    env: { ...process.env, ...env, CONTRACT_USAGE_OUT: usage },
    encoding: 'utf8',
  });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`contract ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  return { wall, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMb: u.maxRSS / 1024, faults: u.minorPageFault };
}

const loProfile = pathToFileURL(join(work, 'lo-profile')).href;
function soffice(docx, outdir) {
  const start = performance.now();
  const r = spawnSync('soffice', [`-env:UserInstallation=${loProfile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, docx], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) throw new Error(`soffice failed: ${r.error ?? r.stderr}`);
  return (performance.now() - start) / 1000;
}

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})${quick ? ', quick run' : ''}\n`);
const inputs = join(work, 'inputs');
mkdirSync(inputs);

// 1. Cold `contract gen` (DOCX + PDF) of a new contract, interleaved with LibreOffice converting
//    that contract's DOCX (one warm-up each first: OS file cache, LibreOffice's profile).
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const coldEnv = { CONTRACT_CACHE: '0' };
/**
 * Node 20 reads every CA certificate (its own and the file NODE_EXTRA_CA_CERTS names) when a
 * process starts if that variable is set, as it is on some CI and corporate machines: ~40 ms here,
 * before any of contract's code runs, which makes no network connection. Node 22 and later read
 * them only for a TLS connection. Where it is set, cold runs without it are measured too.
 */
const caTax = process.env.NODE_EXTRA_CA_CERTS !== undefined && process.versions.node.startsWith('20.');
const withoutCa = (env) => ({ ...env, NODE_EXTRA_CA_CERTS: undefined });
const coldRun = (env = coldEnv) => {
  const out = join(work, `cold-${serial}`);
  const run = runCli(['gen', writeInput(inputs), '-o', out, '-q'], env);
  return { ...run, out };
};
const first = coldRun();
const docx = join(first.out, readdirSync(first.out).find((f) => f.endsWith('.docx')));
if (hasSoffice) soffice(docx, join(work, 'lo'));
/** Node starting and doing nothing (`node -e 0`): wall seconds. */
const nodeStart = (env = process.env) => {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { env });
  return (performance.now() - t) / 1000;
};
// The peers on the same text (bench/peers.mjs), interleaved with the cold runs too: how this
// machine compares with the one the bars were set on.
const fontDir = join(root, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts');
const TYPST_FAMILY = 'Noto Sans S Chinese';
const peerDir = join(work, 'peers');
mkdirSync(peerDir);
const markdownOf = (input) => {
  const out = join(peerDir, `md-${serial}`);
  runCli(['gen', input, '-f', 'md', '-o', out, '-q'], coldEnv);
  return join(out, readdirSync(out).find((f) => f.endsWith('.md')));
};
const peerMarkdown = markdownOf(writeInput(inputs));
const withPandoc = hasPandoc();
const typst = typstDir(root);
const typPath = join(peerDir, 'contract.typ');
if (typst) writeFileSync(typPath, markdownToTypst(readFileSync(peerMarkdown, 'utf8'), TYPST_FAMILY));
const pandocRuns = [];
const typstColdRuns = [];
if (withPandoc) pandoc(peerMarkdown, join(peerDir, 'warm-up.docx'));
if (typst) typstCold(typst, typPath, fontDir, join(peerDir, 'warm-up.pdf'));
/** The steps of a cold run, each a command of its own: loading, reading the params, each output alone. */
const ladderSteps = (input, i) => [
  ['`contract --version` (loads the CLI)', ['--version']],
  ['`contract validate` (and reads, checks and composes the params)', ['validate', input, '-q']],
  ['`contract gen -f md` (and builds the document)', ['gen', input, '-f', 'md', '-o', join(work, `ladder-md-${i}`), '-q']],
  ['`contract gen -f docx`', ['gen', input, '-f', 'docx', '-o', join(work, `ladder-docx-${i}`), '-q']],
  ['`contract gen -f pdf`', ['gen', input, '-f', 'pdf', '-o', join(work, `ladder-pdf-${i}`), '-q']],
];
const ladder = {};
const cold = [];
const coldNoCa = [];
// Node's own start, measured right after each cold run: what a cold run takes beyond it is what
// the build decides, and moves less with the machine's other load than either figure alone.
const starts = [];
const startsNoCa = [];
const lo = [];
for (let i = 0; i < (quick ? 3 : 7); i++) {
  const run = coldRun();
  cold.push(run);
  starts.push(nodeStart());
  if (caTax) {
    coldNoCa.push(coldRun(withoutCa(coldEnv)));
    startsNoCa.push(nodeStart(withoutCa(process.env)));
  }
  if (hasSoffice && i < (quick ? 2 : 5)) {
    lo.push(soffice(join(run.out, readdirSync(run.out).find((f) => f.endsWith('.docx'))), join(work, 'lo')));
  }
  // What a cold run spends before and beside its two renderers: one new input a round, for each step.
  const input = writeInput(inputs);
  for (const [step, args] of ladderSteps(input, i)) (ladder[step] ??= []).push(runCli(args, coldEnv).wall);
  if (withPandoc) pandocRuns.push(pandoc(peerMarkdown, join(peerDir, `pandoc-${i}.docx`)));
  if (typst) typstColdRuns.push(typstCold(typst, typPath, fontDir, join(peerDir, `typst-${i}.pdf`)));
}
const coldWall = median(cold.map((r) => r.wall));
const coldCpu = median(cold.map((r) => r.cpu));
const coldNoCaWall = caTax ? median(coldNoCa.map((r) => r.wall)) : undefined;
const coldNoCaCpu = caTax ? median(coldNoCa.map((r) => r.cpu)) : undefined;
const beyondStart = median(cold.map((r, i) => r.wall - starts[i]));
const beyondStartNoCa = caTax ? median(coldNoCa.map((r, i) => r.wall - startsNoCa[i])) : undefined;
// Independent of the machine's load: memory touched for the first time (a page fault each 4 KB).
const coldFaults = median(cold.map((r) => r.faults));
const coldRss = median(cold.map((r) => r.rssMb));
const loWall = hasSoffice ? median(lo) : undefined;
const pandocWall = withPandoc ? median(pandocRuns) : undefined;
const typstColdWall = typst ? median(typstColdRuns) : undefined;

// 2. Batches of 200 distinct inputs, -j 2 and -j 1, each with an empty subset cache; and a
// handful of inputs and a short batch with the default -j (on 2 cores both the main thread and a
// worker, unoptimised: src/cli/commands/gen-run.ts, src/cli/tiering.ts), three times each.
let batches = 0;
function batch(jobs, n = quick ? 60 : 200) {
  const id = batches++;
  const dir = join(work, `batch-in-${id}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const file = writeInput(inputs);
    writeFileSync(join(dir, `c${String(i).padStart(3, '0')}.yaml`), readFileSync(file));
  }
  const out = join(work, `batch-out-${id}`);
  const run = runCli(['gen', dir, '-o', out, ...(jobs === undefined ? [] : ['-j', String(jobs)]), '-q'], { CONTRACT_CACHE_DIR: join(work, `cache-${id}`) });
  const written = readdirSync(out).filter((f) => f.endsWith('.pdf') || f.endsWith('.docx')).length;
  if (written !== 2 * n) throw new Error(`batch -j ${jobs ?? 'default'}: ${written} files, not ${2 * n}`);
  return { ...run, n, rate: n / run.wall };
}
// The bar's batch three times (each with inputs of its own), its median reported: one run moves
// by a fifth with the machine's other load.
const j2Runs = [0, 1, 2].slice(0, quick ? 1 : 3).map(() => batch(2));
const j2 = [...j2Runs].sort((a, b) => a.rate - b.rate)[Math.floor(j2Runs.length / 2)];
const j2Range = j2Runs.length > 1 ? ` (median of ${j2Runs.length}: ${j2Runs.map((r) => r.rate.toFixed(1)).join(', ')})` : '';
const j2Rss = Math.max(...j2Runs.map((r) => r.rssMb));
const j1 = batch(1);
const SMALL = 8;
const small = [0, 1, 2].map(() => batch(undefined, SMALL));
const smallWall = median(small.map((r) => r.wall));
const SHORT = 20;
const short = [0, 1, 2].map(() => batch(undefined, SHORT));
const shortWall = median(short.map((r) => r.wall));
const shortRss = median(short.map((r) => r.rssMb));

// Typst warm: one process, documents with names of their own, as the batch's inputs.
function typstTexts(n) {
  const dir = join(peerDir, 'warm-in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `c${String(i).padStart(3, '0')}.yaml`), distinctInput(serial++));
  const out = join(peerDir, 'warm-md');
  runCli(['gen', dir, '-f', 'md', '-o', out, '-q'], coldEnv);
  return readdirSync(out)
    .filter((f) => f.endsWith('.md'))
    .map((f) => markdownToTypst(readFileSync(join(out, f), 'utf8'), TYPST_FAMILY));
}
// Typst lays out again only what changed (it memoises), so a text compiled again is much faster
// than a new one: both are measured; issue 15 does not say which its 25 ms was.
const warmTexts = typst ? typstTexts(quick ? 15 : 40) : [];
const typstWarmSec = typst ? typstWarm(typst, peerDir, warmTexts, fontDir) : undefined;
const typstWarmSameSec = typst ? typstWarm(typst, peerDir, warmTexts.map(() => warmTexts[0]), fontDir) : undefined;

// 3. The example itself, as shipped.
const exampleOut = join(work, 'example');
runCli(['gen', example, '-o', exampleOut, '-q'], coldEnv);
const pdfPath = join(exampleOut, 'YDH-2025-0001.pdf');
const pdfKb = statSync(pdfPath).size / 1024;
const docxKb = statSync(join(exampleOut, 'YDH-2025-0001.docx')).size / 1024;
let pages = '?';
try {
  pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? '?';
} catch {}

// The table: figure | measured | bar | goal | met? (the bar; "goal too" when the goal is met).
const s = (x) => `${x.toFixed(2)} s`;
const met = (bar, goal) => (bar ? (goal ? 'yes, goal too' : 'yes') : 'NO');
const rows = [
  [
    'cold `contract gen` (DOCX+PDF), new names, no cache',
    `${s(coldWall)} wall, ${s(coldCpu)} CPU`,
    '<= 0.30 s wall',
    '<= 0.15 s',
    met(coldWall <= 0.3, coldWall <= 0.15),
  ],
  ...(caTax
    ? [
        [
          'the same without `NODE_EXTRA_CA_CERTS` (set here: Node 20 reads every CA certificate at start)',
          `${s(coldNoCaWall)} wall, ${s(coldNoCaCpu)} CPU`,
          '<= 0.30 s wall',
          '<= 0.15 s',
          met(coldNoCaWall <= 0.3, coldNoCaWall <= 0.15),
        ],
      ]
    : []),
  [
    "the cold gen beyond Node's own start (`node -e 0` run after each; median of the differences)",
    `${s(beyondStart)}${caTax ? `; ${s(beyondStartNoCa)} without \`NODE_EXTRA_CA_CERTS\`` : ''}`,
    '(reference)',
    '',
    '',
  ],
  [
    'LibreOffice `soffice --convert-to pdf` of our DOCX',
    loWall === undefined ? 'soffice not installed' : s(loWall),
    'reference',
    '',
    '',
  ],
  [
    'cold gen against LibreOffice',
    loWall === undefined ? '-' : `${(loWall / coldWall).toFixed(1)}x faster`,
    '>= 2.8x faster',
    '',
    loWall === undefined ? '-' : met(loWall / coldWall >= 2.8, false),
  ],
  [`batch of ${j2.n} distinct inputs, \`-j 2\``, `${j2.rate.toFixed(1)} docs/s${j2Range}`, '>= 30/s', '>= 100/s', met(j2.rate >= 30, j2.rate >= 100)],
  [`batch of ${j1.n} distinct inputs, \`-j 1\``, `${j1.rate.toFixed(1)} docs/s`, '(reference)', '', ''],
  [`batch of ${SMALL} distinct inputs, default \`-j\` (median of 3)`, `${s(smallWall)} wall, ${(SMALL / smallWall).toFixed(1)} docs/s`, '(reference)', '', ''],
  [`batch of ${SHORT} distinct inputs, default \`-j\` (median of 3)`, `${s(shortWall)} wall, ${(SHORT / shortWall).toFixed(1)} docs/s, ${shortRss.toFixed(0)} MB peak RSS`, '(reference)', '', ''],
  ['example PDF', `${pdfKb.toFixed(0)} KB, ${pages} pages`, '<= 250 KB', '<= 150 KB', met(pdfKb <= 250, pdfKb <= 150)],
  ['peak RSS of the `-j 2` batch (the highest of its runs)', `${j2Rss.toFixed(0)} MB`, '<= 200 MB', '<= 120 MB', met(j2Rss <= 200, j2Rss <= 120)],
  ['peak RSS of the `-j 1` batch', `${j1.rssMb.toFixed(0)} MB`, '(reference)', '', ''],
  ['example DOCX', `${docxKb.toFixed(0)} KB`, '', '', ''],
];
const header = ['figure (full example, DOCX + PDF)', 'measured', 'bar', 'goal', 'met?'];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  `\ncold runs: ${cold.length} (medians); LibreOffice runs: ${lo.length}, interleaved; floor \`node -e 0\` (after each cold run): ${s(median(starts))}` +
    (caTax ? `, without NODE_EXTRA_CA_CERTS: ${s(median(startsNoCa))}` : ''),
);
// This machine against the one the bars were set on (issue 15's figures): the same programs.
const hostRows = [
  ['`node -e 0`', median(starts), REFERENCE.nodeStart],
  ['LibreOffice converting our DOCX', loWall, REFERENCE.libreOffice],
  ['pandoc, our Markdown to DOCX', pandocWall, REFERENCE.pandoc],
  ['Typst, the same text to PDF, cold', typstColdWall, REFERENCE.typstCold],
  ['Typst, warm, per document (each its own names, as the batch)', typstWarmSec, REFERENCE.typstWarm],
  ['Typst, warm, per document (the same text again)', typstWarmSameSec, REFERENCE.typstWarm],
];
console.log('\n| the same program (bench/peers.mjs) | here | where the bars were set | here / there |');
console.log('| --- | --- | --- | --- |');
for (const [name, here, there] of hostRows) {
  const shown = here === undefined ? 'not installed' : here < 0.1 ? `${(here * 1000).toFixed(0)} ms` : s(here);
  console.log(`| ${name} | ${shown} | ${there < 0.1 ? `${(there * 1000).toFixed(0)} ms` : s(there)} | ${here === undefined ? '-' : `${(here / there).toFixed(1)}x`} |`);
}
if (typstColdWall !== undefined) console.log(`cold gen against Typst cold on the same text: ${(coldWall / typstColdWall).toFixed(2)}x its time (${(0.3 / REFERENCE.typstCold).toFixed(2)}x at the bar, where the bars were set)`);
if (typstWarmSec !== undefined) {
  console.log(
    `the \`-j 2\` batch against two warm Typst compilers (2 / its time per document): ${(j2.rate / (2 / typstWarmSec)).toFixed(2)}x their rate with texts of their own, ` +
      `${(j2.rate / (2 / typstWarmSameSec)).toFixed(2)}x with the same text again (${(30 / (2 / REFERENCE.typstWarm)).toFixed(2)}x at the bar)`,
  );
}
console.log('\nwhere a cold gen goes (each a cold run of its own, medians, interleaved with the cold gens):');
console.log(`  \`node -e 0\` ${s(median(starts))}`);
for (const [step, walls] of Object.entries(ladder)) console.log(`  ${step} ${s(median(walls))}`);
console.log(`  \`contract gen\` (DOCX and PDF) ${s(coldWall)}`);
console.log(`a cold gen: peak RSS ${coldRss.toFixed(0)} MB, ${coldFaults} page faults (memory touched for the first time)`);
rmSync(work, { recursive: true, force: true });
