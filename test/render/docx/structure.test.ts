import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, ContractDocument } from '../../../src/model/types.js';
import { docxParagraphTexts, docxParts } from './inspect.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { xmlProblems } from './xml-check.js';

const t = (text: string) => ({ kind: 'text', text }) as const;
const para = (text: string): Block => ({ kind: 'paragraph', children: [t(text)] });
const withBody = (body: Block[], annexes: ContractDocument['annexes'] = []): ContractDocument => ({ ...sampleDocument(), body, annexes });
const texts = async (doc: ContractDocument) => docxParagraphTexts(await renderDocx(doc, { sourceDateEpoch: 0 }));

describe('renderDocx: nesting', () => {
  it('numbers sub-clauses N.M.K and nested ordered lists ①, and restarts clauses in every article', async () => {
    const doc = withBody([
      {
        kind: 'article',
        id: 'a',
        title: '甲',
        style: 'article',
        children: [
          { kind: 'clause', children: [para('一级'), { kind: 'clause', children: [para('二级')] }, { kind: 'clause', children: [para('二级乙')] }] },
          {
            kind: 'clause',
            children: [
              para('列表：'),
              { kind: 'list', ordered: true, items: [[para('外'), { kind: 'list', ordered: true, items: [[para('内一')], [para('内二')]] }], [para('外二')]] },
            ],
          },
        ],
      },
      { kind: 'article', id: 'b', title: '乙', style: 'article', children: [{ kind: 'clause', children: [para('再来')] }] },
    ]);
    expect((await texts(doc)).slice(1)).toEqual([
      '第一条 甲',
      '1.1 一级',
      '1.1.1 二级',
      '1.1.2 二级乙',
      '1.2 列表：',
      '（1） 外',
      '① 内一',
      '② 内二',
      '（2） 外二',
      '第二条 乙',
      '2.1 再来',
    ]);
  });

  it('a clause whose first block is not a paragraph still gets its number', async () => {
    const doc = withBody([
      { kind: 'article', id: 'a', title: '甲', style: 'article', children: [{ kind: 'clause', children: [{ kind: 'list', ordered: false, items: [[para('项')]] }] }] },
    ]);
    expect((await texts(doc)).slice(1)).toEqual(['第一条 甲', '1.1 ', '• 项']);
  });

  it('keeps the last paragraph of an article with a signature block that follows it', async () => {
    const doc = withBody([
      { kind: 'article', id: 'a', title: '甲', style: 'article', children: [{ kind: 'clause', children: [para('最后一款')] }] },
      { kind: 'signatures', parties: [{ role: '甲方', name: '某公司', fields: [] }] },
    ]);
    const xml = docxParts(await renderDocx(doc, { sourceDateEpoch: 0 }))['word/document.xml']!;
    const last = xml.match(/<w:p>(?:(?!<w:p>)[\s\S])*?最后一款[\s\S]*?<\/w:p>/)![0];
    expect(last).toContain('<w:keepNext/>');
  });
});

describe('renderDocx: any text', () => {
  it('stays well-formed and round-trips (forbidden characters as U+FFFD)', async () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), async (a, b) => {
        const text = `${a}${b}`;
        const doc = withBody([para(text), { kind: 'table', header: [[t(text)]], rows: [[[t(b)]]] }]);
        const bytes = await renderDocx({ ...doc, meta: { ...doc.meta, number: text } }, { sourceDateEpoch: 0 });
        const parts = docxParts(bytes);
        for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([]);
        const expected = text.replace(/\r\n?/g, '\n').replace(forbidden, '\uFFFD');
        if (expected !== '') expect(docxParagraphTexts(bytes)[1]).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});
