/**
 * A throwaway PKI made at run time (no key material in the repository): a CA, two signers
 * (RSA with a Chinese name, ECDSA P-256), an expired signer, each as a PKCS#12 file.
 * openssl makes the current ones; node-forge the expired one (openssl 3.0 cannot back-date).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { PNG } from 'pngjs';
import { tempDir } from '../cli/run-cli.js';

export const PASSWORD = 'correct horse 电池';

export interface Pki {
  readonly dir: string;
  readonly ca: string;
  /** 甲方: RSA 2048, CN 张三. */
  readonly client: string;
  /** 乙方: ECDSA P-256, CN Li Si. */
  readonly provider: string;
  /** RSA, expired yesterday. */
  readonly expired: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

export function makePki(): Pki {
  const dir = tempDir('contract-pki-');
  writeFileSync(join(dir, 'leaf.ext'), 'keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n');
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '30', '-utf8', '-subj', '/CN=Contract Test CA/O=测试', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const leaf = (name: string, keyArgs: string[], subject: string) => {
    openssl(dir, [...keyArgs]);
    openssl(dir, ['req', '-new', '-key', `${name}.key`, '-out', `${name}.csr`, '-utf8', '-subj', subject]);
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '10', '-extfile', 'leaf.ext']);
    openssl(dir, ['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.crt`, '-certfile', 'ca.crt', '-out', `${name}.p12`, '-passout', 'env:P12_PASSWORD']);
    return join(dir, `${name}.p12`);
  };
  process.env.P12_PASSWORD = PASSWORD;
  const client = leaf('client', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'client.key'], '/CN=张三/O=北京云声科技有限公司');
  const provider = leaf('provider', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'provider.key'], '/CN=Li Si/O=Provider Ltd');
  delete process.env.P12_PASSWORD;
  return { dir, ca: join(dir, 'ca.crt'), client, provider, expired: expiredSigner(dir) };
}

function expiredSigner(dir: string): string {
  const caKey = forge.pki.privateKeyFromPem(readFileSync(join(dir, 'ca.key'), 'utf8'));
  const caCert = forge.pki.certificateFromPem(readFileSync(join(dir, 'ca.crt'), 'utf8'));
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a1b2c';
  cert.validity.notBefore = new Date(Date.now() - 30 * 86400_000);
  cert.validity.notAfter = new Date(Date.now() - 86400_000);
  cert.setSubject([{ shortName: 'CN', value: 'Expired Signer' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.sign(caKey, forge.md.sha256.create());
  // forge writes the legacy 3DES PKCS#12, the other kind of file users bring.
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, caCert], PASSWORD, { algorithm: '3des' });
  const path = join(dir, 'expired.p12');
  writeFileSync(path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return path;
}

/** A red round seal with a ring and a filled centre on a transparent background. */
export function sealPng(size = 240): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c + 0.5, y - c + 0.5);
      const on = (r < c - 2 && r > c - 14) || r < c * 0.3;
      const i = (y * size + x) * 4;
      png.data[i] = 220;
      png.data[i + 1] = 20;
      png.data[i + 2] = 30;
      png.data[i + 3] = on ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}
