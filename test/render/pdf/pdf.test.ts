import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ContractDocument, Inline } from '../../../src/model/types.js';
import { configureSubsetting } from '../../../src/render/pdf/embed-font.js';
import { missingGlyphs, renderPdf, type SubsetStore } from '../../../src/render/pdf/index.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { pageCount, pageText, pdfFile, run, runBuffer, strip } from './helpers.js';

const EPOCH = 1740787200;
const CLOSING = /^[，。、；：？！）」』》〉”’%・…—]/u;

let bytes: Uint8Array;
let file: string;
let pages: number;

beforeAll(async () => {
  bytes = await renderPdf(sampleDocument({ feeRows: 80 }), { sourceDateEpoch: EPOCH });
  file = pdfFile(bytes);
  pages = pageCount(file);
});

/** Text of the whole document without running headers and footers. */
function bodyText(path: string, n: number): string {
  const out: string[] = [];
  for (let p = 1; p <= n; p++) {
    const lines = pageText(path, p).split('\n');
    out.push(...lines.filter((l) => !/^云电话服务合同\s+合同编号：/.test(l) && !/^\s*第 \d+ 页 共 \d+ 页\s*$/.test(l)));
  }
  return out.join('\n');
}

const inlineText = (xs: readonly Inline[]): string =>
  xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'strong' ? inlineText(x.children) : '____')).join('');

/** Texts of the blocks in document order (signature parties separately: they sit side by side). */
function blockTexts(blocks: readonly Block[], out: string[], loose: string[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'article':
        out.push(b.title);
        blockTexts(b.children, out, loose);
        break;
      case 'clause':
        blockTexts(b.children, out, loose);
        break;
      case 'paragraph':
        out.push(inlineText(b.children));
        break;
      case 'list':
        b.items.forEach((item) => blockTexts(item, out, loose));
        break;
      case 'table':
        out.push(b.header.map(inlineText).join(''));
        for (const r of b.rows) out.push(r.map(inlineText).join(''));
        break;
      case 'signatures':
        for (const p of b.parties) loose.push(`${p.role}（盖章）：`, p.name, ...p.fields.map((f) => `${f.label}：${f.value ?? ''}`));
        break;
      case 'pageBreak':
        break;
    }
  }
}

describe('renderPdf', () => {
  it('contains every block text in order, with numbering, header and footer', () => {
    const doc = sampleDocument({ feeRows: 80 });
    const ordered: string[] = [doc.meta.title];
    const loose: string[] = [];
    blockTexts(doc.body, ordered, loose);
    doc.annexes.forEach((a) => {
      ordered.push(a.title);
      blockTexts(a.body, ordered, loose);
    });
    const text = strip(bodyText(file, pages));
    let at = 0;
    for (const t of ordered) {
      const i = text.indexOf(strip(t), at);
      expect(i, `missing or out of order: ${t}`).toBeGreaterThanOrEqual(0);
      at = i + strip(t).length;
    }
    for (const t of loose) expect(text).toContain(strip(t));

    const all = run('pdftotext', ['-layout', file, '-']);
    for (const label of ['第一条', '第二条', '第三条', '1.1', '1.2', '2.1', '2.2', '3.1', '（1）', '（2）', '（3）', '附件一', '附件二', '一、收费项目']) {
      expect(all).toContain(label);
    }
    expect(all).toMatch(/第一条\s+定义/);
    expect(pageText(file, 1)).toContain('合同编号：YDH-2025-0001');
    expect(pageText(file, 1)).toContain(`第 1 页 共 ${pages} 页`);
    expect(pageText(file, pages)).toContain(`第 ${pages} 页 共 ${pages} 页`);
    expect(all).not.toMatch(/DRAFT/);
  });

  it('never starts a line with closing punctuation', async () => {
    const tricky = Array.from({ length: 40 }, (_, i) => '甲乙丙丁戊己庚辛壬癸'.slice(0, (i % 7) + 1) + '，。、；：）”'[i % 7]!).join('');
    const doc = { ...sampleDocument(), body: [{ kind: 'paragraph', children: [{ kind: 'text', text: tricky }] } as const], annexes: [] } satisfies ContractDocument;
    const path = pdfFile(await renderPdf(doc, { sourceDateEpoch: EPOCH }));
    const lines = run('pdftotext', [path, '-']).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).not.toMatch(CLOSING);
    expect(strip(lines.join(''))).toContain(tricky);
  });

  it('embeds subset fonts with Unicode maps', () => {
    const rows = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    // The body face as two subsets (the shared text's glyphs and this document's others), the heading face as one.
    expect(rows.map((r) => r.split(/\s+/)[0]!.slice(7)).sort()).toEqual(['NotoSansHans-Bold', 'NotoSansHans-Regular', 'NotoSansHans-Regular']);
    for (const r of rows) {
      expect(r).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    }
  });

  it('is a clean PDF with two signature fields and a bookmark per article and annex', () => {
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const json = JSON.parse(run('qpdf', ['--json', file])) as {
      acroform: { fields: { fieldtype: string; fullname: string; pageposfrom1: number }[] };
      outlines: { title: string; kids: { title: string }[] }[];
    };
    const sigs = json.acroform.fields.filter((f) => f.fieldtype === '/Sig');
    expect(sigs.map((f) => f.fullname)).toEqual(['甲方签章', '乙方签章']);
    expect(json.outlines.map((o) => o.title)).toEqual(['第一条 定义', '第二条 服务内容', '第三条 服务费用与支付', '附件一 服务费用清单', '附件二 保密协议']);
    expect(json.outlines[3]!.kids.map((k) => k.title)).toEqual(['一、收费项目']);
    // The anchor text e-signing tools search for.
    expect(pageText(file, sigs[0]!.pageposfrom1, false)).toContain('甲方（盖章）：');
  });

  it('repeats the table header on every page the table runs onto', () => {
    const tablePages: number[] = [];
    for (let p = 1; p <= pages; p++) if (/收费项目\d+号/.test(pageText(file, p))) tablePages.push(p);
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(pageText(file, p)).toMatch(/序号\s+项目\s+类别\s+计费单位\s+单价\s+数量\s+小计/);
    const rows = tablePages.flatMap((p) => [...pageText(file, p).matchAll(/收费项目(\d+)号/g)].map((m) => Number(m[1])));
    expect(rows).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('continues a row taller than a page on the next page without losing text', async () => {
    const long = Array.from({ length: 500 }, (_, i) => `第${i + 1}项约定`).join('，') + '。';
    const t = (text: string) => [{ kind: 'text', text } as const];
    const doc = {
      ...sampleDocument(),
      body: [{ kind: 'table', header: [t('条款'), t('内容')], rows: [[t('甲'), t(long)], [t('乙'), t('短')]] } as const],
      annexes: [],
    } satisfies ContractDocument;
    const path = pdfFile(await renderPdf(doc));
    const n = pageCount(path);
    expect(n).toBeGreaterThanOrEqual(2);
    const texts = Array.from({ length: n }, (_, i) => pageText(path, i + 1));
    for (const page of texts) expect(page).toMatch(/条款\s+内容/);
    const body = strip(texts.join('\n').replace(/条款\s+内容/g, '').replace(/.*合同编号：.*|第 \d+ 页 共 \d+ 页/g, ''));
    expect(body.replace(/^甲/, '')).toContain(strip(long));
  });

  it('is byte-identical for the same SOURCE_DATE_EPOCH, with or without the subset cache', async () => {
    const again = await renderPdf(sampleDocument({ feeRows: 80 }), { sourceDateEpoch: EPOCH });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    configureSubsetting({ cache: false });
    try {
      const uncached = await renderPdf(sampleDocument({ feeRows: 80 }), { sourceDateEpoch: EPOCH });
      expect(Buffer.from(uncached).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      configureSubsetting({ cache: true });
    }
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/CreationDate:\s+Sat Mar\s+1 00:00:00 2025 UTC/);
    expect(info).toContain('Title:           云电话服务合同 YDH-2025-0001');
    expect(info).toContain('Creator:         contract');
  });

  it('is byte-identical with a subset store, on a miss and on a hit, with or without the memory cache', async () => {
    /** An in-memory SubsetStore that records what the renderer asks of it. */
    const memoryStore = () => {
      const map = new Map<string, Uint8Array>();
      const log: string[] = [];
      const store: SubsetStore = {
        get: (k) => {
          log.push(`get ${map.has(k) ? 'hit' : 'miss'}`);
          return map.get(k);
        },
        set: (k, v) => {
          log.push('set');
          map.set(k, v);
        },
      };
      return { store, map, log };
    };
    const render = (store?: SubsetStore) => renderPdf(sampleDocument({ feeRows: 80 }), { sourceDateEpoch: EPOCH, ...(store ? { subsetStore: store } : {}) });
    const same = (b: Uint8Array) => Buffer.from(b).equals(Buffer.from(bytes));
    try {
      // Every subset from the store or built here: not the shared ones the build packages (font.test.ts).
      configureSubsetting({ packaged: false });
      for (const cache of [false, true]) {
        configureSubsetting({ cache }); // also empties the memory cache
        const { store, map, log } = memoryStore();
        expect(same(await render(store)), `miss, memory cache ${cache}`).toBe(true);
        // Three subsets: the body face's shared and own glyphs, the heading face's.
        expect(log).toEqual(['get miss', 'set', 'get miss', 'set', 'get miss', 'set']);
        expect(map.size).toBe(3);
        for (const key of map.keys()) expect(key).toMatch(/^font-subset\.v\d+\.hb-[0-9.]+\.cff\.[0-9a-f]{24}\.f0\.NotoSansHans-(Regular|Bold)\.zlib-[A-Za-z0-9.-]+\.[0-9a-f]{40}$/);
        log.length = 0;
        configureSubsetting({ cache });
        expect(same(await render(store)), `hit, memory cache ${cache}`).toBe(true);
        expect(log).toEqual(['get hit', 'get hit', 'get hit']);
        // A fresh store after a warm memory cache, and no store at all.
        const other = memoryStore();
        expect(same(await render(other.store))).toBe(true);
        expect(same(await render())).toBe(true);
      }
      // A store that throws or returns junk is a miss, never a failure.
      configureSubsetting({ cache: false });
      const broken: SubsetStore = {
        get: () => {
          throw new Error('disk on fire');
        },
        set: () => {
          throw new Error('disk on fire');
        },
      };
      expect(same(await render(broken))).toBe(true);
      expect(same(await render({ get: () => new Uint8Array(0), set: () => {} }))).toBe(true);
    } finally {
      configureSubsetting({ cache: true, packaged: true });
    }
  });

  it('draws the same glyphs as the whole font', async () => {
    configureSubsetting({ whole: true });
    let whole: Uint8Array;
    try {
      whole = await renderPdf(sampleDocument({ feeRows: 80 }), { sourceDateEpoch: EPOCH });
    } finally {
      configureSubsetting({ whole: false });
    }
    const other = pdfFile(whole);
    expect(whole.length).toBeGreaterThan(8_000_000);
    for (const p of [1, 2, 3]) {
      const a = runBuffer('pdftoppm', ['-png', '-r', '40', '-f', String(p), '-l', String(p), file]);
      const b = runBuffer('pdftoppm', ['-png', '-r', '40', '-f', String(p), '-l', String(p), other]);
      expect(a.equals(b), `page ${p}`).toBe(true);
    }
  });

  it('marks every page of a draft, and only of a draft', async () => {
    /** The big (rotated) glyphs of a page: the mark comes out of pdftotext in pieces. */
    const bigText = (path: string, page: number): string =>
      [...run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
        .filter((m) => Number(m[2]) - Number(m[1]) > 30)
        .map((m) => m[3])
        .join('');
    const path = pdfFile(await renderPdf(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH }));
    const n = pageCount(path);
    for (let p = 1; p <= n; p++) expect([...bigText(path, p)].sort().join('')).toBe([...'草稿DRAFT'].sort().join(''));
    expect(bigText(file, 1)).toBe('');
  });

  it('writes PDF/A-2b with well-formed XMP for names that need escaping', async () => {
    const base = sampleDocument();
    const doc: ContractDocument = { ...base, meta: { ...base.meta, provider: { ...base.meta.provider, name: 'A&B <x>' } } };
    const pdfa = await renderPdf(doc, { sourceDateEpoch: EPOCH, pdfa: true });
    const path = pdfFile(pdfa);
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const raw = Buffer.from(pdfa).toString('latin1');
    const start = raw.indexOf('<?xpacket begin');
    const end = raw.indexOf('<?xpacket end="w"?>') + '<?xpacket end="w"?>'.length;
    const xmp = Buffer.from(raw.slice(start, end), 'latin1').toString('utf8');
    expect(xmp).toContain('A&amp;B &lt;x&gt;');
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    // Well-formed XML (python's expat parser is strict).
    run('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(open(sys.argv[1], encoding="utf-8").read())', pdfFile(new TextEncoder().encode(xmp))]);
    expect(raw).toContain('/OutputIntents');
    const json = JSON.parse(run('qpdf', ['--json', path])) as { acroform: { fields: { fieldtype: string }[] } };
    expect(json.acroform.fields.filter((f) => f.fieldtype === '/Sig')).toHaveLength(2);
  });

  it('reports characters the font lacks and renders around them', async () => {
    expect(missingGlyphs('𠮷😀中')).toEqual(['𠮷', '😀']);
    expect(missingGlyphs('甲方A&B（盖章）：\n')).toEqual([]);
    const doc = { ...sampleDocument(), body: [{ kind: 'paragraph', children: [{ kind: 'text', text: '吉𠮷祥😀如意' }] } as const], annexes: [] } satisfies ContractDocument;
    const path = pdfFile(await renderPdf(doc));
    expect(strip(run('pdftotext', [path, '-']))).toContain('吉祥如意');
  });

  it('links each cross-reference to the heading it names', async () => {
    const base = sampleDocument();
    const refPara: Block = {
      kind: 'paragraph',
      children: [
        { kind: 'text', text: '费用按' },
        { kind: 'ref', target: { kind: 'article', id: 'fees' }, text: '第三条' },
        { kind: 'text', text: '支付，保密义务见' },
        { kind: 'ref', target: { kind: 'annex', id: 'nda' }, text: '附件二' },
        { kind: 'text', text: '。' },
      ],
    };
    const doc: ContractDocument = { ...base, body: [refPara, ...base.body] };
    const path = pdfFile(await renderPdf(doc, { sourceDateEpoch: EPOCH }));
    const json = JSON.parse(run('qpdf', ['--json', path])) as {
      pages: { object: string }[];
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const objects = json.qpdf[1];
    const value = (ref: string) => objects[`obj:${ref}`]!.value!;
    const pageOf = new Map(json.pages.map((p, i) => [p.object, i + 1]));
    type LinkDict = { '/Subtype': string; '/Rect': number[]; '/Dest': [string, string, null, number, null] };
    const links = json.pages
      .flatMap((p, i) => ((value(p.object)['/Annots'] ?? []) as string[]).map((a) => ({ page: i + 1, ...(value(a) as LinkDict) })))
      .filter((a) => a['/Subtype'] === '/Link');
    expect(links).toHaveLength(2);
    const [toArticle, toAnnex] = links;
    // Where each link goes: the page (and height) of the heading.
    const headingPage = (text: string) => Array.from({ length: pageCount(path) }, (_, i) => i + 1).find((p) => strip(pageText(path, p)).includes(text))!;
    expect(pageOf.get(toArticle!['/Dest'][0])).toBe(headingPage('第三条服务费用与支付'));
    expect(pageOf.get(toAnnex!['/Dest'][0])).toBe(headingPage('附件二保密协议'));
    expect(toArticle!['/Dest'][1]).toBe('/XYZ');
    // The clickable area is the reference's text.
    for (const [link, label] of [[toArticle!, '第三条'], [toAnnex!, '附件二']] as const) {
      const [x1, y1, x2, y2] = link['/Rect'];
      const crop = run('pdftotext', ['-f', String(link.page), '-l', String(link.page), '-x', String(Math.ceil(x1! + 2)), '-y', String(Math.ceil(842 - y2!)), '-W', String(Math.floor(x2! - x1! - 4)), '-H', String(Math.floor(y2! - y1!)), path, '-']);
      expect(strip(crop)).toBe(label);
    }
  });

  it('prints the draft mark in the running header of every page', async () => {
    const path = pdfFile(await renderPdf(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH }));
    for (let p = 1; p <= pageCount(path); p++) {
      const header = run('pdftotext', ['-f', String(p), '-l', String(p), '-x', '0', '-y', '0', '-W', '595', '-H', '55', '-layout', path, '-']);
      expect(header).toMatch(/草稿 DRAFT\s+合同编号：YDH-2025-0001/);
    }
    const plain = run('pdftotext', ['-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '595', '-H', '55', file, '-']);
    expect(plain).not.toContain('草稿');
  });
});
