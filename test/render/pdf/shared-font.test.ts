/**
 * The body face is embedded as two subsets (embed-face.ts): the glyphs of the shared text, the
 * same font program in every contract, and the contract's own other glyphs.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContractDocument } from '../../../src/model/types.js';
import { bundledFace } from '../../../src/fonts/index.js';
import { configureSubsetting, PACKAGED_SUBSETS, subsetOfText } from '../../../src/render/pdf/embed-font.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { SHARED_TEXT } from '../../../src/render/pdf/shared-text.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { pdfFile, run, runBuffer, strip } from './helpers.js';

const EPOCH = 1740787200;
const ROOT = join(import.meta.dirname, '../../..');

/** The sample with one more paragraph. */
const withParagraph = (text: string): ContractDocument => {
  const doc = sampleDocument();
  return { ...doc, body: [...doc.body, { kind: 'paragraph', children: [{ kind: 'text', text }] }] };
};

/** Per font of the PDF: its name (with the subset tag) and its raw (compressed) font program. */
function fontPrograms(path: string): { name: string; program: Buffer }[] {
  const raw = readFileSync(path).toString('latin1');
  const out: { name: string; program: Buffer }[] = [];
  for (const m of raw.matchAll(/\/FontName \/([A-Z]{6}\+[A-Za-z0-9-]+)[^>]*?\/FontFile[23]? (\d+) 0 R/g)) {
    out.push({ name: m[1]!, program: runBuffer('qpdf', [`--show-object=${m[2]}`, '--raw-stream-data', path]) });
  }
  return out;
}

describe('the shared subset of the body face', () => {
  it('is what scripts/shared-text.mjs derives from the templates and examples of this checkout', () => {
    const r = spawnSync(process.execPath, ['scripts/shared-text.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('ships with the build for the bundled faces, as the bytes the renderer makes, and the PDF is the same without them', async () => {
    const files = readdirSync(join(ROOT, PACKAGED_SUBSETS)).sort();
    expect(files).toHaveLength(2);
    for (const [style, text] of [['regular', SHARED_TEXT.body], ['bold', SHARED_TEXT.heading]] as const) {
      const { key, program } = subsetOfText(bundledFace(style), text);
      expect(files).toContain(`${key}.subset`);
      expect(Buffer.from(program).equals(readFileSync(join(ROOT, PACKAGED_SUBSETS, `${key}.subset`)))).toBe(true);
    }
    const doc = withParagraph('甲方：翡翠琥珀有限公司');
    configureSubsetting({ packaged: true }); // and nothing in the memory cache
    const packaged = await renderPdf(doc, { sourceDateEpoch: EPOCH });
    configureSubsetting({ packaged: false });
    try {
      expect(Buffer.from(await renderPdf(doc, { sourceDateEpoch: EPOCH })).equals(Buffer.from(packaged))).toBe(true);
    } finally {
      configureSubsetting({ packaged: true });
    }
  });

  it('is the same font program in two contracts with other names, whose own glyphs make a small second subset', async () => {
    const names = ['翡翠琥珀有限公司', '麒麟鸾凤有限公司'];
    for (const ch of names.join('').replace(/有限公司/g, '')) expect(SHARED_TEXT.body).not.toContain(ch);
    const paths = await Promise.all(names.map(async (name) => pdfFile(await renderPdf(withParagraph(`甲方：${name}`), { sourceDateEpoch: EPOCH }))));
    const [a, b] = paths.map(fontPrograms) as [ReturnType<typeof fontPrograms>, ReturnType<typeof fontPrograms>];
    expect(a.map((f) => f.name.slice(7)).sort()).toEqual(['NotoSansHans-Bold', 'NotoSansHans-Regular', 'NotoSansHans-Regular']);

    const shared = a.filter((f) => f.name.endsWith('-Regular') && b.some((g) => g.name === f.name));
    expect(shared).toHaveLength(1);
    expect(b.find((g) => g.name === shared[0]!.name)!.program.equals(shared[0]!.program)).toBe(true);
    const ownA = a.find((f) => f.name.endsWith('-Regular') && f !== shared[0])!;
    const ownB = b.find((f) => f.name.endsWith('-Regular') && f.name !== shared[0]!.name)!;
    expect(ownA.program.equals(ownB.program)).toBe(false);
    expect(ownA.program.length).toBeLessThan(shared[0]!.program.length / 5);

    paths.forEach((path, i) => {
      const text = strip(run('pdftotext', [path, '-']));
      expect(text).toContain(`甲方：${names[i]}`);
      expect(text).toContain('北京星河数据科技有限公司');
    });
  });

  it('draws a variant form whose glyph is a shared one (⼀, the Kangxi radical, is 一) with the shared font alone', async () => {
    const kangxi = '\u2f00';
    expect(SHARED_TEXT.body).not.toContain(kangxi);
    expect(SHARED_TEXT.body).toContain('一');
    // Only shared glyphs otherwise: no second subset of the body face.
    const sample = sampleDocument();
    const doc: ContractDocument = { ...sample, meta: { ...sample.meta, number: '20250001' }, body: [{ kind: 'paragraph', children: [{ kind: 'text', text: `第${kangxi}条 合同` }] }], annexes: [] };
    for (const ch of '第条合同云电话服务编号') expect(SHARED_TEXT.body).toContain(ch);
    const path = pdfFile(await renderPdf(doc, { sourceDateEpoch: EPOCH }));
    const regular = fontPrograms(path).filter((f) => f.name.endsWith('-Regular'));
    expect(regular).toHaveLength(1);
    expect(strip(run('pdftotext', [path, '-']))).toContain('第一条合同');
  });
});
