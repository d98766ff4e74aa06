/**
 * User text also goes into document metadata: DOCX docProps/core.xml and the PDF Info
 * dictionary, and with --pdfa into the XMP packet, which pdfkit writes unescaped (TRAPS.md).
 * A title, number or party with `&`, `<`, quotes or `]]>` must keep every part well-formed.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/pipeline.js';
import { xmlProblems } from '../render/docx/xml-check.js';
import { tempDir } from '../cli/run-cli.js';
import { docxProblems, exampleObject, qpdfCheck } from './helpers.js';

const NASTY = `A&B <x> "q" 's' ]]> &amp;`;

describe('metadata with XML special characters', () => {
  it.each([[false], [true]])('pdfa: %s — DOCX parts and the PDF (and its XMP) stay well-formed, the Info dictionary keeps the text', async (pdfa) => {
    const p = exampleObject();
    p.contract.title = `云电话服务合同 ${NASTY}`;
    p.contract.number = 'A&B<1>';
    p.parties.client.name = `甲方公司 ${NASTY}`;
    const { outputs } = await generate(p, { pdfa });
    const docx = outputs.find((o) => o.format === 'docx')!.data;
    expect(docxProblems(docx)).toEqual([]);

    const pdfPath = join(tempDir('contract-meta-'), 'm.pdf');
    writeFileSync(pdfPath, outputs.find((o) => o.format === 'pdf')!.data);
    expect(qpdfCheck(pdfPath).ok).toBe(true);
    const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(new RegExp(`Title:\\s+云电话服务合同 ${NASTY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (pdfa) {
      const meta = spawnSync('pdfinfo', ['-meta', pdfPath], { encoding: 'utf8' }).stdout;
      const xmp = meta.match(/<x:xmpmeta[\s\S]*<\/x:xmpmeta>/)?.[0];
      expect(xmp).toBeDefined();
      expect(xmlProblems(xmp!)).toEqual([]);
      expect(xmp).toContain('A&amp;B &lt;x&gt;');
    }
  });
});
