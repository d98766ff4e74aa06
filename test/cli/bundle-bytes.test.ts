/**
 * The CLI runs a bundle in which docx's helper functions are replaced with faster ones
 * (scripts/docx-helpers.mjs), while these tests render from the sources with docx as published.
 * The files must be the same bytes: the built CLI against the pipeline here, for the example and
 * the fixtures, and for a batch (whose later contracts reuse the DOCX blocks of the first ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { runCli, tempDir } from './run-cli.js';

const EPOCH = 1_700_000_000;
const INPUTS = ['examples/params.example.yaml', 'test/fixtures/valid/arbitration.yaml', 'test/fixtures/valid/three-annexes.yaml'];

describe('the built CLI writes the bytes the sources render', () => {
  it('DOCX and PDF of the example and the fixtures, in one batch', async () => {
    const out = tempDir();
    const run = runCli(['gen', ...INPUTS, '-o', out, '-q', '-j', '1'], { env: { SOURCE_DATE_EPOCH: String(EPOCH), CONTRACT_CACHE: '0' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const input of INPUTS) {
      const result = await generate({ yaml: readFileSync(input, 'utf8'), file: input }, { sourceDateEpoch: EPOCH });
      for (const output of result.outputs) {
        const written = readFileSync(join(out, `${result.params.contract.number}.${output.format}`));
        expect(Buffer.compare(written, Buffer.from(output.data)), `${input} ${output.format}`).toBe(0);
      }
    }
  });
});
