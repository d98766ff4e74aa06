import { createHash } from 'node:crypto';

/**
 * A contract number becomes a file name that is safe on Windows, macOS and Linux and cannot
 * leave the output directory: `../../x` -> `.._.._x`, `a/b` -> `a_b`, `CON` -> `_CON`.
 */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
/**
 * Device names Windows reserves whatever the extension: CON, PRN, AUX, NUL, COM0-9 and
 * LPT0-9 (with the superscript digits ¹ ² ³ too, which Windows treats as digits there),
 * and the console names CONIN$ and CONOUT$. Trailing spaces before the dot do not help.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9\u00b9\u00b2\u00b3]) *(\..*)?$/i;
export const MAX_BASE_NAME_LENGTH = 120;
/**
 * File systems count bytes (255), and Chinese takes three each in UTF-8; the rest leaves room
 * for the extension and the hidden temporary and journal names of an output set.
 */
export const MAX_BASE_NAME_BYTES = 200;
const HASH_LENGTH = 8;

/** 8 hex digits of the SHA-256 of the full contract number. */
export function shortHash(contractNumber: string): string {
  return createHash('sha256').update(contractNumber).digest('hex').slice(0, HASH_LENGTH);
}

export function safeBaseName(contractNumber: string): string {
  let name = contractNumber.replace(UNSAFE, '_').trim();
  // Leading dots would hide the file (or make it `..`); trailing dots and spaces vanish on Windows.
  name = name.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name === '') return 'contract';
  if ([...name].length <= MAX_BASE_NAME_LENGTH && Buffer.byteLength(name) <= MAX_BASE_NAME_BYTES) return name;
  // Shortened: two numbers that share the kept part must still get different files, so the
  // name ends in a hash of the whole number (`合合…合-3f9a0c12`).
  const suffix = `-${shortHash(contractNumber)}`;
  let chars = [...name].slice(0, MAX_BASE_NAME_LENGTH - suffix.length);
  while (Buffer.byteLength(chars.join('')) > MAX_BASE_NAME_BYTES - suffix.length) chars = chars.slice(0, -1);
  // The cut must not leave a trailing dot or space either.
  return `${chars.join('').replace(/[. ]+$/, '')}${suffix}`;
}
