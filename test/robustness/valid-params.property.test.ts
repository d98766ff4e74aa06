/**
 * Property: any valid params object renders to a DOCX whose every XML part is well-formed and
 * a PDF that `qpdf --check` accepts, both containing both party names (and every fee line name)
 * exactly as written: Markdown, Handlebars and XML special characters stay literal text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractError, formatDiagnostic } from '../../src/diagnostics.js';
import { generate } from '../../src/pipeline.js';
import { tempDir } from '../cli/run-cli.js';
import { validParamsArb } from './arbitraries.js';
import { docxProblems, docxTextOf, pdfTextOf, qpdfCheck, squash, withoutRunningHeads } from './helpers.js';

const dir = tempDir('contract-pbt-');
let run = 0;

describe('any valid params object', () => {
  it('renders a well-formed DOCX and a PDF qpdf accepts, both with the party and fee names', async () => {
    await fc.assert(
      fc.asyncProperty(validParamsArb, async (variant) => {
        let outputs;
        try {
          ({ outputs } = await generate(variant.params, { formats: ['docx', 'pdf'] }));
        } catch (e) {
          if (e instanceof ContractError) throw new Error(`valid params rejected:\n${e.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
          throw e;
        }
        const docx = outputs.find((o) => o.format === 'docx')!.data;
        const pdf = outputs.find((o) => o.format === 'pdf')!.data;
        expect(docxProblems(docx)).toEqual([]);
        const pdfPath = join(dir, `p${run++}.pdf`);
        writeFileSync(pdfPath, pdf);
        const check = qpdfCheck(pdfPath);
        expect(check.ok, check.output).toBe(true);

        const docxText = squash(docxTextOf(docx));
        const pdfText = squash(withoutRunningHeads(pdfTextOf(pdfPath, 'raw')));
        for (const name of [variant.clientName, variant.providerName, ...variant.feeNames]) {
          expect(docxText, 'DOCX text').toContain(squash(name));
          expect(pdfText, 'PDF text').toContain(squash(name));
        }
        expect(squash(pdfTextOf(pdfPath))).toContain(`合同编号：${variant.params.contract.number}`);
      }),
      { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20251125), endOnFailure: true },
    );
  }, 120_000);
});
