import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphTexts, docxParts } from '../render/docx/inspect.js';
import { runCli, tempDir } from './run-cli.js';
import { squash } from './text-of.js';

const LABEL = /^(第[一二三四五六七八九十]+条(?=\s|$)|\d+\.\d+(?=\s)|附件[一二三四五六七八九十]+(?=\s|$)|[一二三四五六七八九十]+、)/;

/**
 * The PDF's text in content order, without the running header and footer of each page: the page
 * is cropped to its text area (points), whatever the header says.
 */
function pdfLines(path: string): string[] {
  return execFileSync('pdftotext', ['-raw', '-x', '0', '-y', '60', '-W', '596', '-H', '722', path, '-'], { encoding: 'utf8' })
    .split(/\n|\f/)
    .filter((l) => l.trim() !== '');
}

describe('the DOCX and the PDF say the same', () => {
  let out: string;
  beforeAll(() => {
    out = tempDir();
    expect(runCli(['gen', 'examples/params.example.yaml', '-o', out]).status).toBe(0);
  });

  it('every DOCX paragraph is in the PDF, and the PDF has no text the DOCX lacks', () => {
    const paragraphs = docxParagraphTexts(new Uint8Array(readFileSync(join(out, 'YDH-2025-0001.docx'))))
      .map(squash)
      .filter((p) => p !== '');
    let pdf = squash(pdfLines(join(out, 'YDH-2025-0001.pdf')).join(''));
    for (const text of paragraphs) {
      expect(pdf, text).toContain(text);
      pdf = pdf.replace(text, '');
    }
    // What is left is the header rows that tables repeat on each page they run onto.
    expect(pdf.replace(/[•]/g, '').length).toBeLessThan(40);
  });

  it('articles, clauses, sections and annexes come in the same order with the same numbers', () => {
    const docx = docxParagraphTexts(new Uint8Array(readFileSync(join(out, 'YDH-2025-0001.docx'))))
      .map((p) => LABEL.exec(p)?.[1])
      .filter(Boolean);
    const pdf = pdfLines(join(out, 'YDH-2025-0001.pdf'))
      .map((l) => LABEL.exec(l)?.[1])
      .filter(Boolean);
    expect(docx.length).toBeGreaterThan(150);
    expect(pdf).toEqual(docx);
  });
});

describe('the PDF as a reader and a signing tool see it', () => {
  it('has a bookmark for every article and annex, landing in order, and document metadata', () => {
    const out = tempDir();
    expect(runCli(['gen', 'examples/params.example.yaml', '-o', out, '-f', 'pdf']).status).toBe(0);
    const pdf = join(out, 'YDH-2025-0001.pdf');
    const json = JSON.parse(execFileSync('qpdf', ['--json', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { outlines: { title: string }[] };
    const titles = json.outlines.map((o) => o.title);
    expect(titles).toHaveLength(16 + 8);
    expect(titles[0]).toBe('第一条 定义');
    expect(titles[15]).toBe('第十六条 合同效力及其他');
    expect(titles.slice(16)).toEqual([
      '附件一 云电话服务详细说明',
      '附件二 服务费用清单',
      '附件三 保密协议',
      '附件四 合同变更协议',
      '附件五 服务中断赔偿标准说明',
      '附件六 系统维护和升级通知记录',
      '附件七 用户手册',
      '附件八 服务等级协议',
    ]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+云电话服务合同 YDH-2025-0001/);
    expect(info).toMatch(/Subject:.*北京星河数据科技有限公司/);
    expect(info).toMatch(/Encrypted:\s+no/);
  });
});

describe('reproducible output', () => {
  it('with SOURCE_DATE_EPOCH two runs give byte-identical DOCX and PDF', () => {
    const [a, b] = [tempDir(), tempDir()];
    for (const dir of [a, b]) expect(runCli(['gen', 'examples/params.example.yaml', '-o', dir], { env: { SOURCE_DATE_EPOCH: '1740787200' } }).status).toBe(0);
    for (const file of ['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    }
    expect(docxParts(new Uint8Array(readFileSync(join(a, 'YDH-2025-0001.docx'))))['docProps/core.xml']).toContain('2025-03-01T00:00:00Z');
  });
});

describe('--pdfa and --draft', () => {
  it('--pdfa keeps the signature fields and passes qpdf', () => {
    const out = tempDir();
    expect(runCli(['gen', 'examples/params.example.yaml', '-o', out, '--pdfa', '-f', 'pdf']).status).toBe(0);
    const pdf = join(out, 'YDH-2025-0001.pdf');
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes).toContain('pdfaid:part');
    const json = JSON.parse(execFileSync('qpdf', ['--json', pdf], { encoding: 'utf8', maxBuffer: 64 << 20 })) as { acroform: { fields: { fieldtype: string; fullname: string }[] } };
    // The contract and the NDA each have both parties sign: four fields, each with its own
    // name. The change agreement, without changes in the params, is a sample form: no fields.
    const fields = json.acroform.fields.filter((f) => f.fieldtype === '/Sig').map((f) => f.fullname);
    expect(fields).toEqual(['甲方签章', '乙方签章', '甲方签章2', '乙方签章2']);
  });

  it('--draft marks every page of both formats', () => {
    const out = tempDir();
    expect(runCli(['gen', 'examples/params.example.yaml', '-o', out, '--draft']).status).toBe(0);
    const pdf = join(out, 'YDH-2025-0001.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    for (let page = 1; page <= pages; page++) {
      // The mark is drawn rotated; -bbox lists its words where plain text extraction skips them.
      expect(execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }), `page ${page}`).toMatch(/>草<\/word>[\s\S]*>稿<|>稿<\/word>[\s\S]*>草</);
    }
    // In the DOCX, every running header (one per document: the contract and each annex) carries the mark.
    const headers = Object.entries(docxParts(new Uint8Array(readFileSync(join(out, 'YDH-2025-0001.docx'))))).filter(([path]) => /^word\/header\d+\.xml$/.test(path));
    expect(headers.length).toBe(1 + 8);
    for (const [path, xml] of headers) expect(xml, path).toMatch(/<v:textpath [^>]*string="草稿 DRAFT"/);
  });
});
