// The peers issue 15 names, run on this machine on the same contract text, so that the bench can
// say how this machine compares with the one the bars were set on (its figures are below): a
// shared 2-core machine's speed moves with its other load, and some of its costs (a page fault
// here takes ~12 µs) weigh on programs that start, as LibreOffice and a cold gen do, more than on
// programs that run warm.
//
// pandoc (a Debian package) converts our Markdown to DOCX; Typst's Node compiler (npm
// @myriaddreamin/typst-ts-node-compiler, 51 MB of native code, so not a dependency of ours) sets
// the same text as a PDF with the bundled CJK font. Each is measured only where it is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What the bars' machine measured (issue 15): seconds. */
export const REFERENCE = { nodeStart: 0.05, libreOffice: 1.07, pandoc: 0.08, typstCold: 0.21, typstWarm: 0.025 };

export const hasPandoc = () => spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;

/** pandoc converting Markdown to DOCX: wall seconds. */
export function pandoc(markdownPath, outPath) {
  const start = performance.now();
  const r = spawnSync('pandoc', [markdownPath, '-o', outPath], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) throw new Error(`pandoc failed: ${r.error ?? r.stderr}`);
  return (performance.now() - start) / 1000;
}

/**
 * Where Typst's Node compiler is installed: CONTRACT_BENCH_TYPST, or bench/peers
 * (`npm install --prefix bench/peers @myriaddreamin/typst-ts-node-compiler@0.7.0`).
 */
export function typstDir(root) {
  const dir = process.env.CONTRACT_BENCH_TYPST ?? join(root, 'bench', 'peers');
  return existsSync(join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler', 'package.json')) ? dir : undefined;
}

/**
 * Our Markdown (`gen -f md`: headings, paragraphs with bold labels, pipe tables, backslash
 * escapes, a comment where an annex starts a page) as Typst markup, set as the PDF sets it: A4,
 * 2.5 cm margins, 10.5 pt Noto Sans SC (the bundled face), justified, a running header and page
 * numbers. For timing: it keeps the text and its structure, not every detail of the layout.
 */
export function markdownToTypst(markdown, family) {
  const unescape = (s) => s.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  const escape = (s) => s.replace(/[\\#$_@<>[\]`~*=/+-]/g, (c) => `\\${c}`);
  const inline = (s) =>
    unescape(s.replace(/ {2}$/, ''))
      .split(/\*\*(.+?)\*\*/)
      .map((part, i) => (i % 2 === 1 ? `*${escape(part)}*` : escape(part)))
      .join('');
  const out = [
    '#set page(paper: "a4", margin: 2.5cm, header: align(right, text(size: 9pt)[云电话服务合同]), numbering: "1 / 1")',
    `#set text(font: "${family}", size: 10.5pt, lang: "zh")`,
    '#set par(justify: true, leading: 0.9em)',
    '',
  ];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(#+) (.*)$/.exec(lines[i]);
    if (heading) {
      out.push(`${'='.repeat(heading[1].length)} ${inline(heading[2])}`);
      continue;
    }
    if (/^<!--.*-->$/.test(lines[i])) {
      // Our Markdown marks where an annex starts a page.
      if (lines[i] === '<!-- page break -->') out.push('#pagebreak()');
      continue;
    }
    if (!lines[i].startsWith('|')) {
      out.push(inline(lines[i]));
      continue;
    }
    const rows = [];
    for (; i < lines.length && lines[i].startsWith('|'); i++) {
      const cells = lines[i].slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
      if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
    }
    i--;
    out.push(`#table(columns: ${rows[0].length}, ${rows.flat().map((c) => `[${inline(c)}]`).join(', ')})`);
  }
  return out.join('\n');
}

/**
 * Typst compiling `typPath` to a PDF in a fresh process (cold: loading its native module, fonts,
 * the text): wall seconds.
 */
export function typstCold(dir, typPath, fontDir, pdfPath) {
  const script = `
const { NodeCompiler } = require(${JSON.stringify(join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))});
const fs = require('node:fs');
const compiler = NodeCompiler.create({ workspace: ${JSON.stringify(join(typPath, '..'))}, fontArgs: [{ fontPaths: [${JSON.stringify(fontDir)}] }] });
fs.writeFileSync(${JSON.stringify(pdfPath)}, compiler.pdf({ mainFileContent: fs.readFileSync(${JSON.stringify(typPath)}, 'utf8') }));`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) throw new Error(`typst failed: ${r.error ?? r.stderr}`);
  return (performance.now() - start) / 1000;
}

/**
 * Typst warm, in one process: `texts` (each its own names, as the batch's inputs are) compiled to
 * PDFs one after another; the median seconds per document from the sixth on.
 */
export function typstWarm(dir, work, texts, fontDir) {
  const list = join(work, 'typst-texts.json');
  writeFileSync(list, JSON.stringify(texts));
  const script = `
const { NodeCompiler } = require(${JSON.stringify(join(dir, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))});
const texts = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(list)}, 'utf8'));
const compiler = NodeCompiler.create({ workspace: ${JSON.stringify(work)}, fontArgs: [{ fontPaths: [${JSON.stringify(fontDir)}] }] });
const times = texts.map((text) => {
  const start = performance.now();
  compiler.pdf({ mainFileContent: text });
  compiler.evictCache(10);
  return performance.now() - start;
});
process.stdout.write(JSON.stringify(times.slice(5)));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0 || r.error) throw new Error(`typst failed: ${r.error ?? r.stderr}`);
  const times = JSON.parse(r.stdout).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] / 1000;
}
