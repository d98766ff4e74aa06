/**
 * `contract diff`: the redline DOCX with Word tracked changes, the PDF of changed clauses and
 * the change agreement, through the library (XML checked) and through the CLI (files, JSON,
 * exit codes), and the redline opened by LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeAgreementDocument } from '../../src/diff/agreement.js';
import { diffContracts, type ContractDiff, type Version } from '../../src/diff/index.js';
import { redlineDocument } from '../../src/diff/redline.js';
import type { ContractDocument, Inline, TableBlock } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { buildContract, validate, type RenderOptions } from '../../src/pipeline.js';
import { runAsync, runCli, runCliAsync, tempDir } from '../cli/run-cli.js';
import { docxParts } from '../render/docx/inspect.js';
import { validateParts } from '../render/docx/ooxml-schema.js';

const EXAMPLE = readFileSync('examples/params.example.yaml', 'utf8');
const AUTHOR = { name: '乙方法务', date: '2026-01-15T00:00:00Z' };

function edit(from: string | RegExp, to: string, text = EXAMPLE): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`not in the example: ${String(from)}`);
  return text.replace(from, to);
}
const NEW_PRICE = edit(/unitPrice: 0\.12\b/, 'unitPrice: 0.10');
const ONE_MORE_YEAR = edit(/^  term:\n    years: 2 /m, '  term:\n    years: 3 ');

async function version(yaml: string, options: RenderOptions = {}): Promise<Version> {
  const { params, diagnostics } = await validate({ yaml, file: 'params.yaml' });
  if (!params) throw new Error(diagnostics.map((d) => d.message.en).join('\n'));
  return { params, document: await buildContract(params, options) };
}

interface Redline {
  readonly diff: ContractDiff;
  readonly document: ContractDocument;
  readonly xml: string;
  readonly parts: Record<string, string>;
  readonly agreement: ContractDocument;
}

async function redline(oldYaml: string, newYaml: string, options: RenderOptions = {}): Promise<Redline> {
  const [a, b] = [await version(oldYaml, options), await version(newYaml, options)];
  const build = (p: Version['params']) => buildContract(p, options);
  const diff = await diffContracts(a, b, build);
  const document = redlineDocument(a.document, b.document, AUTHOR);
  const parts = docxParts(await renderDocx(document, { sourceDateEpoch: 1_700_000_000 }));
  const agreement = await changeAgreementDocument(a.params, b.params, diff, '2026-02-01' as never, build);
  return { diff, document, xml: parts['word/document.xml']!, parts, agreement };
}

/** The text of every w:ins (or w:del) element, in document order. */
function marked(xml: string, kind: 'ins' | 'del'): string[] {
  const re = kind === 'ins' ? /<w:ins\b[^>]*>([\s\S]*?)<\/w:ins>/g : /<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g;
  return [...xml.matchAll(re)].map((m) => [...m[1]!.matchAll(/<w:(?:t|delText)\b[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join(''));
}

/** The paragraphs (or table rows) of the document XML that hold `needle`. */
const elementsWith = (xml: string, tag: 'w:p' | 'w:tr', needle: string): string[] =>
  (xml.match(tag === 'w:p' ? /<w:p\b(?![A-Za-z])[\s\S]*?<\/w:p>/g : /<w:tr\b[\s\S]*?<\/w:tr>/g) ?? []).filter((e) => e.includes(needle));

const plain = (inlines: readonly Inline[]): string => inlines.map((i) => ('text' in i ? i.text : 'children' in i ? plain(i.children) : '')).join('');

function agreementRows(doc: ContractDocument): string[][] {
  const table = doc.body.flatMap((b) => (b.kind === 'article' ? b.children : [b])).find((b): b is TableBlock => b.kind === 'table' && plain(b.header[1] ?? []) === '原条款')!;
  return table.rows.map((row) => row.map(plain));
}

describe('the redline DOCX: Word tracked changes', () => {
  let price: Redline;
  beforeAll(async () => {
    price = await redline(EXAMPLE, NEW_PRICE);
  }, 120_000);

  it('a price: the number changes, not its row or paragraph; every revision carries author and date', () => {
    const row = elementsWith(price.xml, 'w:tr', '国内语音通话费');
    expect(row).toHaveLength(1);
    expect(marked(row[0]!, 'del')).toEqual(['¥0.12', '¥6,000.00']);
    expect(marked(row[0]!, 'ins')).toEqual(['¥0.10', '¥5,000.00']);
    // The monthly estimate in the main body changes in figures and in 大写, nothing else of it.
    const estimate = elementsWith(price.xml, 'w:p', '月度服务费用预估为')[0]!;
    expect(marked(estimate, 'del')).toContain('人民币柒仟肆佰伍拾元整');
    expect(marked(estimate, 'ins')).toContain('人民币陆仟肆佰伍拾元整');
    for (const tag of price.xml.match(/<w:(?:ins|del)\b[^>]*>/g)!) {
      expect(tag).toContain('w:author="乙方法务"');
      expect(tag).toContain('w:date="2026-01-15T00:00:00Z"');
    }
    const ids = [...price.xml.matchAll(/<w:(?:ins|del|bookmarkStart)\b[^>]*w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('validates against the OOXML schemas, and opens with Track Changes on', () => {
    expect(validateParts(price.parts)).toEqual([]);
    expect(price.parts['word/settings.xml']).toMatch(/<w:trackRevisions\/>/);
  });

  it('the term: the years and the end date, as single words', async () => {
    const { xml } = await redline(EXAMPLE, ONE_MORE_YEAR);
    const term = elementsWith(xml, 'w:p', '本合同的合同期限为')[0]!;
    expect(marked(term, 'del')).toEqual(['2', '2027年2月28日', '2027年2月28日']);
    expect(marked(term, 'ins')).toEqual(['3', '2028年2月29日', '2028年2月29日']);
  });

  it("a party's address: only the changed number", async () => {
    const { xml } = await redline(EXAMPLE, edit('北京市海淀区中关村大街1号 # required', '北京市海淀区中关村大街9号 # required'));
    const head = elementsWith(xml, 'w:p', '中关村大街');
    expect(head.length).toBeGreaterThan(0);
    expect(marked(head[0]!, 'del')).toEqual(['1']);
    expect(marked(head[0]!, 'ins')).toEqual(['9']);
  });

  it('an annex added: a whole insertion, its title and paragraph marks too; later annexes renumber without an edit', async () => {
    const { xml, document, parts } = await redline(edit(/^  - nda +#.*\n/m, ''), EXAMPLE);
    expect(document.annexes.find((a) => a.id === 'nda')?.revision).toBe('ins');
    // Paragraph-mark and table-row revisions are valid OOXML too.
    expect(validateParts(parts)).toEqual([]);
    // Only the full stop that ended the precedence list before the annex was appended to it.
    expect(marked(xml, 'del')).toEqual(['。']);
    expect(marked(xml, 'ins')).toContain('保密协议'); // its title
    const inserted = marked(xml, 'ins').join('');
    expect(inserted).toContain('保密信息');
    // Rejecting it leaves no empty paragraph: its paragraph marks are insertions too.
    expect((xml.match(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:ins\b/g) ?? []).length).toBeGreaterThan(10);
    // The change agreement after it (附件四 -> 附件五) has no marks: its numbering is Word's.
    const after = xml.slice(xml.lastIndexOf('合同变更协议'));
    expect(after).not.toMatch(/<w:(?:ins|del)\b/);
  });

  it('a number added: one inserted table row, its row mark a tracked insertion', async () => {
    const more = edit('  numbers:                       #', '  numbers:\n    - { number: 010-58800001, kind: landline, region: 北京, channels: 2 }\n  #');
    const { xml, parts } = await redline(EXAMPLE, more);
    const rows = elementsWith(xml, 'w:tr', '010-58800001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:ins\b/);
    expect(marked(rows[0]!, 'del')).toEqual([]);
    expect(marked(rows[0]!, 'ins').join('')).toContain('010-58800001');
    expect(validateParts(parts)).toEqual([]);
  });

  it('an article dropped: a whole deletion; the articles after it renumber without an edit', async () => {
    const dir = tempDir();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'articles'), { recursive: true });
    writeFileSync(join(templates, 'articles', '02-purpose.md.hbs'), '');
    const [a, b] = [await version(EXAMPLE), await version(EXAMPLE, { templatesDir: templates })];
    const document = redlineDocument(a.document, b.document, AUTHOR);
    const xml = docxParts(await renderDocx(document, { sourceDateEpoch: 1_700_000_000 }))['word/document.xml']!;
    expect(marked(xml, 'ins')).toEqual([]);
    const deleted = marked(xml, 'del');
    expect(deleted[0]).toBe('合同目的与背景');
    expect(deleted.length).toBeGreaterThan(2);
    const heading = elementsWith(xml, 'w:p', '合同目的与背景')[0]!;
    expect(heading).toMatch(/<w:pPr>[\s\S]*<w:rPr>[\s\S]*<w:del\b/);
    expect(document.body.filter((b) => b.kind === 'article' && b.revision === 'del').map((b) => b.kind === 'article' && b.id)).toEqual(['purpose']);
  });
});

describe('the change agreement', () => {
  it('one row per changed clause, with the original and the new wording, the effective date; signature fields', async () => {
    const { agreement, diff } = await redline(EXAMPLE, NEW_PRICE);
    const rows = agreementRows(agreement);
    expect(rows).toHaveLength(diff.clauses.length);
    const fee = rows.find((r) => r[1]!.startsWith('附件二第一部分“收费明细”第3行'))!;
    expect(fee[1]).toContain('单价：¥0.12');
    expect(fee[2]).toContain('单价：¥0.10');
    expect(fee[3]).toBe('2026年2月1日');
    const estimate = rows.find((r) => r[1]!.startsWith('本合同第5.4条'))!;
    expect(estimate[1]).toContain('¥7,450.00');
    expect(estimate[2]).toContain('¥6,450.00');
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    const text = agreement.body.flatMap((b) => (b.kind === 'paragraph' ? [plain(b.children)] : b.kind === 'article' ? b.children.flatMap((c) => (c.kind === 'paragraph' ? [plain(c.children)] : [])) : [])).join('\n');
    expect(text).toContain('甲乙双方于2025年3月1日签订了《云电话服务合同》（合同编号：YDH-2025-0001');
    const blocks = agreement.body.flatMap((b) => (b.kind === 'article' ? [b, ...b.children] : [b]));
    expect(blocks.some((b) => b.kind === 'signatures')).toBe(true);
  });

  it('without --effective, a change takes effect with the agreement', async () => {
    const [a, b] = [await version(EXAMPLE), await version(ONE_MORE_YEAR)];
    const diff = await diffContracts(a, b, (p) => buildContract(p));
    const agreement = await changeAgreementDocument(a.params, b.params, diff, undefined, (p) => buildContract(p));
    const rows = agreementRows(agreement);
    expect(rows.find((r) => r[1]!.startsWith('本合同第13.1条'))![3]).toBe('本协议生效之日');
  });
});

describe('contract diff (CLI)', () => {
  let dir: string;
  let out: string;
  let json: { ok: boolean; changes: { path: string; old: unknown; new: unknown; touches: { clause: string; part: string }[] }[]; clauses: { clause: string; original: string; revised: string }[]; files: string[] };
  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'old.yaml'), EXAMPLE);
    writeFileSync(join(dir, 'new.yaml'), edit(/^  term:\n    years: 2 /m, '  term:\n    years: 3 ', NEW_PRICE));
    out = join(dir, 'out');
    const r = await runCliAsync(['diff', 'old.yaml', 'new.yaml', '-o', out, '--json', '--effective', '2026-01-01', '--author', 'Counsel'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1767225600' }, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    json = JSON.parse(r.stdout);
  }, 180_000);

  it('--json: every key change with old and new value and the clauses it touches; the files written', () => {
    expect(json.ok).toBe(true);
    expect(json.changes.map((c) => [c.path, c.old, c.new])).toEqual([
      ['contract.term.years', 2, 3],
      ['fees.items[2].unitPrice', '0.12', '0.10'],
    ]);
    const term = json.changes[0]!.touches.map((t) => t.clause);
    expect(term).toContain('第13.1条');
    expect(json.changes[1]!.touches.some((t) => t.part.startsWith('附件二'))).toBe(true);
    expect(json.clauses.find((c) => c.clause === '第13.1条')!.revised).toContain('3年');
    expect(readdirSync(out).sort()).toEqual(['YDH-2025-0001-change-agreement.docx', 'YDH-2025-0001-change-agreement.pdf', 'YDH-2025-0001-redline.docx', 'YDH-2025-0001-redline.pdf']);
    expect(json.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(readdirSync(out).sort());
  });

  it('the redline PDF: changed clauses only, with a legend, struck through in red and underlined in blue', () => {
    const pdf = join(out, 'YDH-2025-0001-redline.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('图例');
    expect(text).toContain('本合同第13.1条：修改');
    expect(text).toContain('¥0.12¥0.10');
    expect(text).not.toContain('争议解决'); // an unchanged article is not there
    const content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 << 20 }).toString('latin1');
    expect(content).toContain('0.8 0 0 rg'); // deleted text in red
    expect(content).toContain('0 0.3 0.75 rg'); // inserted text in blue
    expect(content).toMatch(/0\.8 0 0 RG [\d.]+ w [\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S/); // a strike-through rule
    // Not for signing: no signature field.
    expect(spawnSync('pdfsig', [pdf], { encoding: 'utf8' }).stdout).not.toMatch(/Signature Field Name/);
  });

  it('the change agreement PDF: the rows, the effective date, two empty signature fields', () => {
    const pdf = join(out, 'YDH-2025-0001-change-agreement.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('合同变更协议');
    expect(text).toContain('2026年1月1日');
    expect(text).toContain('除本协议所列变更事项外，原合同的其他条款不变，继续有效。');
    const sig = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
    expect(sig.match(/Signature Field Name/g)).toHaveLength(2);
    execFileSync('qpdf', ['--check', pdf]);
  });

  it('is reproducible under SOURCE_DATE_EPOCH', async () => {
    const again = join(dir, 'again');
    const r = await runCliAsync(['diff', 'old.yaml', 'new.yaml', '-o', again, '--effective', '2026-01-01', '--author', 'Counsel', '-q'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1767225600' }, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name))), name).toBe(true);
  }, 180_000);

  it('LibreOffice opens the redline and shows both versions', async () => {
    const lo = join(dir, 'lo');
    const r = await runAsync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', lo, join(out, 'YDH-2025-0001-redline.docx')], { timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [join(lo, 'YDH-2025-0001-redline.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const both of ['¥0.12', '¥0.10', '2027年2月28日', '2028年2月29日', '¥7,450.00', '¥6,450.00']) expect(text).toContain(both);
  }, 240_000);

  it('the same contract twice: "no changes", no files, exit 0', () => {
    const r = runCli(['diff', 'old.yaml', 'old.yaml', '-o', join(dir, 'same')], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no changes/);
    expect(existsSync(join(dir, 'same'))).toBe(false);
  });

  it('an invalid input: located errors, exit 1, no files', () => {
    writeFileSync(join(dir, 'bad.yaml'), edit(/unitPrice: 0\.12\b/, 'unitPrice: cheap'));
    const r = runCli(['diff', 'old.yaml', 'bad.yaml', '-o', join(dir, 'bad')], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: error: .*unitPrice/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('bad options are usage errors (exit 2)', () => {
    expect(runCli(['diff', 'old.yaml', 'new.yaml', '--effective', '2026-02-30'], { cwd: dir }).status).toBe(2);
    expect(runCli(['diff', 'old.yaml', 'new.yaml', '-f', 'md'], { cwd: dir }).status).toBe(2);
  });
});
