/**
 * The DOCX XML of the templates' blocks, written by the build and shipped (dist/data/docx/,
 * scripts/packaged-docx.mjs, src/render/docx/packaged-blocks.ts): a process's first contract takes
 * most of its blocks from it, and its DOCX is the bytes of one that renders every block, also where
 * a packaged paragraph needs what its XML does not hold (a spacing the build did not see, a
 * section's properties).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redlineDocument } from '../../../src/diff/redline.js';
import type { Block, ContractDocument } from '../../../src/model/types.js';
import { forgetRenderedBlocks, packagedBlockEntries, packagedBlocksRenderedAgain, renderedBlockStats } from '../../../src/render/docx/blocks.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { configurePackagedBlocks, packagedBlockHits, PACKAGED_BLOCKS, PACKAGED_BLOCKS_FILE, type PackagedBlock } from '../../../src/render/docx/packaged-blocks.js';
import { disarmReuse } from '../../../src/render/docx/reuse.js';
import { expectManyDocuments } from '../../../src/many-documents.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { documentOf } from '../documents.js';
import { EPOCH } from './helpers.js';
import { docxParts } from './inspect.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');

/**
 * A DOCX as a fresh process makes it: nothing kept; the packaged blocks of the build's file
 * (`true`), of `blocks`, or none (`false`).
 */
async function fresh(doc: ContractDocument, packaged: boolean | Iterable<readonly [string, PackagedBlock]>): Promise<Buffer> {
  forgetRenderedBlocks();
  disarmReuse();
  configurePackagedBlocks(typeof packaged === 'boolean' ? { use: packaged } : { use: true, blocks: packaged });
  return Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
}

/** The blocks a batch's worker keeps of `doc`, as the build packages them. */
async function packagedFrom(doc: ContractDocument): Promise<[string, PackagedBlock][]> {
  forgetRenderedBlocks();
  configurePackagedBlocks({ use: false });
  expectManyDocuments(true);
  try {
    await renderDocx(doc, { sourceDateEpoch: EPOCH });
  } finally {
    expectManyDocuments(false);
  }
  return packagedBlockEntries();
}

afterAll(() => {
  configurePackagedBlocks({ use: false });
  forgetRenderedBlocks();
  disarmReuse();
});

describe('DOCX blocks packaged by the build', () => {
  it('are written by the build, the templates’ blocks only', () => {
    const file = readFileSync(join(PACKAGED_BLOCKS, PACKAGED_BLOCKS_FILE), 'utf8');
    const entries = (JSON.parse(file) as { entries: [string, PackagedBlock][] }).entries;
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.some(([, block]) => block.items.some((item) => item.kind === 'table'))).toBe(true);
    // What the example's params write is not in it (scripts/packaged-docx.mjs keeps what two renders share).
    for (const text of ['北京星河数据科技有限公司', '上海云语通信技术有限公司', 'YDH-2025-0001', '010-62345678', '张伟']) expect(file, text).not.toContain(text);
  });

  it('give the bytes of rendering every block, and serve most of a first contract', async () => {
    const example = await documentOf(EXAMPLE);
    const cheaper = await documentOf(EXAMPLE.replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司').replace(/unitPrice: 0\.12\b/, 'unitPrice: 0.10'));
    const docs: [string, ContractDocument, number][] = [
      ['example', example, 40],
      ['other names and price', cheaper, 40],
      ['draft', await documentOf(EXAMPLE, { draft: true }), 0],
      ['redline', redlineDocument(example, cheaper, { name: '乙方法务', date: '2026-01-15T00:00:00Z' }), 0],
    ];
    for (const [name, doc, least] of docs) {
      const rendered = await fresh(doc, false);
      const before = packagedBlockHits();
      const packaged = await fresh(doc, true);
      expect(packaged.equals(rendered), name).toBe(true);
      expect(packagedBlockHits() - before, name).toBeGreaterThanOrEqual(least);
    }
  }, 120_000);

  it('render a packaged paragraph that ends a section, or that its neighbours space otherwise, as without the package', async () => {
    const base = sampleDocument();
    expect(base.annexes.length).toBeGreaterThan(0); // so the main body's last paragraph carries its section
    const moved: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '此段仅供打包测试。' }] };
    const table: Block = { kind: 'table', header: [[{ kind: 'text', text: '项目' }], [{ kind: 'text', text: '说明' }]], rows: [[[{ kind: 'text', text: '甲' }], [{ kind: 'text', text: '乙' }]]] };
    const closing: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '（以下无正文）' }] };
    // Packaged where it neither ends the main body nor stands before a table.
    const blocks = await packagedFrom({ ...base, body: [...base.body, moved, closing] });
    const at = (doc: ContractDocument) => doc.body.length;
    const docs: [string, ContractDocument][] = [
      ['ends the section', { ...base, body: [...base.body, moved] }],
      ['before a table', { ...base, body: [...base.body, moved, table, closing] }],
      ['as packaged', { ...base, body: [...base.body, moved, closing] }],
    ];
    const again: number[] = [];
    for (const [name, doc] of docs) {
      const rendered = await fresh(doc, false);
      const [hits, renderedAgain] = [packagedBlockHits(), packagedBlocksRenderedAgain()];
      const packaged = await fresh(doc, blocks);
      expect(packaged.equals(rendered), name).toBe(true);
      expect(packagedBlockHits() - hits, name).toBeGreaterThan(at(base) / 2);
      again.push(packagedBlocksRenderedAgain() - renderedAgain);
    }
    expect(again).toEqual([1, 1, 0]);
  }, 60_000);

  it('serve the first document of a thread told that many are coming, which keeps them for its later ones', async () => {
    const base = sampleDocument();
    const moved: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '此段仅供打包测试。' }] };
    const closing: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '（以下无正文）' }] };
    const blocks = await packagedFrom({ ...base, body: [...base.body, moved, closing] });
    const asPackaged: ContractDocument = { ...base, body: [...base.body, moved, closing] };
    // In the later document the packaged paragraph ends the main body: its XML does not cover that.
    const endsSection: ContractDocument = { ...base, body: [...base.body, moved] };
    const alone = [await fresh(asPackaged, false), await fresh(endsSection, false)];

    forgetRenderedBlocks();
    disarmReuse();
    configurePackagedBlocks({ use: true, blocks });
    expectManyDocuments(true);
    try {
      let [hits, reused, again] = [packagedBlockHits(), renderedBlockStats().reused, packagedBlocksRenderedAgain()];
      expect(Buffer.from(await renderDocx(asPackaged, { sourceDateEpoch: EPOCH })).equals(alone[0]!)).toBe(true);
      expect(packagedBlockHits() - hits).toBeGreaterThan(base.body.length / 2);
      expect(renderedBlockStats().kept).toBeGreaterThan(base.body.length / 2);
      [hits, reused, again] = [packagedBlockHits(), renderedBlockStats().reused, packagedBlocksRenderedAgain()];
      expect(Buffer.from(await renderDocx(endsSection, { sourceDateEpoch: EPOCH })).equals(alone[1]!)).toBe(true);
      // The file serves the first document only; the second reuses what the first kept, the packaged blocks among them.
      expect(packagedBlockHits()).toBe(hits);
      expect(renderedBlockStats().reused - reused).toBeGreaterThan(base.body.length / 2);
      expect(packagedBlocksRenderedAgain() - again).toBe(1);
    } finally {
      expectManyDocuments(false);
    }
  }, 60_000);

  it('write the XML of the package', async () => {
    const doc = await documentOf(EXAMPLE);
    const blocks = await packagedFrom(doc);
    const changed = blocks.map(([key, block]): [string, PackagedBlock] => [key, JSON.parse(JSON.stringify(block).replaceAll('违约', '违反')) as PackagedBlock]);
    const xml = (bytes: Buffer) => docxParts(bytes)['word/document.xml']!;
    expect(xml(await fresh(doc, blocks))).toContain('违约');
    expect(xml(await fresh(doc, changed))).not.toContain('违约');
  }, 60_000);
});
