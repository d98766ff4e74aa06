/**
 * The lines the build breaks for the templates' paragraphs and ships (dist/data/lines/,
 * scripts/packaged-lines.mjs, src/render/pdf/packaged-lines.ts): a process's first contract takes
 * most of its paragraphs from them, and its PDF is the bytes of one that breaks every paragraph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledFace } from '../../../src/fonts/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { expectManyDocuments } from '../../../src/many-documents.js';
import { forgetModelParts } from '../../../src/model/kept-parts.js';
import { brokenLineStats, forgetBrokenLines, packagedLineHits } from '../../../src/render/pdf/line-break.js';
import { configurePackagedLines, PACKAGED_LINES, packagedLinesFileName } from '../../../src/render/pdf/packaged-lines.js';
import { documentOf } from '../documents.js';
import { EXAMPLE, pdfOf } from './kept.js';

/**
 * A PDF as a fresh process makes it: nothing kept; the packaged lines used or not. A document of
 * its own each time: the layout remembers what it measured of a document's blocks.
 */
async function fresh(yaml: string, options: { draft?: boolean }, use: boolean): Promise<Buffer> {
  // Its model's parts built afresh too, not those of the documents before (model/kept-parts.ts).
  forgetModelParts({ untilNextDocument: true });
  const doc = await documentOf(yaml, options);
  configurePackagedLines({ use });
  forgetBrokenLines({ untilNextDocument: true });
  return pdfOf(doc);
}

describe('lines packaged by the build', () => {
  const inputs: [string, { draft?: boolean }][] = [
    [EXAMPLE, {}],
    [EXAMPLE.replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司').replace('YDH-2025-0001', 'YDH-2025-0099').replace(/unitPrice: 0\.12\b/, 'unitPrice: 0.10'), {}],
    [EXAMPLE, { draft: true }],
  ];
  afterAll(() => {
    configurePackagedLines({ use: false });
    forgetBrokenLines({ untilNextDocument: true });
  });

  it('are written by the build, the templates’ paragraphs only', () => {
    const path = join(PACKAGED_LINES, packagedLinesFileName(bundledFace('regular'), bundledFace('bold')));
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: number; entries: [string, unknown][] };
    expect(file.entries.length).toBeGreaterThan(400);
    // What the example's params write is not in them (scripts/packaged-lines.mjs keeps what two renders share).
    for (const text of ['北京星河数据科技有限公司', '上海云语通信技术有限公司', 'YDH-2025-0001', '010-62345678']) {
      expect(file.entries.filter(([key]) => key.includes(text)).length, text).toBe(0);
    }
  });

  it('give the bytes of breaking every paragraph, and serve most of a first contract', async () => {
    for (const [i, [yaml, options]] of inputs.entries()) {
      const broken = await fresh(yaml, options, false);
      const before = packagedLineHits();
      const packaged = await fresh(yaml, options, true);
      expect(packaged.equals(broken), `document ${i}`).toBe(true);
      expect(packagedLineHits() - before, `document ${i}`).toBeGreaterThan(300);
    }
  }, 120_000);

  it('serve the first document of a thread told that many are coming, which keeps them; not its second', async () => {
    const [first, second] = [inputs[0]![0], inputs[1]![0]];
    const alone = [await fresh(first, {}, false), await fresh(second, {}, false)];
    configurePackagedLines({ use: true });
    forgetModelParts({ untilNextDocument: true });
    forgetBrokenLines({ untilNextDocument: true });
    expectManyDocuments();
    try {
      const docs = [await documentOf(first), await documentOf(second)];
      let before = packagedLineHits();
      expect((await pdfOf(docs[0]!)).equals(alone[0]!)).toBe(true);
      expect(packagedLineHits() - before).toBeGreaterThan(300);
      // Kept as they came from the file: the second document breaks only what the first did not print.
      expect(brokenLineStats().kept).toBeGreaterThan(300);
      before = packagedLineHits();
      const reused = brokenLineStats().reused;
      expect((await pdfOf(docs[1]!)).equals(alone[1]!)).toBe(true);
      expect(packagedLineHits()).toBe(before);
      // Most of its paragraphs ask the kept lines; those of its parts shared with the first document
      // object for object (model/kept-parts.ts) take their layout without asking.
      expect(brokenLineStats().reused - reused).toBeGreaterThan(250);
    } finally {
      expectManyDocuments(false);
    }
  }, 120_000);
});
