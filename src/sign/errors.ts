import { ContractError, text, type Diagnostic } from '../diagnostics.js';

/** A file given to sign or verify that cannot be used: exit code 1, a plain message. */
export function signError(code: string, en: string, zh: string, hint?: { en: string; zh: string }, file?: string): ContractError {
  const d: Diagnostic = {
    kind: 'input',
    severity: 'error',
    code,
    message: text(en, zh),
    ...(hint ? { hint: text(hint.en, hint.zh) } : {}),
    ...(file !== undefined ? { file } : {}),
  };
  return new ContractError([d]);
}

/** The same error, naming the file it is about (the library does not know file names; the CLI does). */
export function inFile(error: unknown, file: string): unknown {
  if (!(error instanceof ContractError)) return error;
  return new ContractError(error.diagnostics.map((d) => (d.file === undefined && d.kind === 'input' ? { ...d, file } : d)));
}
