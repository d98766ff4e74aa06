/**
 * Reuse of rendered blocks and paragraphs across the DOCX files of one process (reuse.ts): the
 * bytes are those of a render with nothing kept, whatever was rendered before, and reuse does
 * happen between contracts that share their text.
 */
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { redlineDocument } from '../../../src/diff/redline.js';
import type { Block, ContractDocument } from '../../../src/model/types.js';
import { forgetRenderedBlocks, renderedBlockStats } from '../../../src/render/docx/blocks.js';
import { keptPartStats } from '../../../src/render/docx/kept-parts.js';
import { buildDocument, renderDocx } from '../../../src/render/docx/index.js';
import { compileParts, packParts } from '../../../src/render/docx/package.js';
import { LruMap } from '../../../src/lru.js';
import { disarmReuse, MAX_ARTICLE_BLOCKS, MAX_BLOCKS } from '../../../src/render/docx/reuse.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { EPOCH } from './helpers.js';
import { docxParts } from './inspect.js';
import { documentOf } from '../documents.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');

/** The bytes with nothing kept from earlier renders. */
async function alone(doc: ContractDocument): Promise<Buffer> {
  forgetRenderedBlocks();
  return Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
}

const other = (yaml: string) =>
  yaml
    .replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司')
    .replace('legalRepresentative: 张伟', 'legalRepresentative: 赵启明')
    .replace('010-62345678', '010-68881234')
    .replace('YDH-2025-0001', 'YDH-2025-0420');

describe('DOCX reuse across the contracts of a process', () => {
  const docs: { name: string; doc: ContractDocument }[] = [];
  beforeAll(async () => {
    const example = await documentOf(EXAMPLE);
    const renamed = await documentOf(other(EXAMPLE));
    const cheaper = await documentOf(EXAMPLE.replace(/unitPrice: 0\.12\b/, 'unitPrice: 0.10'));
    docs.push(
      { name: 'example', doc: example },
      { name: 'other names', doc: renamed },
      { name: 'other price', doc: cheaper },
      { name: 'draft', doc: await documentOf(EXAMPLE, { draft: true }) },
      { name: 'redline', doc: redlineDocument(example, cheaper, { name: '乙方法务', date: '2026-01-15T00:00:00Z' }) },
      { name: 'sample', doc: sampleDocument({ draft: true }) },
      // Fonts the params name: the styles' XML names them.
      { name: 'other fonts', doc: { ...example, meta: { ...example.meta, fonts: { body: '仿宋', heading: '黑体' } } } },
    );
  }, 60_000);

  it('gives the bytes of a render with nothing kept, in any order and twice over', async () => {
    const expected = new Map<string, Buffer>();
    for (const { name, doc } of docs) expected.set(name, await alone(doc));
    forgetRenderedBlocks();
    for (const order of [docs, [...docs].reverse(), docs]) {
      for (const { name, doc } of order) {
        const bytes = Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
        expect(bytes.equals(expected.get(name)!), name).toBe(true);
      }
    }
  }, 120_000);

  it('reuses the blocks two contracts share, and leaves no mark of it in the XML', async () => {
    forgetRenderedBlocks();
    const [example, renamed] = [docs[0]!.doc, docs[1]!.doc];
    await renderDocx(example, { sourceDateEpoch: EPOCH });
    const before = renderedBlockStats().reused;
    const bytes = await renderDocx(renamed, { sourceDateEpoch: EPOCH });
    const blocks = renamed.body.length + renamed.annexes.reduce((n, a) => n + a.body.length, 0);
    // All but the few blocks that hold the new names and numbers.
    expect(renderedBlockStats().reused - before).toBeGreaterThan(blocks * 0.8);
    expect(renderedBlockStats().reused - before).toBeLessThan(blocks);
    const xml = docxParts(bytes)['word/document.xml']!;
    expect(xml).not.toMatch(/contract-(first|again)/);
    expect(xml).toContain('北京鼎盛航科技有限公司');
    expect(xml).not.toContain('北京星河数据科技有限公司');
  }, 60_000);

  it('renders a block that comes twice in one document, and a paragraph that ends a section in one document and not in another, as without reuse', async () => {
    const base = sampleDocument();
    expect(base.annexes.length).toBeGreaterThan(0); // so the main body's last paragraph carries its section
    const twice: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '此段仅供复用测试。' }] };
    const table: Block = { kind: 'table', header: [[{ kind: 'text', text: '项目' }], [{ kind: 'text', text: '说明' }]], rows: [[[{ kind: 'text', text: '甲' }], [{ kind: 'text', text: '乙' }]]] };
    const after: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '（本页以下为签署页）' }] };
    const docsWith = [
      { ...base, body: [...base.body, twice, twice] }, // the second one ends the main body's section
      { ...base, body: [...base.body, table, twice, table] },
      { ...base, body: [...base.body, twice, after] }, // the same block with the same surroundings, not at the end
      { ...base, body: [...base.body, twice] }, // ... and at the end
    ];
    const expected = [];
    for (const doc of docsWith) expected.push(await alone(doc));
    forgetRenderedBlocks();
    for (const order of [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 2, 0]]) {
      for (const i of order) expect(Buffer.from(await renderDocx(docsWith[i]!, { sourceDateEpoch: EPOCH })).equals(expected[i]!), `document ${i}`).toBe(true);
    }
    const paragraphWith = (bytes: Buffer, text: string) => docxParts(bytes)['word/document.xml']!.match(/<w:p>(?:(?!<w:p>)[\s\S])*?<\/w:p>/g)!.filter((p) => p.includes(text));
    expect(paragraphWith(expected[3]!, '此段仅供复用测试').map((p) => p.includes('<w:sectPr'))).toEqual([true]);
    expect(paragraphWith(expected[2]!, '此段仅供复用测试').map((p) => p.includes('<w:sectPr'))).toEqual([false]);
  }, 60_000);

  it('takes the clauses an article shares with an earlier contract one by one, when the article differs in one of them', async () => {
    forgetRenderedBlocks();
    const [example, renamed] = [docs[0]!.doc, docs[1]!.doc];
    await renderDocx(example, { sourceDateEpoch: EPOCH });
    await renderDocx(renamed, { sourceDateEpoch: EPOCH });
    const before = renderedBlockStats();
    // Another contract with other names: its articles that hold names (communication, notices, …)
    // are not kept whole, but their other clauses are those the contract before rendered.
    const third = await documentOf(other(EXAMPLE).replace('北京鼎盛航科技有限公司', '北京翰林云科技有限公司').replace('赵启明', '钱学文'));
    const bytes = Buffer.from(await renderDocx(third, { sourceDateEpoch: EPOCH }));
    const after = renderedBlockStats();
    expect(after.partsReused - before.partsReused).toBeGreaterThan(5);
    expect(after.parts).toBeLessThanOrEqual(MAX_ARTICLE_BLOCKS);
    expect(bytes.equals(await alone(third))).toBe(true);
  }, 60_000);

  it('renders a clause that comes twice in one article, in an article kept whole and in one that is not, as without reuse', async () => {
    const base = sampleDocument();
    const at = base.body.findIndex((block) => block.kind === 'article' && block.children.length > 1);
    const article = base.body[at] as Extract<Block, { kind: 'article' }>;
    const table: Block = { kind: 'table', header: [[{ kind: 'text', text: '项目' }], [{ kind: 'text', text: '说明' }]], rows: [[[{ kind: 'text', text: '甲' }], [{ kind: 'text', text: '乙' }]]] };
    const twice: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '此段仅供复用测试。' }] };
    const changed: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '此段每份不同。' }] };
    const withChildren = (children: readonly Block[]): ContractDocument => ({ ...base, body: base.body.map((block, i) => (i === at ? { ...article, children: [...children] } : block)) });
    const docsWith = [
      withChildren([...article.children, table, twice, table, twice]),
      withChildren([...article.children, table, twice, table, twice, changed]), // the same clauses, and one of its own
      withChildren([changed, ...article.children, table, table]),
    ];
    const expected = [];
    for (const doc of docsWith) expected.push(await alone(doc));
    forgetRenderedBlocks();
    for (const order of [[0, 1, 2], [1, 0, 2], [2, 1, 0, 1]]) {
      for (const i of order) expect(Buffer.from(await renderDocx(docsWith[i]!, { sourceDateEpoch: EPOCH })).equals(expected[i]!), `document ${i}`).toBe(true);
    }
    expect(renderedBlockStats().partsReused).toBeGreaterThan(0);
  }, 60_000);

  it('keeps nothing while a process renders its first document, and from then on', async () => {
    forgetRenderedBlocks();
    disarmReuse();
    const doc = docs[0]!.doc;
    const first = Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
    expect(renderedBlockStats().kept).toBe(0);
    const second = Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
    expect(renderedBlockStats().kept).toBeGreaterThan(50);
    const reused = renderedBlockStats().reused;
    const third = Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH }));
    expect(renderedBlockStats().reused - reused).toBeGreaterThan(50);
    expect([second.equals(first), third.equals(first)]).toEqual([true, true]);
  }, 60_000);

  it("puts reused paragraphs back on docx's public Packer path too", async () => {
    forgetRenderedBlocks();
    const doc = docs[0]!.doc;
    await renderDocx(docs[1]!.doc, { sourceDateEpoch: EPOCH });
    const direct = packParts(await compileParts(buildDocument(doc)), EPOCH * 1000);
    const viaPacker = packParts(await compileParts(buildDocument(doc), { viaPacker: true }), EPOCH * 1000);
    expect(Buffer.from(viaPacker).equals(Buffer.from(direct))).toBe(true);
    expect(Buffer.from(direct).equals(await alone(doc))).toBe(true);
  }, 60_000);

  it('writes the theme, styles and numbering once per process and deflates a part the packages repeat once, every zip entry true to its CRC', async () => {
    forgetRenderedBlocks();
    const [example, renamed] = [docs[0]!.doc, docs[1]!.doc];
    const first = Buffer.from(await renderDocx(example, { sourceDateEpoch: EPOCH }));
    const before = keptPartStats();
    const file = buildDocument(renamed);
    // The theme stands in as a placeholder, which the compiled package no longer holds.
    expect(JSON.stringify(file.Theme.prepForXml(undefined as never))).toContain('contract-kept');
    const second = Buffer.from(packParts(await compileParts(file), EPOCH * 1000));
    expect(second.equals(await alone(renamed))).toBe(true);
    const after = keptPartStats();
    expect([after.theme - before.theme, after.styles - before.styles, after.numbering - before.numbering]).toEqual([1, 1, 1]);
    const [one, two] = [docxParts(first), docxParts(second)];
    for (const part of ['word/theme/theme1.xml', 'word/styles.xml', 'word/numbering.xml']) expect(two[part], part).toBe(one[part]);
    expect(Object.values(two).some((xml) => xml.includes('contract-kept'))).toBe(false);
    for (const bytes of [first, second]) {
      const entries = zipEntries(bytes);
      expect(entries.length).toBe(Object.keys(two).length);
      for (const entry of entries) expect(crc32(inflateRawSync(entry.data)) >>> 0, entry.name).toBe(entry.crc);
    }
  }, 60_000);

  it('keeps styles and numbering by what their XML depends on: other lists or other fonts are written afresh', async () => {
    forgetRenderedBlocks();
    const before = keptPartStats();
    const renders: { name: string; numbering: string; styles: string }[] = [];
    for (const { name, doc } of docs) {
      const parts = docxParts(Buffer.from(await renderDocx(doc, { sourceDateEpoch: EPOCH })));
      renders.push({ name, numbering: parts['word/numbering.xml']!, styles: parts['word/styles.xml']! });
    }
    // Documents whose lists differ (the sample has lists of its own) got numbering of their own,
    // each the same as written with nothing kept (the test above compares every byte).
    const numberings = new Set(renders.map((r) => r.numbering));
    expect(numberings.size).toBeGreaterThan(1);
    const after = keptPartStats();
    forgetRenderedBlocks();
    for (const { name, doc } of docs) {
      const parts = docxParts(await alone(doc));
      const kept = renders.find((r) => r.name === name)!;
      expect([parts['word/numbering.xml'] === kept.numbering, parts['word/styles.xml'] === kept.styles], name).toEqual([true, true]);
    }
    // Documents that share their lists took the kept parts: fewer were written than rendered.
    expect([after.styles - before.styles, after.numbering - before.numbering].every((n) => n > 0 && n < docs.length)).toBe(true);
  }, 60_000);

  it('keeps at most MAX_BLOCKS blocks, dropping the least recently used', async () => {
    forgetRenderedBlocks();
    for (const { doc } of docs) await renderDocx(doc, { sourceDateEpoch: EPOCH });
    expect(renderedBlockStats().kept).toBeLessThanOrEqual(MAX_BLOCKS);
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  }, 60_000);
});

/** The entries of a zip by their local headers: name, stored CRC-32 and deflated data. */
function zipEntries(bytes: Buffer): { name: string; crc: number; data: Buffer }[] {
  const entries = [];
  for (let at = 0; bytes.readUInt32LE(at) === 0x04034b50; ) {
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    entries.push({ name: bytes.toString('utf8', at + 30, at + 30 + nameLength), crc: bytes.readUInt32LE(at + 14), data: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return entries;
}
