/**
 * contract sign / verify end to end: the example generated, signed by both parties in turn
 * (each with a seal), then checked with poppler's pdfsig and qpdf, independent of our code.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run-cli.js';
import { EXAMPLE_PATH, EXAMPLE_TEXT } from '../robustness/helpers.js';
import { PASSWORD, makePki, sealPng, type Pki } from './pki.js';

const EPOCH = '1740787200';
const env = { SOURCE_DATE_EPOCH: EPOCH, P12_PASSWORD: PASSWORD };

let dir: string;
let pki: Pki;
let unsigned: string;
let once: string;
let twice: string;

function pdfsig(file: string): { status: number | null; out: string } {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** pdfsig's signatures, in file order: field, validity line, signed ranges. */
function pdfsigSignatures(out: string) {
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .filter((block) => !block.includes('not signed'))
    .map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1],
      validation: /Signature Validation: (.*)/.exec(block)?.[1],
      ranges: [.../\[(\d+) - (\d+)\]/g.exec(block) ? block.matchAll(/\[(\d+) - (\d+)\]/g) : []].map((m) => [Number(m[1]), Number(m[2])]),
      total: block.includes('Total document signed'),
    }));
}

const signArgs = (input: string, p12: string, field: string, out: string, extra: string[] = []) => ['sign', input, '--p12', p12, '--password-env', 'P12_PASSWORD', '--field', field, '-o', out, ...extra];

beforeAll(() => {
  dir = tempDir();
  pki = makePki();
  writeFileSync(join(dir, 'seal.png'), sealPng());
  const gen = runCli(['gen', EXAMPLE_PATH, '-o', dir, '-f', 'pdf', '-q'], { env });
  expect(gen.status, gen.stderr).toBe(0);
  unsigned = join(dir, 'YDH-2025-0001.pdf');
  once = join(dir, 'once.pdf');
  twice = join(dir, 'twice.pdf');
  const a = runCli(signArgs(unsigned, pki.client, '甲方签章', once, ['--seal', join(dir, 'seal.png'), '--reason', '同意']), { env });
  expect(a.status, a.stderr).toBe(0);
  expect(a.stderr).toContain('signed 甲方签章 as 张三');
  const b = runCli(signArgs(once, pki.provider, '乙方签章', twice, ['--seal', join(dir, 'seal.png')]), { env });
  expect(b.status, b.stderr).toBe(0);
}, 120_000);

describe('contract sign', () => {
  it('appends each signature as an incremental update: nothing before it is rewritten', () => {
    const [u, o, t] = [unsigned, once, twice].map((f) => readFileSync(f)) as [Buffer, Buffer, Buffer];
    expect(o.subarray(0, u.length).equals(u)).toBe(true);
    expect(t.subarray(0, o.length).equals(o)).toBe(true);
    expect(t.length).toBeGreaterThan(o.length);
  });

  it('pdfsig finds both signatures valid, each covering the file up to its own revision', () => {
    const { status, out } = pdfsig(twice);
    expect(status, out).toBe(0);
    const sigs = pdfsigSignatures(out);
    expect(sigs.map((s) => s.field)).toEqual(['甲方签章', '乙方签章']);
    for (const s of sigs) expect(s.validation).toBe('Signature is Valid.');
    expect(out).toContain('Signer Certificate Common Name: 张三');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    // The first signature ends where the once-signed file ended; the second covers everything.
    expect(sigs[0]!.ranges[0]![0]).toBe(0);
    expect(sigs[0]!.ranges.at(-1)![1]).toBe(readFileSync(once).length);
    expect(sigs[1]!.ranges.at(-1)![1]).toBe(readFileSync(twice).length);
    expect(sigs[1]!.total).toBe(true);
  });

  it('qpdf --check finds the signed file sound', () => {
    const r = spawnSync('qpdf', ['--check', twice], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors');
    expect(r.stderr).toBe('');
  });

  it('a byte flipped after signing is reported by pdfsig and by contract verify', () => {
    const bytes = readFileSync(twice);
    bytes[2000] = bytes[2000]! ^ 0x01;
    const flipped = join(dir, 'flipped.pdf');
    writeFileSync(flipped, bytes);
    const sigs = pdfsigSignatures(pdfsig(flipped).out);
    expect(sigs.map((s) => s.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
    const v = runCli(['verify', flipped, '--json']);
    expect(v.status).toBe(1);
    const report = JSON.parse(v.stdout);
    expect(report.ok).toBe(false);
    for (const s of report.signatures) {
      expect(s.valid).toBe(false);
      expect(s.problems.join('\n')).toContain('changed after signing');
    }
  });

  it('refuses a wrong password, an unknown field, a signed field, an expired certificate', () => {
    const out = join(dir, 'refused.pdf');
    const wrong = runCli(signArgs(unsigned, pki.client, '甲方签章', out), { env: { P12_PASSWORD: 'nope' } });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('the password does not open the certificate file');
    expect(wrong.stderr).not.toContain('nope');

    const unknown = runCli(signArgs(unsigned, pki.client, '丙方签章', out), { env });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('no signature field "丙方签章"');
    // The contract and the NDA are signed; the change agreement is a blank sample form, with no fields.
    expect(unknown.stderr).toMatch(/甲方签章, 乙方签章, 甲方签章2, 乙方签章2\s*$/m);

    const signed = runCli(signArgs(twice, pki.client, '甲方签章', out), { env });
    expect(signed.status).toBe(1);
    expect(signed.stderr).toContain('already signed by 张三');

    const expired = runCli(signArgs(unsigned, pki.expired, '甲方签章', out), { env });
    expect(expired.status).toBe(1);
    expect(expired.stderr).toMatch(/certificate of Expired Signer expired on \d{4}-\d\d-\d\d/);
    const allowed = runCli(signArgs(unsigned, pki.expired, '甲方签章', out, ['--allow-expired']), { env });
    expect(allowed.status, allowed.stderr).toBe(0);
    const v = runCli(['verify', out]);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('the certificate was not valid at the signing time');
    // Nothing was written by the refused runs before the allowed one; nothing half-written ever.
    expect(spawnSync('qpdf', ['--check', out]).status).toBe(0);
  });

  it('refuses a PDF it did not generate, an encrypted one and a draft', () => {
    const out = join(dir, 'refused2.pdf');
    const foreign = join(dir, 'foreign.pdf');
    // The same file rewritten by another tool: qpdf's own structure, not ours to update.
    expect(spawnSync('qpdf', ['--object-streams=generate', unsigned, foreign]).status).toBe(0);
    const r1 = runCli(signArgs(foreign, pki.client, '甲方签章', out), { env });
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('cross-reference stream');

    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, minimalPdf());
    const r2 = runCli(signArgs(plain, pki.client, '甲方签章', out), { env });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('not generated by contract');

    const encrypted = join(dir, 'encrypted.pdf');
    expect(spawnSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', unsigned, encrypted]).status).toBe(0);
    const r3 = runCli(signArgs(encrypted, pki.client, '甲方签章', out), { env });
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/encrypted|cross-reference stream/);

    const draftDir = tempDir();
    expect(runCli(['gen', EXAMPLE_PATH, '-o', draftDir, '-f', 'pdf', '--draft', '-q'], { env }).status).toBe(0);
    const r4 = runCli(signArgs(join(draftDir, 'YDH-2025-0001.pdf'), pki.client, '甲方签章', out), { env });
    expect(r4.status).toBe(1);
    expect(r4.stderr).toContain('draft');
  });

  it('takes the password only from the environment or a terminal: usage errors otherwise', () => {
    const out = join(dir, 'x.pdf');
    const noPassword = runCli(['sign', unsigned, '--p12', pki.client, '--field', '甲方签章', '-o', out], { input: '' });
    expect(noPassword.status).toBe(2);
    expect(noPassword.stderr).toContain('--password-env');
    const unset = runCli(['sign', unsigned, '--p12', pki.client, '--password-env', 'NO_SUCH_VAR', '--field', '甲方签章', '-o', out]);
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain('NO_SUCH_VAR');
    const missing = runCli(signArgs(join(dir, 'missing.pdf'), pki.client, '甲方签章', out), { env });
    expect(missing.status).toBe(1);
    const notPng = runCli(signArgs(unsigned, pki.client, '甲方签章', out, ['--seal', unsigned]), { env });
    expect(notPng.status).toBe(1);
    expect(notPng.stderr).toContain('not a PNG');
  });
});

describe('the seal', () => {
  /** Page number and rectangle (PDF points) of each signature field, from qpdf. */
  function fieldRects(file: string): Map<string, { page: number; rect: number[] }> {
    const json = JSON.parse(spawnSync('qpdf', ['--json', '--json-key=acroform', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout);
    const objects = json.qpdf[1];
    const out = new Map<string, { page: number; rect: number[] }>();
    for (const f of json.acroform.fields) out.set(f.fullname, { page: f.pageposfrom1, rect: objects[`obj:${f.annotation.object}`].value['/Rect'] });
    return out;
  }
  function renderPage(file: string, page: number): PNG {
    const prefix = join(dir, `page-${Math.random().toString(36).slice(2)}`);
    expect(spawnSync('pdftoppm', ['-png', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]).status).toBe(0);
    return PNG.sync.read(readFileSync(`${prefix}.png`));
  }

  it('is drawn inside each signed field and nowhere else on the page', () => {
    const fields = fieldRects(twice);
    const a = fields.get('甲方签章')!;
    const b = fields.get('乙方签章')!;
    expect(a.page).toBe(b.page);
    const before = renderPage(unsigned, a.page);
    const after = renderPage(twice, a.page);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    const inside = (x: number, y: number, r: number[]) => x >= r[0]! - 1 && x <= r[2]! + 1 && y >= r[1]! - 1 && y <= r[3]! + 1;
    const red = new Map([['a', 0], ['b', 0]]);
    let outside = 0;
    for (let py = 0; py < after.height; py++) {
      for (let px = 0; px < after.width; px++) {
        const i = (py * after.width + px) * 4;
        const changed = [0, 1, 2].some((k) => Math.abs(after.data[i + k]! - before.data[i + k]!) > 8);
        if (!changed) continue;
        // pdftoppm at 72 dpi: one pixel per point, y from the top.
        const x = px + 0.5;
        const y = after.height - py - 0.5;
        const isRed = after.data[i]! > 180 && after.data[i + 1]! < 100 && after.data[i + 2]! < 100;
        if (inside(x, y, a.rect)) red.set('a', red.get('a')! + (isRed ? 1 : 0));
        else if (inside(x, y, b.rect)) red.set('b', red.get('b')! + (isRed ? 1 : 0));
        else outside++;
      }
    }
    expect(outside).toBe(0);
    expect(red.get('a')).toBeGreaterThan(300);
    expect(red.get('b')).toBeGreaterThan(300);
  });

  it('carries the signer\'s name and the time as text (the CJK font subset is embedded)', () => {
    const fields = fieldRects(twice);
    const text = spawnSync('pdftotext', ['-f', String(fields.get('甲方签章')!.page), '-l', String(fields.get('甲方签章')!.page), twice, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('张三');
    expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)/);
    const fonts = spawnSync('pdffonts', [twice], { encoding: 'utf8' }).stdout;
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/ yes +yes +yes /);
  });
});

describe('contract verify', () => {
  it('lists each signature with its signer, time and checks, and passes', () => {
    const v = runCli(['verify', twice]);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('3 revision(s), 2 signature(s)');
    expect(v.stdout).toMatch(/甲方签章: 张三, \d{4}-\d\d-\d\dT[\d:.]+Z, revision 2/);
    expect(v.stdout).toMatch(/乙方签章: Li Si, .*, revision 3/);
    expect(v.stdout).toContain('unsigned fields: 甲方签章2, 乙方签章2');
    expect(v.stdout).toContain('result: OK');
  });

  it('--params: the first revision is exactly what the params generate; one changed character fails', () => {
    const ok = runCli(['verify', twice, '--params', EXAMPLE_PATH, '--json']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.params).toMatchObject({ ok: true, date: '2025-03-01T00:00:00.000Z', draft: false, pdfa: false });
    expect(report.signatures.map((s: { field: string; ok: boolean }) => [s.field, s.ok])).toEqual([['甲方签章', true], ['乙方签章', true]]);

    const changed = join(dir, 'changed.yaml');
    const at = EXAMPLE_TEXT.indexOf('北京');
    expect(at).toBeGreaterThan(0);
    writeFileSync(changed, `${EXAMPLE_TEXT.slice(0, at)}南京${EXAMPLE_TEXT.slice(at + 2)}`);
    const bad = runCli(['verify', twice, '--params', changed]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('the first revision is NOT what');
    expect(bad.stdout).toContain('result: FAILED');
  });

  it('reports an unsigned change appended after the signatures', () => {
    // Another tool's edit: a copy of the page dictionary with /Rotate, appended as an update.
    const bytes = readFileSync(twice);
    const text = bytes.toString('latin1');
    const page = /\n(\d+) 0 obj\n(<<\n\/Type \/Page\n[\s\S]*?)\nendobj/.exec(text)!;
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const size = Number([...text.matchAll(/\/Size (\d+)/g)].at(-1)![1]);
    const root = [...text.matchAll(/\/Root (\d+ 0 R)/g)].at(-1)![1];
    const offset = bytes.length;
    const obj = `${page[1]} 0 obj\n${page[2]!.replace('/Type /Page', '/Type /Page\n/Rotate 90')}\nendobj\n`;
    const xref = offset + Buffer.byteLength(obj, 'latin1');
    const update = `${obj}xref\n${page[1]} 1\n${String(offset).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
    const edited = join(dir, 'edited.pdf');
    writeFileSync(edited, Buffer.concat([bytes, Buffer.from(update, 'latin1')]));
    const v = runCli(['verify', edited, '--json']);
    expect(v.status).toBe(1);
    const report = JSON.parse(v.stdout);
    expect(report.signatures.every((s: { valid: boolean; unchangedSince: boolean }) => s.valid && !s.unchangedSince)).toBe(true);
    expect(report.problems.join('\n')).toContain('revision 4 is not a signature');
    expect(report.problems.join('\n')).toContain('changes a page');
    // Nor does sign put a signature on top of such a change.
    const r = runCli(signArgs(edited, pki.client, '甲方签章2', join(dir, 'on-edited.pdf')), { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('changed after it was generated, other than by signatures');
  });

  it('exits 1 on a PDF without signatures, and names the unsigned fields', () => {
    const copy = join(dir, 'copy.pdf');
    copyFileSync(unsigned, copy);
    const v = runCli(['verify', copy]);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('the PDF carries no signature');
  });
});

/** The smallest valid PDF, written by hand: not ours. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
