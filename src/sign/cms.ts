/**
 * The CMS signature of a PAdES baseline (B-B) signature, built and checked with pkijs: a
 * detached SignedData over the SHA-256 digest of the signed byte ranges, with the signed
 * attributes content-type, message-digest and ESS signing-certificate-v2, and the signer's
 * certificate chain. No signing-time attribute: PAdES puts the claimed time in the
 * signature dictionary's /M (ETSI EN 319 142-1, 5.4.3).
 */
import { X509Certificate, createHash, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Signer } from './certificate.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

let engine: pkijs.CryptoEngine | undefined;
function cryptoEngine(): pkijs.CryptoEngine {
  if (!engine) {
    engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
    pkijs.setEngine('node', engine);
  }
  return engine;
}

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function pkijsCertificate(cert: X509Certificate): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBuffer(cert.raw));
}

const EC_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

async function webCryptoKey(key: KeyObject): Promise<CryptoKey> {
  const der = key.export({ type: 'pkcs8', format: 'der' });
  if (key.asymmetricKeyType === 'ec') {
    const curve = EC_CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    if (!curve) throw new Error(`the elliptic curve ${key.asymmetricKeyDetails?.namedCurve ?? 'of the key'} is not supported (P-256, P-384 and P-521 are)`);
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: curve }, false, ['sign']) as Promise<CryptoKey>;
  }
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>;
}

/** ESS signing-certificate-v2 (RFC 5035): the signer certificate's SHA-256 and issuer/serial. */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames with one directoryName [4]
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; SHA-256 is the default hashAlgorithm, so left out.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: arrayBuffer(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER wants a SET OF in the order of its members' encodings. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

/** A detached CMS SignedData over bytes whose SHA-256 is `digest`. */
export async function createCms(digest: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const crypto = cryptoEngine();
  const leaf = pkijsCertificate(signer.certificate);
  const signedAttrs = derSorted([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leaf, signer.certificate.raw)] }),
  ]);
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
      }),
    ],
    certificates: [leaf, ...signer.chain.map(pkijsCertificate)],
  });
  await signedData.sign(await webCryptoKey(signer.privateKey), 0, 'SHA-256', undefined, crypto);
  const content = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(content.toSchema().toBER());
}

export interface CmsCheck {
  /** The CMS could be decoded as a SignedData with one signer. */
  readonly parsed: boolean;
  readonly signer?: X509Certificate;
  readonly certificates: readonly X509Certificate[];
  /** SHA-256 of the signed bytes equals the message-digest attribute. */
  readonly digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's key. */
  readonly signatureValid: boolean;
  /** ESS signing-certificate(-v2) names the signer certificate (false if absent). */
  readonly signingCertificateMatches: boolean;
  readonly digestAlgorithm?: string;
  readonly problems: readonly string[];
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

function attributeValue(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

/** Checks a detached CMS signature over `signed` (the byte ranges, concatenated). */
export async function checkCms(cms: Uint8Array, signed: Uint8Array): Promise<CmsCheck> {
  const crypto = cryptoEngine();
  const failed = (problem: string): CmsCheck => ({ parsed: false, certificates: [], digestMatches: false, signatureValid: false, signingCertificateMatches: false, problems: [problem] });
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBuffer(cms));
    if (info.contentType !== OID.signedData) return failed('the signature is not a CMS SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return failed(`the signature cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (signedData.signerInfos.length !== 1) return failed(`the signature has ${signedData.signerInfos.length} signers, not one`);
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER())));
  const signerInfo = signedData.signerInfos[0]!;
  const problems: string[] = [];

  const sid = signerInfo.sid;
  const pkiCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerIndex = sid instanceof pkijs.IssuerAndSerialNumber
    ? pkiCerts.findIndex((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
    : pkiCerts.findIndex((c) => Buffer.from(createHash('sha1').update(Buffer.from(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).digest()).equals(Buffer.from((sid as asn1js.OctetString).valueBlock.valueHexView)));
  const signer = signerIndex >= 0 ? certificates[signerIndex] : undefined;
  if (!signer) problems.push('the signer certificate is not embedded in the signature');

  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  let digestMatches = false;
  const md = attributeValue(signerInfo, OID.messageDigest);
  if (!digestName) problems.push(`unknown digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  else if (!(md instanceof asn1js.OctetString)) problems.push('the signature has no message-digest attribute');
  else {
    digestMatches = Buffer.from(createHash(digestName).update(signed).digest()).equals(Buffer.from(md.valueBlock.valueHexView));
    if (!digestMatches) problems.push('the signed bytes were changed after signing (their digest differs)');
  }
  if (digestName === 'sha1') problems.push('the digest algorithm is SHA-1, which is no longer accepted');

  let signatureValid = false;
  if (signer) {
    try {
      const result = await signedData.verify({ signer: 0, data: arrayBuffer(signed), checkChain: false, extendedMode: true }, crypto);
      signatureValid = result.signatureVerified === true;
      if (!signatureValid && digestMatches) problems.push(`the signature value does not verify${result.message ? ` (${result.message})` : ''}`);
    } catch (error) {
      const message = (error as { message?: string }).message ?? String(error);
      if (digestMatches) problems.push(`the signature value does not verify (${message})`);
    }
  }

  let signingCertificateMatches = false;
  const ess = attributeValue(signerInfo, OID.signingCertificateV2);
  if (ess instanceof asn1js.Sequence && signer) {
    try {
      const first = ((ess.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
      const hasAlgorithm = first[0] instanceof asn1js.Sequence;
      const algorithm = hasAlgorithm ? new pkijs.AlgorithmIdentifier({ schema: first[0] }).algorithmId : OID.sha256;
      const hash = first[hasAlgorithm ? 1 : 0] as asn1js.OctetString;
      const name = DIGESTS[algorithm];
      signingCertificateMatches = name !== undefined && Buffer.from(createHash(name).update(signer.raw).digest()).equals(Buffer.from(hash.valueBlock.valueHexView));
    } catch {
      signingCertificateMatches = false;
    }
    if (!signingCertificateMatches) problems.push('the signing-certificate-v2 attribute does not name the signer certificate');
  } else if (signer) {
    problems.push('the signature has no signing-certificate-v2 attribute (PAdES requires it)');
  }
  return { parsed: true, ...(signer ? { signer } : {}), certificates, digestMatches, signatureValid, signingCertificateMatches, ...(digestName ? { digestAlgorithm: digestName } : {}), problems };
}
