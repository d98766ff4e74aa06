import { describe, expect, it } from 'vitest';
import { buildDocument, renderDocx } from '../../../src/render/docx/index.js';
import { compileParts, packParts } from '../../../src/render/docx/package.js';
import { sampleDocument } from '../../fixtures/model/sample.js';
import { EPOCH, exampleDocument, render } from './helpers.js';
import { docxParts } from './inspect.js';
import { validateParts } from './ooxml-schema.js';
import { xmlProblems } from './xml-check.js';

describe('renderDocx: the package', () => {
  it('is a zip with the parts Word needs, [Content_Types].xml first, every XML part well-formed', async () => {
    const { bytes, parts } = await render(sampleDocument());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml', 'word/header1.xml', 'word/footer1.xml', 'docProps/core.xml', 'docProps/custom.xml', '_rels/.rels']) {
      expect(parts[name], name).toBeDefined();
    }
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([]);
  });

  it('every relationship target and content-type override exists', async () => {
    const { parts } = await render(sampleDocument());
    for (const m of parts['[Content_Types].xml']!.matchAll(/PartName="\/([^"]+)"/g)) expect(parts[m[1]!], m[1]).toBeDefined();
    for (const m of parts['word/_rels/document.xml.rels']!.matchAll(/Target="([^"]+)"/g)) expect(parts[`word/${m[1]}`], m[1]).toBeDefined();
    for (const m of parts['word/document.xml']!.matchAll(/r:id="([^"]+)"/g)) expect(parts['word/_rels/document.xml.rels']).toContain(`Id="${m[1]}"`);
  });
});

describe('renderDocx: every part valid against the ECMA-376 schemas', () => {
  it.each([
    ['the sample model', () => Promise.resolve(sampleDocument())],
    ['the sample model in draft mode (watermark)', () => Promise.resolve(sampleDocument({ draft: true }))],
    ['the example contract', () => exampleDocument()],
    ['the example contract in draft mode', () => exampleDocument({ draft: true })],
  ])('%s', async (_name, make) => {
    const { parts } = await render(await make());
    const validated = Object.keys(parts).filter((p) => /^(word\/(document|styles|numbering|settings|fontTable|header\d+|footer\d+)|docProps\/(core|custom|app))\.xml$/.test(p));
    expect(validated.length).toBeGreaterThanOrEqual(10);
    expect(validateParts(parts)).toEqual([]);
  }, 60_000);

  it('a schema error is found (the check is not vacuous)', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const problems = validateParts({ 'word/document.xml': `<w:document ${w}><w:body><w:p><w:pPr><w:jc w:val="left"/><w:pStyle w:val="A"/></w:pPr></w:p></w:body></w:document>` });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/pStyle.*not expected/);
  });
});

describe('renderDocx: reproducible bytes', () => {
  it('is byte-identical for the same sourceDateEpoch, and dates its parts from it', async () => {
    const a = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    const b = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = docxParts(a)['docProps/core.xml']!;
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-01T00:00:00Z<\/dcterms:modified>/);
    // DOS date and time of the first local header: 2025-03-01 00:00:00
    const view = new DataView(a.buffer, a.byteOffset);
    expect(view.getUint16(12, true)).toBe(((2025 - 1980) << 9) | (3 << 5) | 1);
    expect(view.getUint16(10, true)).toBe(0);
  });

  it('does not depend on what was rendered before in the same process (ids are per document)', async () => {
    const alone = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    await renderDocx(await exampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    const after = await renderDocx(sampleDocument({ draft: true }), { sourceDateEpoch: EPOCH });
    expect(Buffer.from(after).equals(Buffer.from(alone))).toBe(true);
    expect(docxParts(after)['word/header1.xml']).toMatch(/id="PowerPlusWaterMarkObject1"/);
  });

  it("gives the same bytes through docx's public Packer as through its compiler", async () => {
    const doc = sampleDocument({ draft: true });
    const direct = packParts(await compileParts(buildDocument(doc)), EPOCH * 1000);
    const viaPacker = packParts(await compileParts(buildDocument(doc), { viaPacker: true }), EPOCH * 1000);
    expect(Buffer.from(viaPacker).equals(Buffer.from(direct))).toBe(true);
  });

  it('uses the current time without sourceDateEpoch', async () => {
    const { parts } = await render(sampleDocument(), null);
    const created = parts['docProps/core.xml']!.match(/<dcterms:created[^>]*>([^<]+)</)![1]!;
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(60_000);
  });
});
