import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParamsText, validateParams } from '../../src/params/index.js';
import { buildContract } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { expectGolden } from './golden.js';

function markdownOf(file: string, options: { draft?: boolean } = {}): string {
  const loaded = parseParamsText(readFileSync(file), file);
  const { params, diagnostics } = validateParams(loaded);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderMarkdown(buildContract(params!, options));
}

describe('golden Markdown', () => {
  it.each([
    ['examples/params.example.yaml', 'test/golden/example.md'],
    ['test/fixtures/valid/three-annexes.yaml', 'test/golden/three-annexes.md'],
    ['test/fixtures/valid/arbitration.yaml', 'test/golden/arbitration.md'],
  ])('%s renders as %s', (input, golden) => {
    expectGolden(golden, markdownOf(input));
  });

  it('draft mode marks the document and prints blanks', () => {
    const md = markdownOf('test/fixtures/valid/arbitration.yaml', { draft: true });
    expect(md).toContain('草稿 DRAFT');
  });
});
