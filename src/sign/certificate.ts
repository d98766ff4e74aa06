/**
 * A signer from a PKCS#12 (.p12/.pfx) file: its private key, its certificate and the chain
 * of issuers in the file. node-forge unpacks the file (legacy 3DES/RC2 and AES/PBES2 both,
 * MAC checked); the key and certificates are then handled by node:crypto.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { signError } from './errors.js';

export interface Signer {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
  /** Issuers of the certificate found in the file, nearest first (the root last, if present). */
  readonly chain: readonly X509Certificate[];
}

/** Input of `sign`: a loaded signer, or a PKCS#12 file's bytes and its password. */
export type SignerInput = Signer | { readonly p12: Uint8Array; readonly password: string };

const derOf = (asn: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');

/**
 * forge derives the MAC and legacy keys from the password's UTF-16 code units (right), but
 * hands PBES2's PBKDF2 the JavaScript string as Latin-1 bytes, where OpenSSL and RFC 8018 use
 * UTF-8: a password such as 合同2025 would never open an AES-encrypted file. During the one
 * synchronous parse, PBKDF2 gets the UTF-8 bytes.
 */
function withUtf8Pbkdf2<T>(password: string, parse: () => T): T {
  if (/^[\x00-\x7f]*$/.test(password)) return parse();
  const utf8 = forge.util.encodeUtf8(password);
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: (...args: unknown[]) => unknown };
  const original = pkcs5.pbkdf2;
  pkcs5.pbkdf2 = (p: unknown, ...rest: unknown[]) => original(p === password ? utf8 : p, ...rest);
  try {
    return parse();
  } finally {
    pkcs5.pbkdf2 = original;
  }
}

export function loadP12(p12: Uint8Array, password: string): Signer {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn = forge.asn1.fromDer(Buffer.from(p12).toString('binary'), false);
    parsed = withUtf8Pbkdf2(password, () => forge.pkcs12.pkcs12FromAsn1(asn, false, password));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC|decrypt/i.test(message)) {
      throw signError('p12-password', 'the password does not open the certificate file (PKCS#12)', '密码无法打开证书文件（PKCS#12）', {
        en: 'give the password in the environment variable named by --password-env, or type it at the prompt',
        zh: '请用 --password-env 指定的环境变量提供密码，或在提示时输入',
      });
    }
    throw signError('p12-unreadable', `the certificate file is not a readable PKCS#12 (.p12/.pfx) file: ${message}`, `证书文件不是可读取的 PKCS#12（.p12/.pfx）文件：${message}`);
  }

  const keys: KeyObject[] = [];
  const certs: X509Certificate[] = [];
  for (const safe of parsed.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
        // forge decodes RSA keys; any other key type comes back as its PrivateKeyInfo.
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
        if (info) keys.push(createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' }));
      } else if (bag.type === forge.pki.oids.certBag) {
        const asn = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
        if (asn) certs.push(new X509Certificate(derOf(asn)));
      }
    }
  }
  if (keys.length === 0) throw signError('p12-no-key', 'the certificate file holds no private key', '证书文件中没有私钥');
  if (keys.length > 1) throw signError('p12-many-keys', 'the certificate file holds more than one private key: export one signer per file', '证书文件中有多个私钥：请每个文件只导出一个签署人');
  const privateKey = keys[0]!;
  const type = privateKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') {
    throw signError('p12-key-type', `the key type ${type ?? 'unknown'} is not supported (RSA and ECDSA are)`, `不支持的密钥类型 ${type ?? '未知'}（支持 RSA 与 ECDSA）`);
  }
  const certificate = certs.find((c) => c.checkPrivateKey(privateKey));
  if (!certificate) throw signError('p12-no-certificate', 'the certificate file has no certificate for its private key', '证书文件中没有与私钥匹配的证书');
  return { privateKey, certificate, chain: issuerChain(certificate, certs) };
}

/** Follows issuers through the given certificates, nearest first, stopping at a self-signed one. */
export function issuerChain(leaf: X509Certificate, pool: readonly X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current = leaf;
  while (chain.length < 10) {
    if (current.checkIssued(current)) break;
    const issuer = pool.find((c) => c !== current && !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

export function resolveSigner(input: SignerInput): Signer {
  return 'p12' in input ? loadP12(input.p12, input.password) : input;
}

/** The subject's common name (CN), or the whole subject when there is none. */
export function commonName(cert: X509Certificate): string {
  const cn = cert.subject.split('\n').find((line) => line.startsWith('CN='));
  return cn ? cn.slice(3) : cert.subject.replace(/\n/g, ', ');
}
