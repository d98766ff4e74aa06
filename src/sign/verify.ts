/**
 * verify(): every signature of a contract PDF, checked on its own and against the revisions
 * that follow it. A signature holds when its CMS is valid over its byte ranges, those ranges
 * cover the whole file up to the end of its revision (less its own /Contents), its
 * certificate was valid at the time it claims, and every later revision only adds a later
 * signature. With params, the first revision must be exactly what they generate.
 */
import * as asn1js from 'asn1js';
import { text, type LocalizedText } from '../diagnostics.js';
import { commonName } from './certificate.js';
import { checkCms } from './cms.js';
import { PdfFile, signatureFields, type SignatureField } from './pdf-file.js';
import { PdfName, PdfRef, PdfString, isDict, parsePdfDate, textOf, type PdfDict, type PdfValue } from './pdf-objects.js';
import { asName } from './pdf-parse.js';
import { assertOurs, generationInfo, type GenerationInfo } from './provenance.js';

export interface SignatureReport {
  readonly field: string;
  /** The signer certificate's subject CN. */
  readonly signer?: string;
  readonly subject?: string;
  readonly issuer?: string;
  /** The time the signature claims (/M), ISO 8601. */
  readonly signingTime?: string;
  readonly subFilter?: string;
  /** The revision whose end the signature's byte ranges reach: 1 is the file as generated, 2 the first signature's update, … */
  readonly revision?: number;
  /** The CMS verifies over the signed bytes (digest, signature value, signing-certificate). */
  readonly valid: boolean;
  /** The signed bytes are the whole file up to the end of this signature's revision, less /Contents. */
  readonly coversRevision: boolean;
  /** Nothing after this signature's revision but later signatures. */
  readonly unchangedSince: boolean;
  /** The certificate's validity period includes the signing time. */
  readonly certificateValidAtSigning: boolean;
  readonly ok: boolean;
  readonly problems: readonly LocalizedText[];
}

export interface ParamsCheck {
  readonly ok: boolean;
  readonly generatedBy?: string;
  readonly date: string;
  readonly draft: boolean;
  readonly pdfa: boolean;
  readonly problems: readonly LocalizedText[];
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly revisions: number;
  readonly signatures: readonly SignatureReport[];
  /** Signature fields nobody has signed yet (not a problem). */
  readonly unsignedFields: readonly string[];
  /** Problems of the file as a whole (unsigned changes, no signature at all). */
  readonly problems: readonly LocalizedText[];
  readonly params?: ParamsCheck;
}

export interface VerifyOptions {
  /** Override templates the contract was generated with (`gen --templates`). */
  readonly templatesDir?: string;
}

/** The params the first revision is compared with: YAML text, a loaded file, or a plain object. */
export type VerifyParams = import('../pipeline.js').ParamsInput;

export interface SignatureAt {
  readonly field: SignatureField;
  readonly sigRef: PdfRef;
  readonly dict?: PdfDict;
  /** Index into file.revisions of the revision whose end the byte ranges reach, if any. */
  readonly revision?: number;
}

function byteRangeOf(dict: PdfDict | undefined): number[] | undefined {
  const br = dict?.get('ByteRange');
  if (!Array.isArray(br) || br.length !== 4 || !br.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)) return undefined;
  return br as number[];
}

/** DER length of the CMS at the start of /Contents (the rest is zero padding). */
function trimCms(contents: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(contents);
  return parsed.offset > 0 ? contents.subarray(0, parsed.offset) : contents;
}

const dictKeys = (d: PdfDict) => [...d.keys()];

function sameValue(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a instanceof PdfName && b instanceof PdfName) return a.name === b.name;
  if (a instanceof PdfRef && b instanceof PdfRef) return a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString && b instanceof PdfString) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isDict(a ?? undefined) && isDict(b ?? undefined)) {
    const x = a as PdfDict;
    const y = b as PdfDict;
    return x.size === y.size && dictKeys(x).every((k) => sameValue(x.get(k), y.get(k)));
  }
  return false;
}

/** Keys whose values differ between two versions of a dictionary. */
function changedKeys(before: PdfDict, after: PdfDict): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !sameValue(before.get(k), after.get(k)));
}

/**
 * What revision `rev` changed that a signature update does not: an existing object other
 * than a signature field getting its /V (and appearance) or the form getting /SigFlags, a
 * freed object, or a new document catalog or information dictionary. New objects are inert
 * unless something existing points at them, so they are not counted themselves.
 */
function nonSignatureChanges(file: PdfFile, rev: number): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const before = rev - 1;
  const oldSize = file.size(before);
  for (const key of ['Root', 'Info'] as const) {
    if (!sameValue(file.trailer(before).get(key), file.trailer(rev).get(key))) {
      problems.push(text(`revision ${rev + 1} replaces the document's /${key}`, `第 ${rev + 1} 版替换了文档的 /${key}`));
    }
  }
  for (const [num, entry] of file.revisions[rev]!.entries) {
    if (num === 0) continue;
    if (entry.free) {
      problems.push(text(`revision ${rev + 1} deletes object ${num}`, `第 ${rev + 1} 版删除了对象 ${num}`));
      continue;
    }
    if (num >= oldSize) continue;
    const prev = file.entry(num, before);
    const ref = new PdfRef(num, entry.gen);
    const oldValue = prev && !prev.free ? file.object(new PdfRef(num, prev.gen), before)?.value : undefined;
    const newValue = file.object(ref, rev)?.value;
    const oldDict = isDict(oldValue ?? undefined) ? (oldValue as PdfDict) : undefined;
    const newDict = isDict(newValue ?? undefined) ? (newValue as PdfDict) : undefined;
    const what = describe(oldDict);
    if (oldDict && newDict) {
      const changed = changedKeys(oldDict, newDict);
      const isSigField = asName(oldDict.get('FT')) === 'Sig' && asName(newDict.get('FT')) === 'Sig';
      if (isSigField && !oldDict.has('V') && changed.every((k) => k === 'V' || k === 'AP')) continue;
      if (isSigField && changed.length === 0) continue;
      const isForm = file.catalog(before).get('AcroForm') instanceof PdfRef && (file.catalog(before).get('AcroForm') as PdfRef).num === num;
      if (isForm && changed.every((k) => k === 'SigFlags')) continue;
      problems.push(text(`revision ${rev + 1} changes ${what} (object ${num}: ${changed.join(', ') || 'its stream'})`, `第 ${rev + 1} 版修改了${what}（对象 ${num}：${changed.join('、') || '其数据流'}）`));
    } else {
      problems.push(text(`revision ${rev + 1} replaces object ${num}`, `第 ${rev + 1} 版替换了对象 ${num}`));
    }
  }
  return problems;
}

function describe(d: PdfDict | undefined): string {
  const type = asName(d?.get('Type'));
  if (type === 'Page') return 'a page';
  if (type === 'Catalog') return 'the document catalog';
  if (type === 'Annot') return `an annotation${textOf(d?.get('T')) ? ` (${textOf(d?.get('T'))})` : ''}`;
  return type ? `a /${type} object` : 'an object';
}

/** The signatures of the form, each with the revision its byte ranges end at (oldest first). */
function signaturesOf(file: PdfFile, fields: readonly SignatureField[]): SignatureAt[] {
  const revisionEnds = file.revisions.map((r) => r.end);
  return fields
    .filter((f): f is SignatureField & { value: PdfRef } => f.value !== undefined)
    .map((field) => {
      const dict = file.dictAt(field.value);
      const br = byteRangeOf(dict);
      const end = br ? br[2]! + br[3]! : -1;
      const revision = revisionEnds.indexOf(end);
      return { field, sigRef: field.value, ...(dict ? { dict } : {}), ...(revision >= 0 ? { revision } : {}) };
    })
    .sort((a, b) => (a.revision ?? Infinity) - (b.revision ?? Infinity));
}

/**
 * What each revision after the first did besides adding a signature: a revision is a
 * signature update when a signature's byte ranges end with it and it changes nothing else.
 * (Structure only: whether the signatures verify is checked separately.)
 */
export function revisionProblems(file: PdfFile, signed: readonly SignatureAt[] = signaturesOf(file, signatureFields(file))): Map<number, LocalizedText[]> {
  const out = new Map<number, LocalizedText[]>();
  for (let rev = 1; rev < file.revisions.length; rev++) {
    const problems = nonSignatureChanges(file, rev);
    if (!signed.some((s) => s.revision === rev)) problems.unshift(text(`revision ${rev + 1} is not a signature: it was added unsigned`, `第 ${rev + 1} 版不是签名：它是未签名的追加内容`));
    out.set(rev, problems);
  }
  return out;
}

export async function verify(pdf: Uint8Array, params?: VerifyParams, options: VerifyOptions = {}): Promise<VerifyReport> {
  const file = new PdfFile(pdf);
  assertOurs(file);
  const fields = signatureFields(file);
  const signed = signaturesOf(file, fields);
  const problemsByRevision = revisionProblems(file, signed);

  const signatures: SignatureReport[] = [];
  for (const s of signed) signatures.push(await checkSignature(file, s, problemsByRevision));

  const problems: LocalizedText[] = [];
  const last = file.revisions[file.latest]!;
  if (pdf.length > last.end && !/^\s*$/.test(Buffer.from(pdf.subarray(last.end)).toString('latin1'))) {
    problems.push(text(`${pdf.length - last.end} bytes follow the end of the last revision`, `最后一版结束后还有 ${pdf.length - last.end} 个字节`));
  }
  for (const list of problemsByRevision.values()) problems.push(...list);
  if (signed.length === 0) problems.push(text('the PDF carries no signature', 'PDF 中没有任何签名'));

  const paramsCheck = params !== undefined ? await checkParams(file, params, options) : undefined;
  const ok = problems.length === 0 && signatures.every((s) => s.ok) && (paramsCheck?.ok ?? true);
  return {
    ok,
    revisions: file.revisions.length,
    signatures,
    unsignedFields: fields.filter((f) => !f.value).map((f) => f.name),
    problems: dedupe(problems),
    ...(paramsCheck ? { params: paramsCheck } : {}),
  };
}

function dedupe(list: LocalizedText[]): LocalizedText[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.en) && seen.add(p.en) !== undefined);
}

async function checkSignature(file: PdfFile, s: SignatureAt, revisionProblems: ReadonlyMap<number, LocalizedText[]>): Promise<SignatureReport> {
  const problems: LocalizedText[] = [];
  const dict = s.dict;
  const time = parsePdfDate(textOf(dict?.get('M')));
  const subFilter = asName(dict?.get('SubFilter'));
  const base = { field: s.field.name, ...(time ? { signingTime: time.toISOString() } : {}), ...(subFilter ? { subFilter } : {}) };
  const fail = (p: LocalizedText): SignatureReport => ({ ...base, valid: false, coversRevision: false, unchangedSince: false, certificateValidAtSigning: false, ok: false, problems: [p] });
  if (!dict || (dict.has('Type') && asName(dict.get('Type')) !== 'Sig')) return fail(text('the field\'s value is not a signature dictionary', '签名域的值不是签名字典'));
  const br = byteRangeOf(dict);
  const contents = dict.get('Contents');
  if (!br || !(contents instanceof PdfString)) return fail(text('the signature has no usable /ByteRange or /Contents', '签名没有可用的 /ByteRange 或 /Contents'));
  if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') {
    return fail(text(`the signature format ${subFilter ?? '(none)'} is not supported (ETSI.CAdES.detached and adbe.pkcs7.detached are)`, `不支持的签名格式 ${subFilter ?? '（无）'}`));
  }

  const bytes = file.bytes;
  const [a, b, c, d] = br as [number, number, number, number];
  // Coverage: from byte 0, one gap that is exactly this signature's /Contents string, to the end of a revision.
  const sigObject = file.entry(s.sigRef.num);
  const objEnd = sigObject ? file.object(s.sigRef)?.end ?? -1 : -1;
  const gapIsContents =
    a === 0 && b > 0 && c > b && c + d <= bytes.length &&
    bytes[b] === 0x3c && bytes[c - 1] === 0x3e &&
    sigObject !== undefined && b > sigObject.offset && c < objEnd &&
    Buffer.from(bytes.subarray(b + 1, c - 1)).toString('latin1').replace(/\s/g, '').toLowerCase() === Buffer.from(contents.bytes).toString('hex');
  const coversRevision = gapIsContents && s.revision !== undefined;
  if (!gapIsContents) problems.push(text('the signed byte ranges leave out more than the signature itself', '签名的字节范围遗漏了签名本身以外的内容'));
  else if (s.revision === undefined) problems.push(text('the signed byte ranges do not end at the end of a revision', '签名的字节范围未在某一版的结尾处结束'));

  const signedBytes = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, Math.min(bytes.length, c + d))]);
  const cms = await checkCms(trimCms(contents.bytes), signedBytes);
  const valid = cms.parsed && cms.digestMatches && cms.signatureValid && cms.signingCertificateMatches;
  for (const p of cms.problems) problems.push(text(p, cmsProblemZh(p)));

  let certificateValidAtSigning = false;
  if (cms.signer && time) {
    certificateValidAtSigning = time >= new Date(cms.signer.validFrom) && time <= new Date(cms.signer.validTo);
    if (!certificateValidAtSigning) problems.push(text(`the certificate was not valid at the signing time (valid ${cms.signer.validFrom} to ${cms.signer.validTo})`, `签署时证书不在有效期内（有效期 ${cms.signer.validFrom} 至 ${cms.signer.validTo}）`));
  } else if (!time) problems.push(text('the signature records no signing time (/M)', '签名未记录签署时间（/M）'));

  let unchangedSince = s.revision !== undefined;
  if (s.revision !== undefined) {
    for (let rev = s.revision + 1; rev < file.revisions.length; rev++) {
      const list = revisionProblems.get(rev) ?? [];
      if (list.length > 0) {
        unchangedSince = false;
        problems.push(text(`changed after signing: ${list[0]!.en}`, `签署后被修改：${list[0]!.zh}`));
      }
    }
  }
  const signer = cms.signer;
  return {
    ...base,
    ...(signer ? { signer: commonName(signer), subject: signer.subject.replace(/\n/g, ', '), issuer: signer.issuer.replace(/\n/g, ', ') } : {}),
    ...(s.revision !== undefined ? { revision: s.revision + 1 } : {}),
    valid,
    coversRevision,
    unchangedSince,
    certificateValidAtSigning,
    ok: valid && coversRevision && unchangedSince && certificateValidAtSigning && problems.length === 0,
    problems,
  };
}

function cmsProblemZh(en: string): string {
  if (en.startsWith('the signed bytes were changed')) return '签署后的内容被改动（摘要不符）';
  if (en.startsWith('the signature value does not verify')) return `签名值验证失败${en.slice('the signature value does not verify'.length)}`;
  if (en.startsWith('the signer certificate is not embedded')) return '签名中没有签署人证书';
  if (en.includes('signing-certificate-v2')) return en.includes('no ') ? '签名缺少 signing-certificate-v2 属性（PAdES 要求）' : 'signing-certificate-v2 属性与签署人证书不符';
  if (en.includes('SHA-1')) return '摘要算法为 SHA-1，已不再接受';
  return `签名无法解析：${en}`;
}

async function checkParams(file: PdfFile, params: VerifyParams, options: VerifyOptions): Promise<ParamsCheck> {
  const info: GenerationInfo = generationInfo(file);
  const { generate } = await import('../pipeline.js');
  const { packageVersion } = await import('../package-root.js');
  const regenerated = await generate(params, {
    formats: ['pdf'],
    sourceDateEpoch: Math.floor(info.date.getTime() / 1000),
    draft: info.draft,
    pdfa: info.pdfa,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
  });
  const expected = regenerated.outputs[0]!.data;
  const first = file.bytes.subarray(0, file.revisions[0]!.end);
  const problems: LocalizedText[] = [];
  if (!Buffer.from(expected).equals(Buffer.from(first))) {
    let at = 0;
    while (at < expected.length && at < first.length && expected[at] === first[at]) at++;
    problems.push(text(
      `the first revision is not what these params generate (they differ from byte ${at}; ${first.length} bytes in the file, ${expected.length} generated)`,
      `第一版与这些参数生成的结果不同（自第 ${at} 字节起不同；文件中 ${first.length} 字节，生成 ${expected.length} 字节）`,
    ));
    const ours = packageVersion();
    if (info.version !== undefined && info.version !== ours) {
      problems.push(text(`the file was generated by contract ${info.version}, this is contract ${ours}: check with that version`, `文件由 contract ${info.version} 生成，当前为 ${ours}：请用该版本核对`));
    }
  }
  return { ok: problems.length === 0, ...(info.version ? { generatedBy: `contract ${info.version}` } : {}), date: info.date.toISOString(), draft: info.draft, pdfa: info.pdfa, problems };
}

export type { GenerationInfo };
