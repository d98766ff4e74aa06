// Writes dist/data/lines/ (one file, named by the bundled faces): the lines of the built-in templates' paragraphs as the PDF writer
// breaks them with the bundled faces (src/render/pdf/packaged-lines.ts), so that a process's first
// contract finds them instead of breaking them. Written: the paragraphs two renders of the bundled
// example share when the second has other party names, people, phone numbers and contract number.
// Run by `npm run build` after scripts/bundle.mjs, from the compiled modules in dist/, and before
// scripts/code-cache.mjs (whose runs then read the file as every run does).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { validate, buildContract } = await import('../dist/pipeline.js');
const { renderPdf } = await import('../dist/render/pdf/index.js');
const { brokenLineEntries, forgetBrokenLines, keepBrokenLines } = await import('../dist/render/pdf/line-break.js');
const { configurePackagedLines, packagedLinesFile, packagedLinesFileName, PACKAGED_LINES } = await import('../dist/render/pdf/packaged-lines.js');
const { bundledFace } = await import('../dist/fonts/index.js');

const example = readFileSync('examples/params.example.yaml', 'utf8');
/** The example with every party name, person, phone number and the contract number changed. */
const other = [
  ['YDH-2025-0001', 'YDH-2025-7351'],
  ['北京星河数据科技有限公司', '北京鼎盛航数据科技有限公司'],
  ['上海云语通信技术有限公司', '上海启明通信技术有限公司'],
  ['legalRepresentative: 张伟', 'legalRepresentative: 赵启'],
  ['legalRepresentative: 王强', 'legalRepresentative: 钱明'],
  ['name: 李娜', 'name: 孙华'],
  ['name: 陈静', 'name: 周远'],
  ['010-62345678', '010-68881234'],
  ['021-50001234', '021-59990000'],
].reduce((yaml, [from, to]) => {
  if (!yaml.includes(from)) throw new Error(`packaged-lines: the example no longer has ${from}`);
  return yaml.replace(from, to);
}, example);

/** Every paragraph's key and lines in the PDF of `yaml`, broken afresh. */
async function linesOf(yaml) {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(`packaged-lines: ${diagnostics.map((d) => d.message.en).join('; ')}`);
  forgetBrokenLines();
  keepBrokenLines();
  await renderPdf(await buildContract(params), { sourceDateEpoch: 0 });
  return new Map(brokenLineEntries());
}

configurePackagedLines({ use: false });
const first = await linesOf(example);
const second = await linesOf(other);
const shared = [...first].filter(([key]) => second.has(key));
if (shared.length < 100) throw new Error(`packaged-lines: only ${shared.length} paragraphs shared`);
rmSync(PACKAGED_LINES, { recursive: true, force: true });
mkdirSync(PACKAGED_LINES, { recursive: true });
writeFileSync(join(PACKAGED_LINES, packagedLinesFileName(bundledFace('regular'), bundledFace('bold'))), packagedLinesFile(shared));
