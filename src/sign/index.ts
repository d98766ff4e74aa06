/** Signing and verifying contract PDFs: PDF bytes and certificates in, PDF bytes or a report out. */
export { sign, checkSignable, type SignOptions } from './sign.js';
export { verify, type VerifyReport, type SignatureReport, type ParamsCheck, type VerifyOptions, type VerifyParams } from './verify.js';
export { loadP12, commonName, type Signer, type SignerInput } from './certificate.js';
export { signatureFieldNames } from './fields.js';
export { decodeSeal as checkSeal } from './seal.js';
