/** Reading the files named to `sign` and `verify`: bounded, regular files only, clear messages. */
import { ContractError, text, type DiagnosticKind } from '../../diagnostics.js';
import { readBounded } from '../../io/read-bounded.js';

export const LIMITS = {
  pdf: 64 * 1024 * 1024,
  p12: 1024 * 1024,
  seal: 8 * 1024 * 1024,
} as const;

function fail(kind: DiagnosticKind, code: string, file: string, en: string, zh: string): never {
  throw new ContractError([{ kind, severity: 'error', code, file, message: text(en, zh) }]);
}

/** `what` names the file in messages: "the PDF", "the certificate file", … */
export function readInputFile(path: string, maxBytes: number, what: { en: string; zh: string }): Buffer {
  const result = readBounded(path, maxBytes);
  if (result.ok) return result.data;
  switch (result.reason) {
    case 'missing':
      return fail('input', 'cannot-read', path, `cannot read ${what.en}: no such file`, `无法读取${what.zh}：文件不存在`);
    case 'is-directory':
      return fail('input', 'cannot-read', path, `cannot read ${what.en}: it is a directory`, `无法读取${what.zh}：这是一个目录`);
    case 'not-a-file':
      return fail('input', 'not-a-file', path, `${what.en} is not a regular file`, `${what.zh}不是普通文件`);
    case 'too-large':
      return fail('input', 'too-large', path, `${what.en} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, `${what.zh}超过 ${Math.round(maxBytes / 1024 / 1024)} MB`);
    default:
      return fail('input', 'cannot-read', path, `cannot read ${what.en} (${result.detail ?? 'unreadable'})`, `无法读取${what.zh}（${result.detail ?? '不可读'}）`);
  }
}
