import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundledFontPath } from '../../src/fonts/bundled.js';
import { faceFromFile, faceFromSharedFile, glyphMetrics, readShared } from '../../src/fonts/face.js';
import { subsetFont, subsetGlyphs } from '../../src/fonts/subset.js';

describe('bundled fonts shared between batch workers', () => {
  it('reads a font file into shared memory that another thread sees without a copy', async () => {
    const bytes = readShared(bundledFontPath('bold'));
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    const seen = await new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         parentPort.postMessage([workerData.bytes.buffer instanceof SharedArrayBuffer, workerData.bytes.length]);`,
        { eval: true, workerData: { bytes } },
      );
      worker.once('message', (m) => void worker.terminate().then(() => resolve(m)));
      worker.once('error', reject);
    });
    expect(seen).toEqual([true, bytes.length]);
  });

  it('gives the face read from the file: same key, names, metrics and subset bytes', () => {
    for (const style of ['regular', 'bold'] as const) {
      const path = bundledFontPath(style);
      const fromFile = faceFromFile(path);
      const fromShared = faceFromSharedFile(readShared(path), path);
      expect(fromShared.key).toBe(fromFile.key);
      expect(fromShared.postscriptName).toBe(fromFile.postscriptName);
      expect(fromShared.source).toBe(fromFile.source);
      expect(fromShared.metrics).toEqual(fromFile.metrics);
      const text = '云电话服务合同甲方乙方0123ABC，。';
      const gids = [...text].map((ch) => glyphMetrics(fromFile, ch.codePointAt(0)!));
      expect([...text].map((ch) => glyphMetrics(fromShared, ch.codePointAt(0)!))).toEqual(gids);
      const glyphs = subsetGlyphs(fromFile, gids.map((g) => g.gid));
      expect(Buffer.from(subsetFont(fromShared, glyphs)).equals(Buffer.from(subsetFont(fromFile, glyphs)))).toBe(true);
    }
  });
});
