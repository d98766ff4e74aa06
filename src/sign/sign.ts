/**
 * sign(): fills one of the contract's signature fields with a PAdES baseline signature, as an
 * incremental update. The update holds the signature dictionary, a new version of the field
 * (its /V, and its appearance when a seal is given), the appearance's objects, and the form
 * when its /SigFlags need setting. The signed byte ranges cover the whole file except the
 * signature's own /Contents.
 */
import { createHash } from 'node:crypto';
import { commonName, resolveSigner, type Signer, type SignerInput } from './certificate.js';
import { createCms } from './cms.js';
import { signError } from './errors.js';
import { IncrementalUpdate } from './incremental.js';
import { PdfFile, signatureFields, type SignatureField } from './pdf-file.js';
import { PdfRaw, PdfRef, dict, name, pdfDate, textOf, textString, type PdfWritable } from './pdf-objects.js';
import { assertOurs, generationInfo } from './provenance.js';
import { writeSealAppearance } from './seal.js';
import { revisionProblems } from './verify.js';

export interface SignOptions {
  /** PNG bytes of the seal (电子印章) to draw in the field, with the signer's name and the time. */
  readonly seal?: Uint8Array;
  /** The signing time claimed in the signature (/M); default now. */
  readonly time?: Date;
  readonly reason?: string;
  readonly location?: string;
  /** Sign with a certificate outside its validity period (for tests and archives only). */
  readonly allowExpired?: boolean;
}

const BYTE_RANGE_WIDTH = 10;
/** Room for the CMS beyond its measured size (an ECDSA signature's length varies by a few bytes). */
const CONTENTS_MARGIN = 1024;

export function checkValidity(signer: Signer, at: Date, allowExpired: boolean): void {
  const from = new Date(signer.certificate.validFrom);
  const to = new Date(signer.certificate.validTo);
  if (allowExpired) return;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (at > to) {
    throw signError('certificate-expired', `the certificate of ${commonName(signer.certificate)} expired on ${day(to)}`, `${commonName(signer.certificate)} 的证书已于 ${day(to)} 过期`, {
      en: 'sign with a current certificate (--allow-expired exists for tests only)',
      zh: '请使用有效期内的证书（--allow-expired 仅供测试）',
    });
  }
  if (at < from) {
    throw signError('certificate-not-yet-valid', `the certificate of ${commonName(signer.certificate)} is valid only from ${day(from)}`, `${commonName(signer.certificate)} 的证书自 ${day(from)} 起才生效`);
  }
}

export function findField(file: PdfFile, field: string): SignatureField {
  const fields = signatureFields(file);
  const found = fields.find((f) => f.name === field);
  if (!found) {
    const list = fields.map((f) => `${f.name}${f.value ? ' (signed)' : ''}`).join(', ');
    const listZh = fields.map((f) => `${f.name}${f.value ? '（已签）' : ''}`).join('、');
    throw signError('unknown-field', `the PDF has no signature field "${field}"`, `PDF 中没有签名域“${field}”`, {
      en: fields.length > 0 ? `its signature fields: ${list}` : 'the PDF has no signature fields',
      zh: fields.length > 0 ? `其签名域为：${listZh}` : 'PDF 中没有签名域',
    });
  }
  if (found.value) {
    const sig = file.dictAt(found.value);
    const who = textOf(sig?.get('Name'));
    throw signError('field-signed', `the field "${field}" is already signed${who ? ` by ${who}` : ''}`, `签名域“${field}”已签署${who ? `（${who}）` : ''}`, {
      en: 'each field takes one signature; the other party signs its own field',
      zh: '每个签名域只能签一次；另一方请签其自己的签名域',
    });
  }
  return found;
}

function fieldBox(field: SignatureField): { width: number; height: number } {
  const rect = field.dict.get('Rect');
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((v) => typeof v === 'number')) {
    throw signError('pdf-unreadable', `the field "${field.name}" has no usable /Rect`, `签名域“${field.name}”没有可用的 /Rect`);
  }
  const [x1, y1, x2, y2] = rect as number[];
  return { width: Math.abs(x2! - x1!), height: Math.abs(y2! - y1!) };
}

/** Seal text: the signer's name and the signing time in China Standard Time, as printed on the page. */
export function sealLines(signerName: string, time: Date): string[] {
  const cst = new Date(time.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
  return [signerName, `${cst} (UTC+8)`];
}

/**
 * Everything about the PDF and the field that can refuse a signature, checked before any
 * certificate is opened (so that a wrong field name fails before a password is asked for).
 */
export function checkSignable(pdf: Uint8Array | PdfFile, field: string): { file: PdfFile; target: SignatureField } {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  assertOurs(file);
  if (generationInfo(file).draft) {
    throw signError('pdf-draft', 'the PDF is a draft (草稿 DRAFT): it may have blanks to fill in and must not be signed', '此 PDF 是草稿：可能有待填空白，不得签署', {
      en: 'generate it without --draft, then sign',
      zh: '请不带 --draft 重新生成后再签署',
    });
  }
  const changes = [...revisionProblems(file).values()].flat();
  if (changes.length > 0) {
    throw signError('pdf-changed', `the PDF was changed after it was generated, other than by signatures: ${changes[0]!.en}`, `此 PDF 生成后除签名外还被修改过：${changes[0]!.zh}`, {
      en: 'sign the PDF as generated (contract verify shows what changed)',
      zh: '请签署生成时的 PDF（contract verify 可显示改动）',
    });
  }
  return { file, target: findField(file, field) };
}

export async function sign(pdf: Uint8Array, signerInput: SignerInput, field: string, options: SignOptions = {}): Promise<Uint8Array> {
  const { file, target } = checkSignable(pdf, field);
  const signer = resolveSigner(signerInput);
  const time = options.time ?? new Date();
  checkValidity(signer, time, options.allowExpired === true);
  const signerName = commonName(signer.certificate);

  // The CMS is measured once with a dummy digest, so that /Contents is reserved to fit.
  const probe = await createCms(new Uint8Array(32), signer);
  const reserved = probe.length + CONTENTS_MARGIN;

  const update = new IncrementalUpdate(file);
  const sigRef = update.allocate();
  const blank = ' '.repeat(BYTE_RANGE_WIDTH);
  update.put(
    sigRef,
    dict({
      Type: name('Sig'),
      Filter: name('Adobe.PPKLite'),
      SubFilter: name('ETSI.CAdES.detached'),
      ByteRange: new PdfRaw(`[0 ${blank} ${blank} ${blank}]`),
      Contents: new PdfRaw(`<${'0'.repeat(reserved * 2)}>`),
      M: textString(pdfDate(time)),
      Name: textString(signerName),
      Reason: options.reason !== undefined ? textString(options.reason) : undefined,
      Location: options.location !== undefined ? textString(options.location) : undefined,
    }),
  );

  const fieldDict = new Map<string, PdfWritable>(target.dict);
  fieldDict.set('V', sigRef);
  if (options.seal) {
    const { width, height } = fieldBox(target);
    fieldDict.set('AP', dict({ N: writeSealAppearance(update, options.seal, width, height, sealLines(signerName, time)) }));
  }
  update.put(target.ref, fieldDict);

  const formRef = file.catalog().get('AcroForm');
  const form = file.dictAt(formRef);
  if (form && form.get('SigFlags') !== 3) {
    if (!(formRef instanceof PdfRef)) throw signError('pdf-not-ours', 'the form dictionary is not an indirect object: this PDF was not generated by contract', '表单字典不是间接对象：此 PDF 不是 contract 生成的');
    update.put(formRef, new Map<string, PdfWritable>([...form, ['SigFlags', 3]]));
  }

  const { bytes, offsets } = update.write();
  const sigOffset = offsets.get(sigRef.num)!;
  const objectText = bytes.subarray(sigOffset, sigOffset + 400 + reserved * 2).toString('latin1');
  const contentsAt = sigOffset + objectText.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + reserved * 2 + 2;
  const rangeAt = sigOffset + objectText.indexOf('/ByteRange [0 ') + '/ByteRange [0 '.length;
  const byteRange = [contentsAt, contentsEnd, bytes.length - contentsEnd];
  const rangeText = byteRange.map((n) => String(n).padEnd(BYTE_RANGE_WIDTH, ' ')).join(' ');
  if (byteRange.some((n) => String(n).length > BYTE_RANGE_WIDTH)) throw signError('pdf-too-large', 'the PDF is too large to sign', 'PDF 过大，无法签署');
  bytes.write(rangeText, rangeAt, 'latin1');

  const digest = createHash('sha256').update(bytes.subarray(0, contentsAt)).update(bytes.subarray(contentsEnd)).digest();
  const cms = await createCms(digest, signer);
  if (cms.length > reserved) throw new Error(`the signature (${cms.length} bytes) is larger than the space reserved for it (${reserved})`);
  bytes.write(Buffer.from(cms).toString('hex'), contentsAt + 1, 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
