/**
 * Scratch tool, not a test: writes the sample contract as DOCX and times the render.
 *   npx vite-node test/render/docx/dump-sample.ts [out.docx] [feeRows] [draft]
 * then: soffice --headless --convert-to pdf --outdir /tmp/x out.docx
 */
import { writeFileSync } from 'node:fs';
import { renderDocx } from '../../../src/render/docx/index.js';
import { sampleDocument } from '../../fixtures/model/sample.js';

const out = process.argv[2] ?? '/tmp/contract-sample.docx';
const feeRows = Number(process.argv[3] ?? 80);
const draft = process.argv[4] === 'draft';
const doc = sampleDocument({ feeRows, draft });

const first = performance.now();
await renderDocx(doc, { sourceDateEpoch: 1740787200 });
const cold = performance.now() - first;
const runs = 20;
const t0 = performance.now();
let bytes: Uint8Array = new Uint8Array();
for (let i = 0; i < runs; i++) bytes = await renderDocx(doc, { sourceDateEpoch: 1740787200 });
const warm = (performance.now() - t0) / runs;
writeFileSync(out, bytes);
console.log(`${out}: ${bytes.length} bytes; first render ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms/render (${runs} runs)`);
