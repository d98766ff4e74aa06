/**
 * A contract number becomes a file name that is safe on Windows, macOS and Linux and cannot
 * leave the output directory: `../../x` -> `.._.._x`, `a/b` -> `a_b`, `CON` -> `_CON`.
 */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
export const MAX_BASE_NAME_LENGTH = 120;

export function safeBaseName(contractNumber: string): string {
  let name = contractNumber.replace(UNSAFE, '_').trim();
  // Leading dots would hide the file (or make it `..`); trailing dots and spaces vanish on Windows.
  name = name.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if ([...name].length > MAX_BASE_NAME_LENGTH) name = [...name].slice(0, MAX_BASE_NAME_LENGTH).join('');
  return name === '' ? 'contract' : name;
}
