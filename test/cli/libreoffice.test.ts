/**
 * The DOCX as LibreOffice opens, lays out and prints it, beside our PDF: a twin of it in pages,
 * signature pages and text, with cross-references that LibreOffice computes from the bookmarks.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleDocument } from '../fixtures/model/sample.js';
import { docxParagraphTexts } from '../render/docx/inspect.js';
import { CLI, tempDir } from './run-cli.js';
import { squash } from './text-of.js';

const NAME = 'YDH-2025-0001';

/**
 * The CLI and LibreOffice run for tens of seconds on a busy machine: run them without blocking
 * the test worker, whose runner gives up on a worker that does not answer for a minute.
 */
const run = promisify(execFile);

/**
 * The page's text area (points), cropped so that running headers and footers, which each layout
 * draws on its own pages, are left out.
 */
const TEXT_AREA = ['-x', '0', '-y', '60', '-W', '596', '-H', '722'];

/** The text in content-stream order (-raw: no reading-order guesses, no dehyphenation of 021-). */
const bodyText = (pdf: string, page?: number): string =>
  execFileSync('pdftotext', ['-raw', ...TEXT_AREA, ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

/** LibreOffice before 24.2 ignores w:isLgl (legal numbering): it prints clause 1.1 under 第一条 as 一.1. */
function honoursLegalNumbering(): boolean {
  const version = /LibreOffice (\d+)\.(\d+)/.exec(spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout);
  return version !== null && (Number(version[1]) > 24 || (Number(version[1]) === 24 && Number(version[2]) >= 2));
}

/**
 * Clause labels at the start of a line, dropped where LibreOffice cannot print them as Word does
 * (the XML's isLgl is tested in test/render/docx): 1.1 in our PDF, 一.1 in old LibreOffice. A
 * label stands apart from its text, so 43.2分钟 at the start of a line is not one.
 */
function withoutClauseLabels(text: string, chinese: boolean): string {
  const label = chinese ? /^\s*[一二三四五六七八九十百]+\.\d+(?:\.\d+)?(?:\s+|$)/ : /^\s*\d+\.\d+(?:\.\d+)?(?:\s+|$)/;
  return text
    .split('\n')
    .map((line) => line.replace(label, ''))
    .join('\n');
}

const counts = (text: string) => {
  const out = new Map<string, number>();
  for (const ch of text) out.set(ch, (out.get(ch) ?? 0) + 1);
  return out;
};

/** A copy of the DOCX whose REF fields have a wrong cached result: what LibreOffice prints must be computed. */
function withStaleReferences(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  for (const [path, data] of Object.entries(parts)) {
    if (!/^word\/(document|header\d+)\.xml$/.test(path)) continue;
    const xml = new TextDecoder().decode(data).replace(/(<w:fldSimple w:instr=" REF [^"]*">[\s\S]*?<w:t[^>]*>)[^<]*/g, '$1〓');
    parts[path] = strToU8(xml);
  }
  return zipSync(parts);
}

/** A signature block that cannot fit on the first page after the paragraphs before it. */
async function blockAtPageEnd(): Promise<Uint8Array> {
  const doc = sampleDocument();
  const filler = Array.from({ length: 22 }, (_, i): Block => ({ kind: 'paragraph', children: [{ kind: 'text', text: `第${i + 1}段：本段为填充文字。` }] }));
  const closing: Block = { kind: 'paragraph', children: [{ kind: 'text', text: '（以下无正文，为签署页）' }], align: 'center' };
  return renderDocx({ ...doc, body: [...filler, closing, doc.body.at(-1)!], annexes: [] }, { sourceDateEpoch: 0 });
}

describe('the DOCX in LibreOffice', () => {
  let out: string;
  let ours: string;
  let theirs: string;
  let stale: string;
  beforeAll(async () => {
    out = tempDir();
    await run(process.execPath, [CLI, 'gen', 'examples/params.example.yaml', '-o', out, '-q'], { env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    const docx = join(out, `${NAME}.docx`);
    writeFileSync(join(out, 'stale.docx'), withStaleReferences(new Uint8Array(readFileSync(docx))));
    writeFileSync(join(out, 'kept.docx'), await blockAtPageEnd());
    // One LibreOffice run for every file: it takes seconds to start.
    const files = [docx, join(out, 'stale.docx'), join(out, 'kept.docx')];
    await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(out, 'lo'), ...files], { timeout: 180_000 });
    ours = join(out, `${NAME}.pdf`);
    theirs = join(out, 'lo', `${NAME}.pdf`);
    stale = join(out, 'lo', 'stale.pdf');
  }, 240_000);

  it('opens without complaint and converts to a PDF', () => {
    expect(readdirSync(join(out, 'lo')).sort()).toEqual([`${NAME}.pdf`, 'kept.pdf', 'stale.pdf']);
  });

  it('lays out within 10% of our PDF’s page count', () => {
    const [a, b] = [pageCount(ours), pageCount(theirs)];
    expect(b).toBeGreaterThanOrEqual(a * 0.9);
    expect(b).toBeLessThanOrEqual(a * 1.1);
  });

  it('keeps each signature block whole on one page, with the paragraph before it', () => {
    const pages = pageCount(theirs);
    const texts = Array.from({ length: pages }, (_, i) => squash(bodyText(theirs, i + 1)));
    const blocks = texts.filter((t) => t.includes('甲方（盖章）'));
    expect(blocks.length).toBeGreaterThanOrEqual(3); // the contract, the NDA, the change agreement (a sample)
    for (const page of blocks) {
      for (const label of ['乙方（盖章）', '法定代表人或授权代表（签字）：法定代表人或授权代表（签字）：', '日期：日期：']) expect(page, label).toContain(label);
    }
    const signaturePage = texts.find((t) => t.includes('（以下无正文）'))!;
    expect(signaturePage).toContain('甲方（盖章）：北京星河数据科技有限公司');
    expect(signaturePage).toContain('账号：0200004509200012345');
    expect(signaturePage).toContain('账号：121900000010001');
    // Where the block does not fit after the text before it, it moves to the next page whole,
    // with the closing paragraph, rather than splitting.
    const kept = join(out, 'lo', 'kept.pdf');
    expect(pageCount(kept)).toBe(2);
    const [first, second] = [squash(bodyText(kept, 1)), squash(bodyText(kept, 2))];
    expect(first).toContain('第22段');
    expect(first).not.toContain('盖章');
    expect(second).toMatch(/^（以下无正文，为签署页）甲方（盖章）/);
    expect(second).toContain('日期：日期：');
  });

  it('says exactly what our PDF says (apart from page furniture)', () => {
    const lo = honoursLegalNumbering() ? bodyText(theirs) : withoutClauseLabels(bodyText(theirs), true);
    const pdf = honoursLegalNumbering() ? bodyText(ours) : withoutClauseLabels(bodyText(ours), false);
    // The values a signed contract must carry are all there.
    for (const value of ['91110108MA01ABCD5T', '0200004509200012345', '人民币柒仟肆佰伍拾元整', '¥7,028.30', '北京市海淀区人民法院', '第十六条合同效力及其他', '附件八服务等级协议', '依照第十三条']) {
      expect(squash(lo), value).toContain(value);
    }
    // The same characters, each as often: the two print the signature blocks' columns in a
    // different order, and nothing else differs.
    const [a, b] = [counts(squash(pdf)), counts(squash(lo))];
    const differences = [...new Set([...a.keys(), ...b.keys()])].filter((ch) => a.get(ch) !== b.get(ch));
    // LibreOffice 7.4 compresses a full-width comma after a closing parenthesis at a line's end
    // into the margin, where pdftotext does not always find it: one or two such marks may differ.
    const punctuation = /^[，。、；：）（]$/u;
    const misses = differences.reduce((n, ch) => n + Math.abs((a.get(ch) ?? 0) - (b.get(ch) ?? 0)), 0);
    expect(differences.filter((ch) => !punctuation.test(ch)).map((ch) => `${ch}: ${a.get(ch) ?? 0} vs ${b.get(ch) ?? 0}`)).toEqual([]);
    expect(misses).toBeLessThanOrEqual(2);
    // And every paragraph of the DOCX in its order.
    const loose = (t: string) => squash(t).replace(/[，。、；：]/gu, '');
    const text = loose(lo);
    let at = 0;
    for (const paragraph of docxParagraphTexts(new Uint8Array(readFileSync(join(out, `${NAME}.docx`))), { labels: false }).map(loose)) {
      if (paragraph === '') continue;
      const found = text.indexOf(paragraph, at);
      expect(found, paragraph).toBeGreaterThanOrEqual(0);
      at = found + paragraph.length;
    }
  });

  it('computes every cross-reference from its bookmark: cached results that are wrong do not show', () => {
    const computed = bodyText(stale);
    expect(computed).not.toContain('〓');
    expect(squash(computed)).toBe(squash(bodyText(theirs)));
    // The annex headers too: each names its annex with the label LibreOffice computed.
    expect(execFileSync('pdftotext', ['-raw', stale, '-'], { encoding: 'utf8' })).not.toContain('〓');
  });
});
