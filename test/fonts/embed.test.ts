/**
 * Chosen fonts embedded in the PDF: CFF faces of a collection and TrueType, checked with
 * poppler (pdffonts, pdftotext, pdftoppm) and qpdf. Needs fonts-noto-cjk and fonts-dejavu-core.
 */
import { describe, expect, it } from 'vitest';
import { resolveFont, type FontSet } from '../../src/fonts/index.js';
import type { Block, ContractDocument } from '../../src/model/types.js';
import { configureSubsetting } from '../../src/render/pdf/embed-font.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from '../fixtures/model/sample.js';
import { pageCount, pdfFile, run, runBuffer, strip } from '../render/pdf/helpers.js';
import { spawnSync } from 'node:child_process';

const EPOCH = 1740787200;
const NOTO = '/usr/share/fonts/opentype/noto';

const latin: ContractDocument = (() => {
  const base = sampleDocument();
  const para = (text: string): Block => ({ kind: 'paragraph', children: [{ kind: 'text', text }] });
  return {
    ...base,
    meta: { ...base.meta, title: 'Service Agreement', number: 'SA-2025-0001' },
    body: [
      para('This agreement is made between Société Générale Ångström and the provider, effective 1 March 2025.'),
      { kind: 'article', id: 'scope', title: 'Scope', style: 'article', children: [{ kind: 'clause', children: [para('Fees: ¥7,450.00 per month; availability 99.9%; contact lina@example.com or https://portal.example.com/tickets.')] }] },
    ],
    annexes: [],
  };
})();

const fontRows = (path: string): string[] => run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);

function rendersCleanly(path: string): void {
  expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  for (let p = 1; p <= pageCount(path); p++) {
    const r = spawnSync('pdftoppm', ['-png', '-r', '30', '-f', String(p), '-l', String(p), path], { encoding: 'buffer' });
    expect(r.status).toBe(0);
    expect(r.stderr.toString()).toBe('');
  }
}

describe('embedding chosen fonts', () => {
  it('subsets and embeds a TrueType font: the subset draws what the whole font draws', async () => {
    const fonts: FontSet = { body: resolveFont('DejaVu Sans', 'body', '/'), heading: resolveFont('DejaVu Sans', 'heading', '/'), chosen: true };
    expect(fonts.body.outline).toBe('glyf');
    expect(fonts.heading.postscriptName).toBe('DejaVuSans-Bold');
    const bytes = await renderPdf(latin, { sourceDateEpoch: EPOCH, fonts });
    const path = pdfFile(bytes);
    const rows = fontRows(path);
    // The body face as two subsets (the shared text's glyphs, the rest: embed-face.ts), the heading face as one.
    expect(rows.map((r) => r.split(/\s+/)[0]!.slice(7)).sort()).toEqual(['DejaVuSans', 'DejaVuSans', 'DejaVuSans-Bold']);
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // Composite glyphs (é, Å) come with their parts.
    expect(strip(run('pdftotext', [path, '-']))).toContain(strip('Société Générale Ångström'));
    rendersCleanly(path);
    expect(bytes.length).toBeLessThan(60_000);

    configureSubsetting({ whole: true });
    let whole: Uint8Array;
    try {
      whole = await renderPdf(latin, { sourceDateEpoch: EPOCH, fonts });
    } finally {
      configureSubsetting({ whole: false });
    }
    expect(whole.length).toBeGreaterThan(300_000);
    const a = runBuffer('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path]);
    const b = runBuffer('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile(whole)]);
    expect(a.equals(b)).toBe(true);
  });

  it('embeds CFF faces of collections (a serif body, a sans heading), byte-identical with and without the subset cache', async () => {
    const fonts: FontSet = {
      body: resolveFont(`${NOTO}/NotoSerifCJK-Regular.ttc#2`, 'body', '/'),
      heading: resolveFont('Noto Sans CJK SC', 'heading', '/'),
      chosen: true,
    };
    const first = await renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, fonts });
    const path = pdfFile(first);
    const rows = fontRows(path);
    expect(rows.filter((r) => /^[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/.test(r))).toHaveLength(2);
    expect(rows.filter((r) => /^[A-Z]{6}\+NotoSansCJKsc-Bold\s+CID Type 0C\s+Identity-H\s+yes yes yes/.test(r))).toHaveLength(1);
    expect(rows).toHaveLength(3);
    expect(strip(run('pdftotext', [path, '-']))).toContain('北京星河数据科技有限公司');
    rendersCleanly(path);
    configureSubsetting({ cache: false });
    try {
      const uncached = await renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, fonts });
      expect(Buffer.from(uncached).equals(Buffer.from(first))).toBe(true);
    } finally {
      configureSubsetting({ cache: true });
    }
    const map = new Map<string, Uint8Array>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: Uint8Array) => void map.set(k, v) };
    const miss = await renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, fonts, subsetStore: store });
    configureSubsetting({ cache: true });
    const hit = await renderPdf(sampleDocument(), { sourceDateEpoch: EPOCH, fonts, subsetStore: store });
    expect(Buffer.from(miss).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(hit).equals(Buffer.from(first))).toBe(true);
    expect([...map.keys()].every((k) => /\.cff\.[0-9a-f]{24}\.f2\.NotoS(erif|ans)CJKsc-(Regular|Bold)\./.test(k))).toBe(true);
  });

  it('stays valid PDF/A-2b with a TrueType font', async () => {
    const fonts: FontSet = { body: resolveFont('DejaVu Sans', 'body', '/'), heading: resolveFont('DejaVu Sans', 'heading', '/'), chosen: true };
    const path = pdfFile(await renderPdf(latin, { sourceDateEpoch: EPOCH, fonts, pdfa: true }));
    rendersCleanly(path);
    const raw = run('qpdf', ['--qdf', '--object-streams=disable', path, '-']);
    expect(raw).toContain('/OutputIntents');
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toContain('/FontFile2');
  });
});
