/**
 * A contract number becomes a file name that is safe on Windows, macOS and Linux and cannot
 * leave the output directory: `../../x` -> `.._.._x`, `a/b` -> `a_b`, `CON` -> `_CON`.
 */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
export const MAX_BASE_NAME_LENGTH = 120;
export const MAX_BASE_NAME_BYTES = 200;

export function safeBaseName(contractNumber: string): string {
  let name = contractNumber.replace(UNSAFE, '_').trim();
  // Leading dots would hide the file (or make it `..`); trailing dots and spaces vanish on Windows.
  name = name.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if ([...name].length > MAX_BASE_NAME_LENGTH) name = [...name].slice(0, MAX_BASE_NAME_LENGTH).join('');
  // File systems count bytes (255), and Chinese takes three each in UTF-8; leave room for the
  // extension and the temporary-file suffix of the atomic write.
  while (Buffer.byteLength(name) > MAX_BASE_NAME_BYTES) name = [...name].slice(0, -1).join('');
  return name === '' ? 'contract' : name;
}
