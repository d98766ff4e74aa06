import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliResult } from './run-cli.js';
import { docxText, pdfText, squash } from './text-of.js';

// Every value of the example that a signed contract must carry, as it should print.
const FILLED = [
  'YDH-2025-0001',
  '北京星河数据科技有限公司',
  '上海云语通信技术有限公司',
  '91110108MA01ABCD5T',
  '91310115MA5FXY1252',
  '0200004509200012345',
  '121900000010001',
  'B2-20190001',
  '2025年3月1日',
  '北京市海淀区人民法院',
  '400-810-8888',
  '010-58886666',
  '010-62345678',
  'lina@example.com',
  '张伟',
  '王强',
  '2年', // 有效期
  '10个工作日', // 付款期限
  '3年', // 保密期限
  '5个工作日', // 通知期限
  '98%', // 接通率
  '99.9%',
  '43.2分钟',
  '¥7,450.00',
  '人民币柒仟肆佰伍拾元整',
  '¥7,028.30',
  '¥421.70',
  '附件八',
];
const FORBIDDEN = ['____', '（甲方名称）', '（乙方名称）', '温馨提示', '人人文库', '下载文件', '提交评论', '本站', '服务条款_第', '继续免费阅读', '\uFFFD'];

/** Signature lines are meant to stay empty: drop them before looking for unfilled blanks. */
const withoutSignatureLines = (text: string) => text.replace(/(签字）|日期)：_+/g, '$1：');

describe('contract gen on the example', () => {
  let out: string;
  let result: CliResult;
  beforeAll(() => {
    out = tempDir();
    result = runCli(['gen', 'examples/params.example.yaml', '-o', out]);
  });

  it('exits 0 and writes exactly the DOCX and the PDF', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['YDH-2025-0001.docx', 'YDH-2025-0001.pdf']);
  });

  it.each(['pdf', 'docx'])('the %s carries every filled value and no blank or web junk', (format) => {
    const path = join(out, `YDH-2025-0001.${format}`);
    const text = withoutSignatureLines(squash(format === 'pdf' ? pdfText(path) : docxText(path)));
    for (const value of FILLED) expect(text, value).toContain(squash(value));
    for (const junk of FORBIDDEN) expect(text, junk).not.toContain(junk);
  });

  it('the PDF embeds every font as a subset with a unicode map, and qpdf finds no problem', () => {
    const fonts = execFileSync('pdffonts', [join(out, 'YDH-2025-0001.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
    expect(execFileSync('qpdf', ['--check', join(out, 'YDH-2025-0001.pdf')], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('every annex starts a page with its 附件X title', () => {
    const pages = pdfText(join(out, 'YDH-2025-0001.pdf')).split('\f');
    const labels = ['附件一', '附件二', '附件三', '附件四', '附件五', '附件六', '附件七', '附件八'];
    for (const label of labels) {
      const page = pages.find((p) => squash(p).replace(/^云电话服务合同合同编号：YDH-2025-0001/, '').startsWith(label));
      expect(page, label).toBeDefined();
    }
  });

  it('writes Markdown on request, and only that', () => {
    const md = tempDir();
    const r = runCli(['gen', 'examples/params.example.yaml', '-o', md, '-f', 'md']);
    expect(r.status).toBe(0);
    expect(readdirSync(md)).toEqual(['YDH-2025-0001.md']);
    expect(readFileSync(join(md, 'YDH-2025-0001.md'), 'utf8')).toContain('## 第一条 定义');
  });

  it('reads standard input with -', () => {
    const dir = tempDir();
    const r = runCli(['gen', '-', '-o', dir, '-f', 'md'], { input: readFileSync('examples/params.example.yaml') });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'YDH-2025-0001.md'))).toBe(true);
  });
});
