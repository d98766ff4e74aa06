import { resolve } from 'node:path';
import { ContractError, text } from '../../diagnostics.js';
import { writeFileAtomic } from '../../output/atomic-write.js';
import { inFile } from '../../sign/errors.js';
import { checkSeal, checkSignable, commonName, loadP12, sign } from '../../sign/index.js';
import { detectLocale } from '../locale.js';
import { createReporter } from '../report.js';
import type { CommandResult } from '../run.js';
import { LIMITS, readInputFile } from './sign-input.js';
import { readPassword } from './sign-password.js';

export interface SignCommandOptions {
  p12: string;
  field: string;
  out: string;
  passwordEnv?: string;
  seal?: string;
  reason?: string;
  location?: string;
  allowExpired?: boolean;
  quiet?: boolean;
}

export async function runSign(input: string, options: SignCommandOptions): Promise<CommandResult> {
  const locale = detectLocale();
  const reporter = createReporter({ locale, quiet: options.quiet === true });
  const pdf = readInputFile(input, LIMITS.pdf, { en: 'the PDF', zh: 'PDF 文件' });
  const p12 = readInputFile(options.p12, LIMITS.p12, { en: 'the certificate file', zh: '证书文件' });
  const seal = options.seal !== undefined ? readInputFile(options.seal, LIMITS.seal, { en: 'the seal image', zh: '印章图片' }) : undefined;

  // The PDF is checked before the password is asked for: a wrong field name fails at once.
  try {
    checkSignable(pdf, options.field);
  } catch (error) {
    throw inFile(error, input);
  }
  if (seal) {
    try {
      checkSeal(seal);
    } catch (error) {
      throw inFile(error, options.seal!);
    }
  }

  const password = await readPassword(options.passwordEnv, locale === 'zh' ? `${options.p12} 的密码：` : `Password for ${options.p12}: `);
  let signer;
  try {
    signer = loadP12(p12, password);
  } catch (error) {
    throw inFile(error, options.p12);
  }
  let signed: Uint8Array;
  try {
    signed = await sign(pdf, signer, options.field, {
      ...(seal ? { seal } : {}),
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
      ...(options.location !== undefined ? { location: options.location } : {}),
      ...(options.allowExpired ? { allowExpired: true } : {}),
    });
  } catch (error) {
    const aboutCertificate = error instanceof ContractError && error.diagnostics.some((d) => d.code.startsWith('certificate-'));
    throw inFile(error, aboutCertificate ? options.p12 : input);
  }
  try {
    await writeFileAtomic(options.out, signed);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ContractError([{ kind: 'io', severity: 'error', code: 'write-failed', file: options.out, message: text(`could not write ${resolve(options.out)} (${reason})`, `无法写入 ${resolve(options.out)}（${reason}）`) }]);
  }
  const who = commonName(signer.certificate);
  reporter.info(locale === 'zh' ? `已签署 ${options.field}（${who}）：${options.out}` : `signed ${options.field} as ${who}: ${options.out}`);
  return { exitCode: 0, stdout: '' };
}
