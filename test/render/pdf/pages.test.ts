/**
 * Page-level layout rules, checked on the laid-out pages (the drawing operations and their
 * positions), over fillers of every height so that each rule meets every page position.
 */
import { describe, expect, it } from 'vitest';
import type { Block, ContractDocument, Inline } from '../../../src/model/types.js';
import { layoutDocument } from '../../../src/render/pdf/document.js';
import type { Layout } from '../../../src/render/pdf/layout.js';
import { sampleDocument } from '../../fixtures/model/sample.js';

const t = (text: string): Inline => ({ kind: 'text', text });
const para = (text: string): Block => ({ kind: 'paragraph', children: [t(text)] });
/** A paragraph of `lines` full lines of body text (45 characters of 10.5 pt a line). */
const filler = (lines: number, mark = '填'): Block => para(mark.repeat(Math.max(1, lines * 43)));

function docOf(body: Block[], annexes: ContractDocument['annexes'] = []): ContractDocument {
  return { ...sampleDocument(), body, annexes };
}

/** Text drawn on each page, without the running header and footer (drawn last, at the top of the list). */
function pageTexts(layout: Layout): { text: string; y: number; x: number }[][] {
  return layout.pages.map((p) =>
    p.ops.flatMap((op) => (op.kind === 'text' && op.y > 60 && op.y < 790 ? [{ text: op.text, y: op.y, x: op.x }] : [])),
  );
}

function table(rows: number, total = false): Block {
  return {
    kind: 'table',
    header: [[t('序号')], [t('项目')], [t('金额')]],
    align: ['center', 'left', 'right'],
    rows: Array.from({ length: rows }, (_, i) =>
      total && i === rows - 1 ? [[t('合计')], [t('')], [t('¥9,999.00')]] : [[t(`R${i + 1}`)], [t(`第${i + 1}行的项目`)], [t('¥100.00')]],
    ),
  };
}

/** Per page, the body rows of `table` drawn there (by their R<n> labels), and whether the header is. */
function tableRowsByPage(layout: Layout): { rows: string[]; header: boolean; total: boolean }[] {
  return pageTexts(layout)
    .map((ops) => ({
      rows: ops.filter((o) => /^R\d+$/.test(o.text)).map((o) => o.text),
      header: ops.some((o) => o.text === '序号'),
      total: ops.some((o) => o.text === '合计'),
    }))
    .filter((p) => p.rows.length > 0 || p.total);
}

describe('tables across pages', () => {
  it('never splits a table of up to 12 rows', () => {
    for (const rows of [3, 7, 12]) {
      for (let lines = 0; lines < 40; lines++) {
        const layout = layoutDocument(docOf([filler(lines), table(rows)]));
        const pages = tableRowsByPage(layout);
        expect(pages, `${rows} rows after ${lines} lines`).toHaveLength(1);
        expect(pages[0]!.rows).toHaveLength(rows);
        expect(pages[0]!.header).toBe(true);
      }
    }
  });

  it('leaves at least two body rows on each side of a break in a longer table, with the header on every page', () => {
    for (const rows of [13, 20, 45, 90]) {
      for (let lines = 0; lines < 40; lines += 1) {
        const layout = layoutDocument(docOf([filler(lines), table(rows, true)]));
        const pages = tableRowsByPage(layout);
        const all = pages.flatMap((p) => p.rows);
        expect(all).toEqual(Array.from({ length: rows - 1 }, (_, i) => `R${i + 1}`));
        pages.forEach((p, i) => {
          const bodyRows = p.rows.length + (p.total ? 1 : 0);
          expect(bodyRows, `${rows} rows after ${lines} lines, page ${i + 1} of the table`).toBeGreaterThanOrEqual(2);
          expect(p.header).toBe(true);
        });
      }
    }
  });
});

describe('keeping together', () => {
  const article = (title: string, children: Block[]): Block => ({ kind: 'article', id: title, title, style: 'article', children });

  it('keeps a heading with at least two lines of what follows', () => {
    for (let lines = 20; lines < 45; lines++) {
      const layout = layoutDocument(docOf([filler(lines), article('违约责任', [filler(4, '后')])]));
      const pages = pageTexts(layout);
      const p = pages.findIndex((ops) => ops.some((o) => o.text === '违约责任'));
      const after = pages[p]!.filter((o) => o.text.startsWith('后')).length;
      expect(after, `after ${lines} lines`).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a heading with the first rows of a table that follows it, and a short table whole', () => {
    for (let lines = 20; lines < 45; lines++) {
      const layout = layoutDocument(docOf([filler(lines), article('质量指标', [table(7)])]));
      const pages = pageTexts(layout);
      const p = pages.findIndex((ops) => ops.some((o) => o.text === '质量指标'));
      expect(pages[p]!.filter((o) => /^R\d+$/.test(o.text)), `after ${lines} lines`).toHaveLength(7);
    }
  });

  it('leaves no single line of a paragraph alone at the top or the bottom of a page', () => {
    for (let lines = 25; lines < 45; lines++) {
      for (const size of [2, 3, 5]) {
        const layout = layoutDocument(docOf([filler(lines), filler(size, '段'), filler(3, '尾')]));
        const perPage = pageTexts(layout).map((ops) => ops.filter((o) => o.text.startsWith('段')).length).filter((n) => n > 0);
        for (const n of perPage) expect(n, `${size}-line paragraph after ${lines} lines: ${perPage}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('prints the signature block on the same page as the end of the last clause', () => {
    const sample = sampleDocument();
    const signatures = sample.body.at(-1)!;
    for (let lines = 20; lines < 45; lines++) {
      const doc = docOf([filler(lines), filler(3, '末'), para('（以下无正文，为本合同签署页）'), signatures]);
      const layout = layoutDocument(doc);
      const pages = pageTexts(layout);
      const sigPage = pages.findIndex((ops) => ops.some((o) => o.text.includes('甲方（盖章）')));
      expect(pages[sigPage]!.some((o) => o.text.startsWith('末')), `after ${lines} lines`).toBe(true);
      expect(pages[sigPage]!.some((o) => o.text.includes('以下无正文'))).toBe(true);
    }
  });

  it('places signature fields over the blank of the signature line, never over a printed name or label', () => {
    const layout = layoutDocument(sampleDocument());
    expect(layout.signatures.map((s) => s.name)).toEqual(['甲方签章', '乙方签章']);
    for (const field of layout.signatures) {
      expect(field.h).toBeGreaterThanOrEqual(30);
      expect(field.w).toBeGreaterThanOrEqual(90);
      for (const op of layout.pages[field.page]!.ops) {
        if (op.kind !== 'text' || op.y < 60 || op.y > 790) continue;
        // A glyph's box: from the baseline up by the size, and a little below.
        const inside = op.y - op.size * 0.88 < field.y + field.h && op.y + op.size * 0.12 > field.y && op.x < field.x + field.w && op.x + op.size * [...op.text].length > field.x;
        expect(inside, `"${op.text}" under ${field.name}`).toBe(false);
      }
    }
  });

  it('gives a sample form no signature fields, and names it in the running header', () => {
    const sample = sampleDocument();
    const signatures = sample.body.at(-1)!;
    const form = { id: 'changeAgreement', title: '合同变更协议', role: 'form' as const, body: [para('变更事项如下。'), signatures] };
    const signed = { id: 'nda', title: '保密协议', role: 'signed' as const, body: [para('保密信息如下。'), signatures] };
    const layout = layoutDocument(docOf([para('正文。'), signatures], [signed, form]));
    expect(layout.signatures.map((s) => s.name)).toEqual(['甲方签章', '乙方签章', '甲方签章2', '乙方签章2']);
    const formPage = layout.pages.findIndex((p) => p.header.startsWith('附件二'));
    expect(layout.pages[formPage]!.header).toBe('附件二 合同变更协议（样本）');
    expect(layout.signatures.every((s) => s.page < formPage)).toBe(true);
    expect(layout.pages.map((p) => p.header)).toEqual(['云电话服务合同', '附件一 保密协议', '附件二 合同变更协议（样本）']);
  });

  it('never ends an annex with a page of a line or two', () => {
    for (let lines = 25; lines < 60; lines++) {
      const annex = {
        id: 'feeSchedule',
        title: '服务费用清单',
        role: 'integral' as const,
        body: [filler(lines), article('说明', [filler(1, '甲'), filler(1, '乙'), filler(2, '丙')])],
      };
      const layout = layoutDocument(docOf([para('正文。')], [annex]));
      const pages = pageTexts(layout).slice(1);
      const last = pages.at(-1)!;
      if (pages.length < 2) continue;
      // Body lines of the last page (the heading counts as one).
      expect(last.filter((o) => /^[填甲乙丙说]/.test(o.text)).length, `after ${lines} lines`).toBeGreaterThanOrEqual(4);
    }
  });
});
