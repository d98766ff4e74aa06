/**
 * Issue 4: a large contract (examples/large.yaml: 60 numbers, 40 fee lines) renders
 * completely in both formats. Tables that span pages repeat their header row on every page
 * in the PDF and mark it as a header row (w:tblHeader) in the DOCX; no row is lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { largeFeeItems, largeNumbers, largeYaml, lineTotal } from '../fixtures/robust/make-large.mjs';
import { runCli, tempDir } from '../cli/run-cli.js';
import { ROOT, docxProblems, docxTextOf, pdfTextOf, qpdfCheck, squash, withoutRunningHeads } from './helpers.js';

const LARGE = join(ROOT, 'examples/large.yaml');
const NUMBERS = largeNumbers();
const FEES = largeFeeItems();
const FEE_HEADER = /序号\s+项目\s+类别\s+计费单位\s+单价\s+预估数量\s+小计/;
const NUMBER_HEADER = /序号\s+号码\s+类型\s+归属地\s+并发通道（路）/;

let docx: Uint8Array;
let pdfPath: string;
let pdfRaw: string;
let pages: string[];
let docxText: string;

beforeAll(() => {
  const out = tempDir('contract-large-');
  const r = runCli(['gen', LARGE, '-o', out]);
  expect(r.status, r.stderr).toBe(0);
  docx = new Uint8Array(readFileSync(join(out, 'YDH-2025-0060.docx')));
  pdfPath = join(out, 'YDH-2025-0060.pdf');
  pdfRaw = squash(withoutRunningHeads(pdfTextOf(pdfPath, 'raw')));
  pages = pdfTextOf(pdfPath, 'layout').split('\f');
  docxText = squash(docxTextOf(docx));
});

describe('examples/large.yaml', () => {
  it('is what test/fixtures/robust/make-large.mjs writes (60 numbers, 40 fee lines)', () => {
    expect(readFileSync(LARGE, 'utf8')).toBe(largeYaml());
    expect(NUMBERS).toHaveLength(60);
    expect(FEES).toHaveLength(40);
    expect(new Set(NUMBERS.map((n) => n.number)).size).toBe(60);
    expect(FEES.some((f) => /\.\d{3}$/.test(f.unitPrice))).toBe(true);
  });

  it('renders to a well-formed DOCX and a PDF qpdf accepts', () => {
    expect(docxProblems(docx)).toEqual([]);
    const check = qpdfCheck(pdfPath);
    expect(check.ok, check.output).toBe(true);
    expect(pages.length).toBeGreaterThan(15);
  });

  it('every number appears in the PDF and the DOCX', () => {
    const missing = NUMBERS.filter((n) => !pdfRaw.includes(n.number) || !docxText.includes(n.number)).map((n) => n.number);
    expect(missing).toEqual([]);
  });

  it('every fee line name and line subtotal appears in the PDF and the DOCX', () => {
    const missing: string[] = [];
    for (const f of FEES) {
      for (const s of [f.name, lineTotal(f)]) {
        if (!pdfRaw.includes(squash(s))) missing.push(`PDF: ${s}`);
        if (!docxText.includes(squash(s))) missing.push(`DOCX: ${s}`);
      }
    }
    expect(missing).toEqual([]);
    // The whole fee schedule row, in order, in the DOCX: name, unit, quantity (with thousands separators), subtotal.
    const grouped = (q: string) => q.replace(/\B(?=(\d{3})+$)/g, ',');
    for (const f of FEES) expect(docxText).toMatch(new RegExp(`${escape(f.name)}[^¥]*${escape(f.unit)}¥[\\d,.]+${grouped(f.quantity)}${escape(lineTotal(f))}`));
  });

  it('unit prices with three decimals print exactly as written (¥0.005, not ¥0.01)', () => {
    const threeDecimals = FEES.filter((f) => /\.\d{3}$/.test(f.unitPrice));
    const shown = (f: (typeof FEES)[number]) => {
      const [whole, fraction] = f.unitPrice.split('.');
      return `¥${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
    };
    const missing = threeDecimals.filter((f) => !pdfRaw.includes(shown(f)) || !docxText.includes(shown(f))).map(shown);
    expect(missing).toEqual([]);
  });

  it.each([
    ['the fee schedule', FEE_HEADER, (page: string) => FEES.filter((f) => page.includes(f.name.slice(0, 8))).length],
    ['the number table', NUMBER_HEADER, (page: string) => (page.match(/^\s*\d+\s+(?:400-|800-|95\d|010-|138|0755-)\S*\s+\S+号码/gm) ?? []).length],
  ] as const)('%s spans pages in the PDF and repeats its header row on each', (_, header, rowsOn) => {
    const spanned = pages.map((p, i) => ({ page: i + 1, rows: rowsOn(p), header: header.test(p) })).filter((p) => p.rows > 0);
    expect(spanned.length, JSON.stringify(spanned)).toBeGreaterThanOrEqual(2);
    expect(spanned.filter((p) => !p.header), JSON.stringify(spanned)).toEqual([]);
    // The pages are consecutive and together hold every row.
    expect(spanned.map((p) => p.page)).toEqual(spanned.map((_, i) => spanned[0]!.page + i));
    expect(spanned.reduce((n, p) => n + p.rows, 0)).toBe(header === FEE_HEADER ? FEES.length : NUMBERS.length);
  });

  it.each([
    ['the fee schedule', '费用项目第01项'],
    ['the number table', NUMBERS[0]!.number],
  ])('%s marks its first row as a repeating header in the DOCX (w:tblHeader)', (_, firstCell) => {
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    const table = (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).find((t) => t.includes(firstCell) && !t.includes('<w:tbl>', 1));
    expect(table).toBeDefined();
    const rows = table!.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows[0]).toMatch(/<w:tblHeader(?:\s+w:val="(?:true|1|on)")?\s*\/>/);
    expect(rows[0]).toContain('序号');
    expect(rows.slice(1).filter((r) => /<w:tblHeader/.test(r))).toEqual([]);
  });
});

function escape(s: string): string {
  return squash(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
