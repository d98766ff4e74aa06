import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type InputResult } from '../../src/output/batch.js';

/** Three params files from the example, each with its own contract number. */
function inputs(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'contract-batch-lib-'));
  const example = readFileSync('examples/params.example.yaml', 'utf8');
  const files = ['a', 'b', 'c'].map((tag, i) => {
    const file = join(dir, `${tag}.yaml`);
    writeFileSync(file, example.replace('number: YDH-2025-0001', `number: YDH-P-000${i + 1}`));
    return file;
  });
  return { dir, files };
}

describe('runBatch in process', () => {
  it('reports every input once, in input order, after its files are in place', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    const seen: string[] = [];
    const results = await runBatch(files, {
      outDir: out,
      formats: ['docx'],
      sourceDateEpoch: 1_700_000_000,
      jobs: 1,
      onResult: (result: InputResult, done: number, total: number) => {
        expect(total).toBe(3);
        expect(done).toBe(seen.length + 1);
        // The set is written before it is reported.
        for (const o of result.outputs) expect(readdirSync(out)).toContain(o.path.slice(out.length + 1));
        seen.push(result.contractNumber ?? '?');
      },
    });
    expect(seen).toEqual(['YDH-P-0001', 'YDH-P-0002', 'YDH-P-0003']);
    expect(results.map((r) => r.status)).toEqual(['written', 'written', 'written']);
    expect(readdirSync(out).sort()).toEqual(['YDH-P-0001.docx', 'YDH-P-0002.docx', 'YDH-P-0003.docx']);
  });

  it('a failure while finishing one input stops the batch: no later set is written', async () => {
    const { dir, files } = inputs();
    const out = join(dir, 'out');
    const failure = new Error('the progress display failed');
    await expect(
      runBatch(files, {
        outDir: out,
        formats: ['docx'],
        jobs: 1,
        onResult: () => {
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
    // The first set was written before it was reported; nothing after it was.
    expect(readdirSync(out)).toEqual(['YDH-P-0001.docx']);
  });
});
