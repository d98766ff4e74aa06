/**
 * The model of each template part, kept across the documents of a process (src/model/kept-parts.ts):
 * a later document takes the parts an earlier one built when they are made of the same Markdown,
 * file, kind and numbers, as the same frozen objects, and its model is the one a fresh process builds.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { composeContract } from '../../src/compose/compose.js';
import { expectManyDocuments } from '../../src/many-documents.js';
import { buildDocument } from '../../src/model/from-markdown.js';
import { forgetModelParts, modelPartStats } from '../../src/model/kept-parts.js';
import type { Block, ContractDocument } from '../../src/model/types.js';
import type { ContractParams } from '../../src/params/types.js';
import { validate } from '../../src/pipeline.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');
const OTHER_CLIENT = EXAMPLE.replace(/北京星河数据科技有限公司/g, '北京鼎盛航科技有限公司').replace('YDH-2025-0001', 'YDH-2025-0555');
const OTHER_CONTACT = EXAMPLE.replace('phone: 010-62345678', 'phone: 010-68881234');
const OTHER_PRICE = EXAMPLE.replace(/unitPrice: 0\.12\b/, 'unitPrice: 0.10');

async function paramsOf(yaml: string): Promise<ContractParams> {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('\n'));
  return params;
}

async function modelOf(yaml: string, options: { draft?: boolean; dropArticle?: number } = {}): Promise<ContractDocument> {
  const params = await paramsOf(yaml);
  const draft = options.draft ?? false;
  const composed = await composeContract(params, { draft });
  const articles = options.dropArticle === undefined ? composed.articles : composed.articles.filter((_, i) => i !== options.dropArticle);
  return buildDocument({ ...composed, articles }, params, { draft });
}

/** The model as a process that has built nothing before builds it. */
async function freshModelOf(yaml: string, options: { draft?: boolean; dropArticle?: number } = {}): Promise<ContractDocument> {
  forgetModelParts({ untilNextDocument: true });
  const model = await modelOf(yaml, options);
  forgetModelParts({ untilNextDocument: true });
  return model;
}

/** The parts that are one object each in a model: its articles and annexes. */
const partsOf = (doc: ContractDocument): object[] => [...doc.body.filter((b) => b.kind === 'article'), ...doc.annexes];
const shared = (a: ContractDocument, b: ContractDocument): number => partsOf(b).filter((part) => partsOf(a).includes(part)).length;
/** Whether each part of `b` is `a`'s own object exactly when `a` has one of the same content. */
const sharedWhenSame = (a: ContractDocument, b: ContractDocument): boolean =>
  partsOf(b).every((part) => {
    const twin = partsOf(a).find((p) => JSON.stringify(p) === JSON.stringify(part));
    return twin === undefined ? !partsOf(a).includes(part) : twin === part;
  });

beforeEach(() => {
  expectManyDocuments(false);
  forgetModelParts({ untilNextDocument: true });
});
afterAll(() => forgetModelParts({ untilNextDocument: true }));

describe('model parts kept across documents', () => {
  it('are kept from a process’s second document on, or its first when many are coming', async () => {
    await modelOf(EXAMPLE);
    expect(modelPartStats().kept).toBe(0);
    await modelOf(OTHER_CLIENT);
    expect(modelPartStats().kept).toBeGreaterThan(20);

    forgetModelParts({ untilNextDocument: true });
    expectManyDocuments();
    await modelOf(EXAMPLE);
    expect(modelPartStats().kept).toBeGreaterThan(20);
  }, 60_000);

  it('serve later documents as the same objects, whose model is a fresh process’s', async () => {
    const cases: [string, string, { draft?: boolean }][] = [
      ['other client and number', OTHER_CLIENT, {}],
      ['other unit price', OTHER_PRICE, {}],
      ['the example as a draft', EXAMPLE, { draft: true }],
      ['the example again', EXAMPLE, {}],
    ];
    for (const [name, yaml, options] of cases) {
      const fresh = await freshModelOf(yaml, options);
      forgetModelParts({ untilNextDocument: true });
      expectManyDocuments();
      const first = await modelOf(EXAMPLE);
      const before = modelPartStats().reused;
      const later = await modelOf(yaml, options);
      expect(JSON.stringify(later), name).toBe(JSON.stringify(fresh));
      expect(later, name).toEqual(fresh);
      // Parts made of the same text are the first document's own objects.
      expect(sharedWhenSame(first, later), name).toBe(true);
      expect(modelPartStats().reused - before, name).toBeGreaterThanOrEqual(shared(first, later));
      expectManyDocuments(false);
    }
    // Another client is printed in a few parts (preamble, notices, signatures); the rest is shared.
    forgetModelParts({ untilNextDocument: true });
    expectManyDocuments();
    const first = await modelOf(EXAMPLE);
    expect(shared(first, await modelOf(OTHER_CLIENT))).toBeGreaterThan(partsOf(first).length / 2);
    expect(shared(first, await modelOf(EXAMPLE))).toBe(partsOf(first).length);
  }, 120_000);

  it('share the blocks a part built anew has in common with an earlier one, object for object', async () => {
    expectManyDocuments();
    const first = await modelOf(EXAMPLE);
    const later = await modelOf(OTHER_CONTACT);
    const articles = (doc: ContractDocument) => doc.body.filter((b): b is Extract<Block, { kind: 'article' }> => b.kind === 'article');
    let sharedBlocks = 0;
    let rebuilt = 0;
    for (const article of articles(later)) {
      const twin = articles(first).find((a) => a.id === article.id)!;
      if (twin === article) continue;
      rebuilt++;
      for (const child of article.children) {
        const same = twin.children.find((c) => JSON.stringify(c) === JSON.stringify(child));
        // A block that reads the same is the earlier one; one that reads otherwise is its own.
        expect(same === undefined ? !twin.children.includes(child) : same === child).toBe(true);
        if (same !== undefined) sharedBlocks++;
      }
      expect(Object.isFrozen(article)).toBe(true);
    }
    // The articles that print the contact's phone (communication, notices): rebuilt, most of their clauses shared.
    expect(rebuilt).toBeGreaterThan(0);
    expect(sharedBlocks).toBeGreaterThan(rebuilt);
    expect(JSON.stringify(later)).toBe(JSON.stringify(await freshModelOf(OTHER_CONTACT)));
  }, 60_000);

  it('are taken only by a document with the same article and annex numbers', async () => {
    // Without its second article (合同目的, which nothing cites), the same Markdown cites the later articles by other numbers.
    const fresh = await freshModelOf(EXAMPLE, { dropArticle: 1 });
    expectManyDocuments();
    const full = await modelOf(EXAMPLE);
    const before = modelPartStats().reused;
    const dropped = await modelOf(EXAMPLE, { dropArticle: 1 });
    expect(modelPartStats().reused - before).toBe(0);
    expect(shared(full, dropped)).toBe(0);
    expect(JSON.stringify(dropped)).toBe(JSON.stringify(fresh));
  }, 60_000);

  it('are frozen through and through: no document can change another’s', async () => {
    expectManyDocuments();
    const doc = await modelOf(EXAMPLE);
    const article = doc.body.find((b): b is Extract<Block, { kind: 'article' }> => b.kind === 'article')!;
    const paragraph = JSON.stringify(article.children);
    expect(Object.isFrozen(article)).toBe(true);
    expect(() => {
      (article as { title: string }).title = '已改';
    }).toThrow(TypeError);
    expect(() => (article.children as Block[]).push({ kind: 'pageBreak' })).toThrow(TypeError);
    const annex = doc.annexes[0]!;
    expect(() => (annex.body as Block[]).pop()).toThrow(TypeError);
    expect(JSON.stringify(article.children)).toBe(paragraph);
  }, 60_000);
});
