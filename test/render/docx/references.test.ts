import { describe, expect, it } from 'vitest';
import type { Block, ContractDocument, Inline } from '../../../src/model/types.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { exampleDocument, refsOf, render } from './helpers.js';
import { docxParagraphTexts } from './inspect.js';
import { all, ancestor, first, styleOf, textOf, type XmlElement } from './xml-tree.js';

const REF = /^\s*REF (\S+) \\r( \\h)?\s*$/;

/** The sample contract with cross-references to articles and annexes, one of them bold. */
function withReferences(): ContractDocument {
  const doc = sampleDocument();
  const ref = (kind: 'article' | 'annex', id: string, text: string): Inline => ({ kind: 'ref', target: { kind, id }, text });
  const paragraph: Block = {
    kind: 'paragraph',
    children: [
      { kind: 'text', text: '费用依照' },
      ref('article', 'fees', '第三条'),
      { kind: 'text', text: '支付，明细见' },
      ref('annex', 'feeSchedule', '附件一'),
      { kind: 'text', text: '；' },
      { kind: 'strong', children: [ref('annex', 'nda', '附件二')] },
      { kind: 'text', text: '另行签署。' },
    ],
  };
  const body = [...doc.body];
  body.splice(3, 0, paragraph);
  const annexes = doc.annexes.map((a, i) => (i === 1 ? { ...a, body: [...a.body, { kind: 'paragraph', children: [{ kind: 'text', text: '本协议是主合同' }, ref('article', 'definitions', '第一条')] } as Block] } : a));
  return { ...doc, body, annexes };
}

interface Checked {
  readonly fields: XmlElement[];
  readonly bookmarks: Map<string, XmlElement>;
}

/** Every REF field of the document resolves to exactly one bookmark; bookmark ids pair up. */
function checkFields(document: XmlElement): Checked {
  const starts = all(document, 'w:bookmarkStart');
  const ends = all(document, 'w:bookmarkEnd');
  const bookmarks = new Map(starts.map((s) => [s.attrs['w:name']!, s]));
  expect(bookmarks.size, 'bookmark names are unique').toBe(starts.length);
  expect(new Set(starts.map((s) => s.attrs['w:id'])).size, 'bookmark ids are unique').toBe(starts.length);
  expect(ends.map((e) => e.attrs['w:id']).sort()).toEqual(starts.map((s) => s.attrs['w:id']).sort());
  const fields = all(document, 'w:fldSimple').filter((f) => / REF /.test(` ${f.attrs['w:instr']}`));
  for (const f of fields) {
    const name = REF.exec(f.attrs['w:instr']!)?.[1];
    expect(name, f.attrs['w:instr']).toBeDefined();
    expect(bookmarks.has(name!), `bookmark ${name}`).toBe(true);
  }
  return { fields, bookmarks };
}

describe('renderDocx: live cross-references', () => {
  it('each reference is a REF field (\\r paragraph number, \\h link) to a bookmark on its target, with its label as the cached result', async () => {
    const doc = withReferences();
    const r = await render(doc);
    const document = r.xml('word/document.xml');
    const { fields, bookmarks } = checkFields(document);
    const refs = refsOf(doc);
    expect(fields).toHaveLength(refs.length);
    fields.forEach((field, i) => {
      const ref = refs[i]!;
      expect(field.attrs['w:instr']).toMatch(REF);
      expect(field.attrs['w:instr']).toContain('\\h');
      expect(textOf(field)).toBe(ref.text);
      const target = ancestor(bookmarks.get(REF.exec(field.attrs['w:instr']!)![1]!)!, 'w:p')!;
      if (ref.target.kind === 'article') {
        expect(styleOf(target)).toBe('ArticleHeading');
        const article = doc.body.find((b) => b.kind === 'article' && b.id === ref.target.id);
        expect(textOf(target)).toBe(article?.kind === 'article' ? article.title : undefined);
      } else {
        expect(styleOf(target)).toBe('AnnexLabel');
        const labels = all(document, 'w:p').filter((p) => styleOf(p) === 'AnnexLabel');
        expect(labels.indexOf(target)).toBe(doc.annexes.findIndex((a) => a.id === ref.target.id));
      }
    });
    // Formatted like the text around it: the reference inside strong is bold.
    expect(first(fields[2]!, 'w:b')).toBeDefined();
    expect(first(fields[0]!, 'w:b')).toBeUndefined();
    // And reads as the labels Word computes for the targets.
    expect(docxParagraphTexts(r.bytes)).toContain('费用依照第三条支付，明细见附件一；附件二另行签署。');
  });

  it('every article of the main body and every annex is bookmarked, so Word users can refer to any of them', async () => {
    const doc = withReferences();
    const document = (await render(doc)).xml('word/document.xml');
    const names = all(document, 'w:bookmarkStart').map((b) => b.attrs['w:name']);
    for (const b of doc.body) if (b.kind === 'article') expect(names).toContain(`_Ref_article_${b.id}`);
    for (const a of doc.annexes) expect(names).toContain(`_Ref_annex_${a.id}`);
    expect(names.every((n) => n!.length <= 40 && /^_Ref\w+$/.test(n!))).toBe(true);
  });

  it('a reference to a target the document does not have stays plain text', async () => {
    const doc = sampleDocument();
    const r = await render({ ...doc, body: [{ kind: 'paragraph', children: [{ kind: 'ref', target: { kind: 'annex', id: 'missing' }, text: '附件九' }] }] });
    expect(all(r.xml('word/document.xml'), 'w:fldSimple')).toHaveLength(0);
    expect(docxParagraphTexts(r.bytes)).toContain('附件九');
  });

  it('the example contract: a REF field with a matching bookmark for every cross-reference, and a live annex label in every annex header', async () => {
    const doc = await exampleDocument();
    const r = await render(doc);
    const { fields } = checkFields(r.xml('word/document.xml'));
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(20);
    expect(fields.map((f) => textOf(f))).toEqual(refs.map((ref) => ref.text));
    const headers = Object.keys(r.parts).filter((p) => /^word\/header\d+\.xml$/.test(p));
    const annexHeaders = headers.filter((h) => all(r.xml(h), 'w:fldSimple').length > 0);
    expect(annexHeaders).toHaveLength(doc.annexes.length);
    const bookmarks = new Set(all(r.xml('word/document.xml'), 'w:bookmarkStart').map((b) => b.attrs['w:name']));
    for (const h of annexHeaders) expect(bookmarks.has(REF.exec(first(r.xml(h), 'w:fldSimple')!.attrs['w:instr']!)![1])).toBe(true);
  });
});
