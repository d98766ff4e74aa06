/**
 * Bytes -> text, refusing what is not a UTF-8 text file with a message that says what it
 * probably is (a GBK file from a Chinese Windows editor, UTF-16, a binary file) instead
 * of printing mojibake.
 */
import { text } from '../diagnostics.js';
import { problem, type Problem } from './messages.js';
import { LIMITS } from './to-plain.js';

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem; line?: number; column?: number };

const MIB = `${LIMITS.maxBytes / (1024 * 1024)} MiB`;

export function tooLarge(): Problem {
  return problem('file-too-large', text(`the file is larger than ${MIB}: not a params file`, `文件大于 ${MIB}，不是合同参数文件`));
}

export function binary(): Problem {
  return problem('binary-file', text('binary file, not a params file (it contains NUL bytes)', '这是二进制文件，不是合同参数文件（含有 NUL 字节）'));
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > LIMITS.maxBytes) return { ok: false, problem: tooLarge() };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: problem('not-utf8', text('the file is UTF-16, not UTF-8', '文件编码是 UTF-16，不是 UTF-8'), text('save it as UTF-8', '请另存为 UTF-8 编码')),
    };
  }
  if (bytes.includes(0)) return { ok: false, problem: binary() };
  try {
    // Default ignoreBOM: false, so a UTF-8 BOM is dropped here.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.max(0, at)));
    const lines = before.split('\n');
    return {
      ok: false,
      problem: problem(
        'not-utf8',
        text('the file is not UTF-8 text; it is probably GBK/GB18030 (a Chinese Windows encoding)', '文件不是 UTF-8 编码，可能是 GBK/GB18030（中文 Windows 编码）'),
        text('save it as UTF-8 (in Notepad: Save as > Encoding: UTF-8)', '请另存为 UTF-8 编码（记事本：另存为 > 编码：UTF-8）'),
      ),
      line: lines.length,
      column: [...lines[lines.length - 1]!].length + 1,
    };
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}
