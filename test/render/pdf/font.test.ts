import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import type * as FontModule from '../../../src/render/pdf/font.js';
import { sampleDocument } from '../../fixtures/model/sample.js';

/** Bytes read from the font files, counted through node:fs. */
const reads = vi.hoisted(() => ({ fonts: 0, fds: new Set<number>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const isFont = (p: unknown): boolean => typeof p === 'string' && p.endsWith('.otf');
  const openSync = ((path: string, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    if (isFont(path)) reads.fds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  const closeSync = ((fd: number) => {
    reads.fds.delete(fd);
    fs.closeSync(fd);
  }) as typeof fs.closeSync;
  const readSync = ((fd: number, ...rest: unknown[]) => {
    const n = (fs.readSync as (...a: unknown[]) => number)(fd, ...rest);
    if (reads.fds.has(fd)) reads.fonts += n;
    return n;
  }) as typeof fs.readSync;
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    const b = (fs.readFileSync as (...a: unknown[]) => Buffer)(path, ...rest);
    if (isFont(path)) reads.fonts += b.length;
    return b;
  }) as typeof fs.readFileSync;
  const patched = { ...fs, openSync, closeSync, readSync, readFileSync };
  return { ...patched, default: patched };
});

/** Fresh copies of the font and renderer modules: nothing read yet. */
async function freshModules() {
  vi.resetModules();
  reads.fonts = 0;
  const font: typeof FontModule = await import('../../../src/render/pdf/font.js');
  const pdf = await import('../../../src/render/pdf/index.js');
  return { font, pdf };
}

const EPOCH = 1740787200;

describe('bundled font', () => {
  it('reads only the cmaps for a glyph check, and little more for metrics', async () => {
    const { font } = await freshModules();
    expect(font.missingGlyphs('北京星河数据科技有限公司𠮷')).toEqual(['𠮷']);
    expect(reads.fonts).toBeGreaterThan(0);
    expect(reads.fonts).toBeLessThan(100_000);
    const regular = font.loadFont('regular');
    expect(font.glyphMetrics(regular, '中'.codePointAt(0)!).advance).toBe(1000);
    expect(reads.fonts).toBeLessThan(250_000);
  });

  it('reads the outlines only to build a subset a store does not have', async () => {
    const map = new Map<string, Uint8Array>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: Uint8Array) => void map.set(k, v) };
    const cold = await freshModules();
    // Without the shared subsets the build packages (scripts/packaged-subsets.mjs): every subset is built here.
    (await import('../../../src/render/pdf/embed-font.js')).configureSubsetting({ packaged: false });
    const first = await cold.pdf.renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, subsetStore: store });
    // Of both CFF tables (16 MB): their dictionaries, glyph offsets and the glyphs used.
    expect(reads.fonts).toBeGreaterThan(1_000_000);
    expect(reads.fonts).toBeLessThan(4_000_000);
    // The body face's shared and own subsets, the heading face's.
    expect(map.size).toBe(3);

    const warm = await freshModules();
    (await import('../../../src/render/pdf/embed-font.js')).configureSubsetting({ packaged: false });
    const second = await warm.pdf.renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, subsetStore: store });
    expect(reads.fonts).toBeLessThan(500_000);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    // With them (a build): the shared subsets come from the package, and only the own one is built and stored.
    const packaged = await freshModules();
    const own = new Map<string, Uint8Array>();
    const third = await packaged.pdf.renderPdf(sampleDocument(), {
      sourceDateEpoch: EPOCH,
      subsetStore: { get: (k: string) => own.get(k), set: (k: string, v: Uint8Array) => void own.set(k, v) },
    });
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    expect([...own.keys()]).toHaveLength(1);
    expect([...own.keys()][0]).toMatch(/NotoSansHans-Regular/);
    expect(map.has([...own.keys()][0]!)).toBe(true);
  });

  it('reads the same glyph ids, advances and metrics as fontkit', async () => {
    const { font } = await freshModules();
    const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
    const text = '甲方乙方（盖章）：北京星河数据科技有限公司，A&B 123。“引号”—…%¥';
    const { bundledFontPath } = await import('../../../src/fonts/index.js');
    const { readFileSync } = await import('node:fs');
    for (const style of ['regular', 'bold'] as const) {
      const ours = font.loadFont(style);
      const theirs = fontkit.create(readFileSync(bundledFontPath(style)));
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        const g = theirs.glyphForCodePoint(cp);
        expect(ours.cmap.glyph(cp), ch).toBe(g.id);
        expect(ours.cmap.advance(g.id), ch).toBe(g.advanceWidth);
      }
      const m = ours.metrics;
      expect(m.unitsPerEm).toBe(theirs.unitsPerEm);
      expect(m.ascent).toBe(theirs.ascent);
      expect(m.descent).toBe(theirs.descent);
      expect(m.capHeight).toBe(theirs.capHeight);
      expect(m.xHeight).toBe(theirs.xHeight);
      expect(m.italicAngle).toBe(theirs.italicAngle);
      expect(m.bbox).toEqual([theirs.bbox.minX, theirs.bbox.minY, theirs.bbox.maxX, theirs.bbox.maxY]);
      expect(ours.key).toMatch(/^[0-9a-f]{24}\.f0\.NotoSansHans-(Regular|Bold)$/);
      expect(ours.postscriptName).toBe(theirs.postscriptName);
    }
    expect(font.loadFont('regular').key).not.toBe(font.loadFont('bold').key);
  });
});
