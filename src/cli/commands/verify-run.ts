import { ContractError, text, type LocalizedText, type Locale } from '../../diagnostics.js';
import { loadParamsFile } from '../../params/index.js';
import { inFile } from '../../sign/errors.js';
import { verify, type VerifyReport } from '../../sign/index.js';
import { detectLocale } from '../locale.js';
import type { CommandResult } from '../run.js';
import { LIMITS, readInputFile } from './sign-input.js';

export interface VerifyCommandOptions {
  params?: string;
  templates?: string;
  json?: boolean;
}

export async function runVerify(input: string, options: VerifyCommandOptions): Promise<CommandResult> {
  const locale = detectLocale();
  if (options.templates !== undefined && options.params === undefined) {
    throw new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text('--templates needs --params', '--templates 须与 --params 一起使用') }]);
  }
  const pdf = readInputFile(input, LIMITS.pdf, { en: 'the PDF', zh: 'PDF 文件' });
  const params = options.params !== undefined ? await loadParamsFile(options.params) : undefined;
  let report: VerifyReport;
  try {
    report = await verify(pdf, params, options.templates !== undefined ? { templatesDir: options.templates } : {});
  } catch (error) {
    throw inFile(error, input);
  }
  const stdout = options.json ? `${JSON.stringify(jsonReport(input, report, locale), null, 2)}\n` : humanReport(input, options.params, report, locale);
  return { exitCode: report.ok ? 0 : 1, stdout };
}

const pick = (list: readonly LocalizedText[], locale: Locale) => list.map((p) => p[locale]);

function jsonReport(file: string, report: VerifyReport, locale: Locale) {
  return {
    file,
    ok: report.ok,
    revisions: report.revisions,
    signatures: report.signatures.map((s) => ({ ...s, problems: pick(s.problems, locale) })),
    unsignedFields: report.unsignedFields,
    problems: pick(report.problems, locale),
    ...(report.params ? { params: { ...report.params, problems: pick(report.params.problems, locale) } } : {}),
  };
}

function humanReport(file: string, paramsFile: string | undefined, report: VerifyReport, locale: Locale): string {
  const zh = locale === 'zh';
  const yes = (b: boolean) => (zh ? (b ? '是' : '否') : b ? 'yes' : 'NO');
  const lines: string[] = [];
  lines.push(zh ? `${file}：${report.revisions} 版，${report.signatures.length} 个签名` : `${file}: ${report.revisions} revision(s), ${report.signatures.length} signature(s)`);
  for (const s of report.signatures) {
    lines.push('');
    lines.push(`  ${s.field}: ${s.signer ?? (zh ? '（未知签署人）' : '(unknown signer)')}${s.signingTime ? `, ${s.signingTime}` : ''}${s.revision !== undefined ? (zh ? `，第 ${s.revision} 版` : `, revision ${s.revision}`) : ''}`);
    if (s.issuer) lines.push(`    ${zh ? '颁发者' : 'issuer'}: ${s.issuer}`);
    lines.push(`    ${zh ? '签名有效' : 'signature valid'}: ${yes(s.valid)}`);
    lines.push(`    ${zh ? '覆盖至本版结尾的全部内容' : 'covers the whole file up to its revision'}: ${yes(s.coversRevision)}`);
    lines.push(`    ${zh ? '其后仅追加了签名' : 'nothing but signatures added after it'}: ${yes(s.unchangedSince)}`);
    lines.push(`    ${zh ? '签署时证书在有效期内' : 'certificate valid at signing time'}: ${yes(s.certificateValidAtSigning)}`);
    for (const p of s.problems) lines.push(`    ${zh ? '问题' : 'problem'}: ${p[locale]}`);
  }
  if (report.unsignedFields.length > 0) lines.push('', `  ${zh ? '未签署的签名域' : 'unsigned fields'}: ${report.unsignedFields.join(zh ? '、' : ', ')}`);
  for (const p of report.problems) lines.push('', `  ${zh ? '问题' : 'problem'}: ${p[locale]}`);
  if (report.params) {
    const p = report.params;
    lines.push('');
    lines.push(
      p.ok
        ? zh
          ? `  参数：第一版与 ${paramsFile} 生成的结果逐字节一致（${p.generatedBy ?? 'contract'}，日期 ${p.date}${p.draft ? '，草稿' : ''}${p.pdfa ? '，PDF/A' : ''}）`
          : `  params: the first revision is exactly what ${paramsFile} generates (${p.generatedBy ?? 'contract'}, date ${p.date}${p.draft ? ', draft' : ''}${p.pdfa ? ', PDF/A' : ''})`
        : zh
          ? `  参数：第一版不是 ${paramsFile} 生成的结果`
          : `  params: the first revision is NOT what ${paramsFile} generates`,
    );
    for (const q of p.problems) lines.push(`    ${zh ? '问题' : 'problem'}: ${q[locale]}`);
  }
  lines.push('', report.ok ? (zh ? '结论：全部通过' : 'result: OK') : zh ? '结论：未通过' : 'result: FAILED');
  return `${lines.join('\n')}\n`;
}
