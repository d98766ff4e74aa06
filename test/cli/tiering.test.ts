import { describe, expect, it } from 'vitest';
import { wantsOptimisingCompiler } from '../../src/cli/tiering.js';
import { renderThreads } from '../../src/output/batch.js';

describe('optimising compiler for a run', () => {
  it('is off for a run that makes one contract', () => {
    expect(wantsOptimisingCompiler(false, 1, 8)).toBe(false);
  });

  it('is on for a batch rendered in process, whatever the cores', () => {
    expect(wantsOptimisingCompiler(true, 1, 1)).toBe(true);
    expect(wantsOptimisingCompiler(true, 1, 2)).toBe(true);
  });

  it('is on for workers only when a core is left for it', () => {
    expect(wantsOptimisingCompiler(true, 2, 2)).toBe(false);
    expect(wantsOptimisingCompiler(true, 4, 2)).toBe(false);
    expect(wantsOptimisingCompiler(true, 2, 3)).toBe(true);
    expect(wantsOptimisingCompiler(true, 7, 8)).toBe(true);
  });
});

describe('render threads of a batch', () => {
  it('are the jobs asked for, at most one per input', () => {
    expect(renderThreads(['a.yaml', 'b.yaml', 'c.yaml'], 2)).toBe(2);
    expect(renderThreads(['a.yaml'], 4)).toBe(1);
    expect(renderThreads(['a.yaml', 'b.yaml'])).toBe(1);
  });

  it('are one when standard input is among the inputs', () => {
    expect(renderThreads(['a.yaml', '-', 'b.yaml'], 4)).toBe(1);
  });
});
