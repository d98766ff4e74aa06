/**
 * The model of the templates' parts, built by the build and shipped (dist/data/model/,
 * scripts/packaged-model.mjs, src/model/packaged-parts.ts): a process's first document takes most
 * of its parts from it, and is the model building them from their Markdown gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeContract } from '../../src/compose/compose.js';
import { buildDocument } from '../../src/model/from-markdown.js';
import { forgetModelParts } from '../../src/model/kept-parts.js';
import { configurePackagedParts, packagedPartHits, PACKAGED_MODEL, PACKAGED_MODEL_FILE, recordParts } from '../../src/model/packaged-parts.js';
import type { ContractDocument } from '../../src/model/types.js';
import type { ContractParams } from '../../src/params/types.js';
import { validate } from '../../src/pipeline.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');

async function paramsOf(yaml: string): Promise<ContractParams> {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('\n'));
  return params;
}

/** The model of `params` as a process's first document, its parts from `parts` (the build's file: `true`; none: `false`). */
async function modelOf(params: ContractParams, parts: boolean | Map<string, unknown>, options: { draft?: boolean; dropArticle?: number } = {}): Promise<ContractDocument> {
  const draft = options.draft ?? false;
  const composed = await composeContract(params, { draft });
  const articles = options.dropArticle === undefined ? composed.articles : composed.articles.filter((_, i) => i !== options.dropArticle);
  configurePackagedParts(typeof parts === 'boolean' ? { use: parts } : { use: true, parts });
  forgetModelParts({ untilNextDocument: true });
  return buildDocument({ ...composed, articles }, params, { draft });
}

afterAll(() => configurePackagedParts({ use: false }));

describe('model parts packaged by the build', () => {
  it('are written by the build, the templates’ parts only', () => {
    const file = readFileSync(join(PACKAGED_MODEL, PACKAGED_MODEL_FILE), 'utf8');
    expect((JSON.parse(file) as { entries: unknown[] }).entries.length).toBeGreaterThan(10);
    // What the example's params write is not in it (scripts/packaged-model.mjs keeps what two builds share).
    for (const text of ['北京星河数据科技有限公司', '上海云语通信技术有限公司', 'YDH-2025-0001', '010-62345678', '张伟']) expect(file, text).not.toContain(text);
  });

  it('give the model of building every part, and most of a first contract’s parts', async () => {
    const cases: [string, string, { draft?: boolean }, number][] = [
      ['example', EXAMPLE, {}, 10],
      ['other names and price', EXAMPLE.replace('北京星河数据科技有限公司', '北京鼎盛航科技有限公司').replace(/unitPrice: 0\.12\b/, 'unitPrice: 0.10'), {}, 10],
      ['draft', EXAMPLE, { draft: true }, 0],
    ];
    for (const [name, yaml, options, least] of cases) {
      const params = await paramsOf(yaml);
      const built = await modelOf(params, false, options);
      const before = packagedPartHits();
      const packaged = await modelOf(params, true, options);
      expect(packaged, name).toEqual(built);
      expect(JSON.stringify(packaged), name).toBe(JSON.stringify(built));
      expect(packagedPartHits() - before, name).toBeGreaterThanOrEqual(least);
    }
  }, 60_000);

  it('are taken only by the part they were built from: other article numbers miss', async () => {
    const params = await paramsOf(EXAMPLE);
    recordParts(true);
    await modelOf(params, false);
    const parts = recordParts(false)!;
    expect(parts.size).toBeGreaterThan(20);
    // Without its second article (合同目的, which nothing cites), the same Markdown cites the later articles by other numbers.
    const full = await modelOf(params, false);
    const built = await modelOf(params, false, { dropArticle: 1 });
    const definitions = (doc: ContractDocument) => JSON.stringify(doc.body.find((b) => b.kind === 'article' && b.id === 'definitions'));
    expect(definitions(built)).not.toBe(definitions(full));
    const before = packagedPartHits();
    const packaged = await modelOf(params, parts, { dropArticle: 1 });
    expect(JSON.stringify(packaged)).toBe(JSON.stringify(built));
    expect(packagedPartHits() - before).toBe(0);
  }, 60_000);

  it('serve a process’s first document only', async () => {
    const params = await paramsOf(EXAMPLE);
    await modelOf(params, true);
    const before = packagedPartHits();
    // The second document's parts are those the first kept (kept-parts.ts), or built.
    const second = buildDocument(await composeContract(params, { draft: false }), params, { draft: false });
    expect(packagedPartHits()).toBe(before);
    expect(JSON.stringify(second)).toBe(JSON.stringify(await modelOf(params, false)));
  }, 60_000);
});
