/**
 * What the layout measures of a block, kept by the block itself (src/render/pdf/measured.ts): a
 * frozen block's measure serves later documents (the parts kept across documents are frozen); a
 * block that is not frozen is measured again in each document, so that a change its caller makes
 * between two renders is printed.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ContractDocument, Inline, ParagraphBlock, TableBlock } from '../../../src/model/types.js';
import { brokenLineStats } from '../../../src/render/pdf/line-break.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { pdfFile, run, strip } from './helpers.js';
import { pdfOf } from './kept.js';

const textOf = async (doc: ContractDocument): Promise<string> => strip(run('pdftotext', [pdfFile(await pdfOf(doc)), '-']));

const firstOf = <K extends Block['kind']>(blocks: readonly Block[], kind: K): Extract<Block, { kind: K }> | undefined => {
  for (const block of blocks) {
    if (block.kind === kind) return block as Extract<Block, { kind: K }>;
    const inner = block.kind === 'article' || block.kind === 'clause' ? firstOf(block.children, kind) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('what the layout measures of a block', () => {
  it('is measured again in the next document for a block that is not frozen: a change made between renders is printed', async () => {
    const doc = sampleDocument();
    const article = firstOf(doc.body, 'article')!;
    const paragraph = firstOf(article.children, 'paragraph') as ParagraphBlock;
    const before = await textOf(doc);
    expect(before).toContain('除本合同另有约定外');
    (paragraph.children as Inline[]).splice(0, paragraph.children.length, { kind: 'text', text: '本段已由调用方在两次渲染之间改写，新的文字必须印出。' });
    const table = firstOf(doc.annexes.flatMap((a) => a.body), 'table') as TableBlock;
    (table.rows as Inline[][][])[0]![0] = [{ kind: 'text', text: '改后单元格' }];
    const after = await textOf(doc);
    expect(after).toContain('本段已由调用方在两次渲染之间改写，新的文字必须印出。');
    expect(after).not.toContain('除本合同另有约定外');
    expect(after).toContain('改后单元格');
  }, 60_000);

  it('serves a later document for a frozen block, with the same bytes', async () => {
    // Lines broken or looked up in the store kept across documents (line-break.ts), which a render
    // uses once a document has been laid out in the process.
    const lookups = () => brokenLineStats().kept + brokenLineStats().reused;
    await pdfOf(sampleDocument());
    const doc = deepFreeze(sampleDocument());
    let before = lookups();
    const first = await pdfOf(doc);
    const firstLookups = lookups() - before;
    before = lookups();
    const again = await pdfOf(doc);
    expect(again.equals(first)).toBe(true);
    // Only the headings are looked up again: the paragraphs' and tables' layouts of the first render serve.
    expect(firstLookups).toBeGreaterThan(20);
    expect(lookups() - before).toBeLessThan(firstLookups / 2);
  }, 60_000);
});
