import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsync, runCli, tempDir } from './run-cli.js';
import { squash } from './text-of.js';

const CHINESE_DIGIT = '一二三四五六七八九十';

/**
 * LibreOffice before 24.2 ignores w:isLgl and prints clause numbers with the article's
 * Chinese numeral (一.1 for 1.1); Word, WPS and newer LibreOffice print 1.1. Map them back
 * before comparing, so that any other difference still fails.
 */
function normaliseLegacyClauseNumbers(text: string): string {
  const value = (s: string) => {
    if (s === '十') return 10;
    if (s.startsWith('十')) return 10 + CHINESE_DIGIT.indexOf(s[1]!) + 1;
    if (s.endsWith('十')) return (CHINESE_DIGIT.indexOf(s[0]!) + 1) * 10;
    if (s.length === 3) return (CHINESE_DIGIT.indexOf(s[0]!) + 1) * 10 + CHINESE_DIGIT.indexOf(s[2]!) + 1;
    return CHINESE_DIGIT.indexOf(s) + 1;
  };
  return text.replace(/([一二三四五六七八九十]{1,3})\.(\d+)/g, (_, n: string, m: string) => `${value(n)}.${m}`);
}

/**
 * The text without running headers and footers (each layout has its own pages): lines that are
 * only the title, the contract number or the page number go (the cover title with them, on both sides).
 */
const body = (text: string) =>
  // The PDF's running header names the contract, or the annex on the page (附件二保密协议).
  squash(text.split('\n').filter((line) => !/^\s*(云电话服务合同|合同编号：YDH-2025-0001|第\s*\d+\s*页\s*共\s*\d+\s*页|附件[一二三四五六七八九十]+ +[\u4e00-\u9fff]+(（样本）)?)\s*$/.test(line)).join('\n'))
    .replace(/(云电话服务合同|附件[一二三四五六七八九十]+[\u4e00-\u9fff（）]{1,20}?)?合同编号：YDH-2025-0001/g, '')
    .replace(/第\d+页共\d+页/g, '')
    .replace(/[•_]/g, '');

const counts = (text: string) => {
  const out = new Map<string, number>();
  for (const ch of text) out.set(ch, (out.get(ch) ?? 0) + 1);
  return out;
};

describe('the DOCX in LibreOffice', () => {
  let out: string;
  beforeAll(async () => {
    out = tempDir();
    expect(runCli(['gen', 'examples/params.example.yaml', '-o', out]).status).toBe(0);
    const converted = await runAsync('soffice', [
      // A profile of its own inside the test's folder: nothing written to the user's ~/.config.
      `-env:UserInstallation=${pathToFileURL(join(out, 'lo-profile')).href}`,
      '--headless', '--convert-to', 'pdf', '--outdir', join(out, 'lo'), join(out, 'YDH-2025-0001.docx')], { timeout: 170_000 });
    expect(converted.status, converted.stderr).toBe(0);
  }, 180_000);

  it('opens without complaint and converts to a PDF', () => {
    expect(readdirSync(join(out, 'lo'))).toEqual(['YDH-2025-0001.pdf']);
    expect(execFileSync('pdfinfo', [join(out, 'lo', 'YDH-2025-0001.pdf')], { encoding: 'utf8' })).toMatch(/Pages:\s+\d\d/);
  });

  it('says the same as our PDF (apart from page furniture and repeated table headers)', () => {
    const ours = body(execFileSync('pdftotext', [join(out, 'YDH-2025-0001.pdf'), '-'], { encoding: 'utf8' }));
    const theirs = normaliseLegacyClauseNumbers(body(execFileSync('pdftotext', [join(out, 'lo', 'YDH-2025-0001.pdf'), '-'], { encoding: 'utf8' })));
    // The values a signed contract must carry are all there.
    for (const value of ['91110108MA01ABCD5T', '0200004509200012345', '人民币柒仟肆佰伍拾元整', '¥7,028.30', '北京市海淀区人民法院', '第十六条合同效力及其他', '附件八服务等级协议', '13.5有下列情形之一']) {
      expect(theirs, value).toContain(value);
    }
    // And no character is missing or extra beyond what page breaks explain: the two layouts
    // break pages differently, so a header row repeats a different number of times.
    const a = counts(ours);
    const b = counts(theirs);
    for (const ch of new Set([...a.keys(), ...b.keys()])) expect(Math.abs((a.get(ch) ?? 0) - (b.get(ch) ?? 0)), ch).toBeLessThanOrEqual(8);
    expect(Math.abs(ours.length - theirs.length)).toBeLessThan(ours.length / 200);
  });
});
