/**
 * sign() and verify() in memory, and the CMS they write read back by openssl (an independent
 * implementation): PAdES attributes, the embedded chain, and a verification against the CA.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractError, generate, loadP12, sign, signatureFieldNames, verify } from '../../src/index.js';
import { tempDir } from '../cli/run-cli.js';
import { EXAMPLE_TEXT } from '../robustness/helpers.js';
import { PASSWORD, makePki, sealPng, type Pki } from './pki.js';

let pki: Pki;
let unsigned: Uint8Array;
let signed: Uint8Array;
let dir: string;

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof ContractError) return error.diagnostics[0]?.code;
    throw error;
  }
};

beforeAll(async () => {
  pki = makePki();
  dir = tempDir();
  const generated = await generate({ yaml: EXAMPLE_TEXT, file: 'example.yaml' }, { formats: ['pdf'], sourceDateEpoch: 1740787200 });
  unsigned = generated.outputs[0]!.data;
  const client = loadP12(readFileSync(pki.client), PASSWORD);
  const provider = loadP12(readFileSync(pki.provider), PASSWORD);
  const once = await sign(unsigned, client, '甲方签章', { seal: sealPng(120), reason: '签约', location: '北京' });
  signed = await sign(once, provider, '乙方签章');
}, 120_000);

describe('sign() and verify() in memory', () => {
  it('lists the fields, signs two of them, and verifies against the params', async () => {
    expect(signatureFieldNames(signed)).toEqual([
      { name: '甲方签章', signed: true },
      { name: '乙方签章', signed: true },
      { name: '甲方签章2', signed: false },
      { name: '乙方签章2', signed: false },
    ]);
    const report = await verify(signed, { yaml: EXAMPLE_TEXT, file: 'example.yaml' });
    expect(report.ok).toBe(true);
    expect(report.revisions).toBe(3);
    expect(report.signatures.map((s) => [s.field, s.signer, s.revision, s.valid, s.coversRevision, s.unchangedSince])).toEqual([
      ['甲方签章', '张三', 2, true, true, true],
      ['乙方签章', 'Li Si', 3, true, true, true],
    ]);
    expect(report.params?.ok).toBe(true);
  });

  it('loads the signer from the PKCS#12 bytes and password too', async () => {
    const out = await sign(unsigned, { p12: readFileSync(pki.provider), password: PASSWORD }, '乙方签章2');
    expect((await verify(out)).signatures[0]).toMatchObject({ field: '乙方签章2', signer: 'Li Si', ok: true });
  });

  it('refuses an expired certificate unless allowed, judged at the signing time', async () => {
    const client = loadP12(readFileSync(pki.client), PASSWORD);
    const later = new Date(new Date(client.certificate.validTo).getTime() + 86400_000);
    expect(await codeOf(sign(unsigned, client, '甲方签章', { time: later }))).toBe('certificate-expired');
    const earlier = new Date(new Date(client.certificate.validFrom).getTime() - 86400_000);
    expect(await codeOf(sign(unsigned, client, '甲方签章', { time: earlier }))).toBe('certificate-not-yet-valid');
    const allowed = await sign(unsigned, client, '甲方签章', { time: later, allowExpired: true });
    const report = await verify(allowed);
    expect(report.signatures[0]).toMatchObject({ valid: true, certificateValidAtSigning: false, ok: false });
  });

  it('refuses what is not a PNG seal, or one too large to decode', async () => {
    const client = loadP12(readFileSync(pki.client), PASSWORD);
    expect(await codeOf(sign(unsigned, client, '甲方签章', { seal: Buffer.from('GIF89a') }))).toBe('seal-not-png');
    const huge = Buffer.from(sealPng(8));
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    expect(await codeOf(sign(unsigned, client, '甲方签章', { seal: huge }))).toBe('seal-too-large');
  });

  it('refuses a wrong password and a file that is not PKCS#12', () => {
    expect(() => loadP12(readFileSync(pki.client), 'wrong')).toThrow(/password does not open/);
    expect(() => loadP12(Buffer.from('not a certificate'), PASSWORD)).toThrow(/not a readable PKCS#12/);
  });
});

describe('the CMS, read by openssl', () => {
  /** The first signature's /Contents (trailing zeros trimmed by openssl's DER reader) and signed bytes. */
  function firstSignature(bytes: Uint8Array): { cms: string; content: string } {
    const text = Buffer.from(bytes).toString('latin1');
    const m = /\/ByteRange \[0 (\d+) +(\d+) +(\d+) *\] \/Contents <([0-9a-f]+)>/.exec(text)!;
    const [b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const cms = join(dir, 'sig.der');
    const content = join(dir, 'signed.bin');
    const der = Buffer.from(m[4]!, 'hex');
    // openssl reads one DER object and would complain about the zero padding: cut it.
    const len = der[1]! & 0x80 ? der.readUIntBE(2, der[1]! & 0x7f) + 2 + (der[1]! & 0x7f) : der[1]! + 2;
    writeFileSync(cms, der.subarray(0, len));
    writeFileSync(content, Buffer.concat([Buffer.from(bytes).subarray(0, b), Buffer.from(bytes).subarray(c, c + d)]));
    return { cms, content };
  }

  it('is PAdES baseline: signing-certificate-v2, no signing-time, SHA-256, the chain embedded', () => {
    const { cms } = firstSignature(signed);
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cms], { encoding: 'utf8' });
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(printed).toContain('messageDigest');
    expect(printed).not.toContain('signingTime');
    expect(printed).toContain('sha256');
    expect(printed).toContain('Contract Test CA');
    // Detached: the signed bytes are the PDF's, not inside the CMS.
    expect(printed).toContain('eContent: <ABSENT>');
  });

  it('verifies with openssl against the throwaway CA', () => {
    const { cms, content } = firstSignature(signed);
    const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, '-CAfile', pki.ca, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    expect(r.stderr).toContain('Verification successful');
    expect(r.status).toBe(0);
  });
});
