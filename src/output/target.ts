import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { ContractError, text } from '../diagnostics.js';
import { FORMATS, type Format } from '../formats.js';

/**
 * Where `-o` sends the output, as pandoc reads it: `-` is standard output, a name ending in
 * .pdf, .docx or .md is that one file, anything else (or an existing folder) is a folder that
 * receives `<contract number>.<format>` for every input.
 */
export type OutputTarget =
  | { readonly kind: 'folder'; readonly dir: string }
  | { readonly kind: 'file'; readonly path: string; readonly format: Format }
  | { readonly kind: 'stdout'; readonly format: Format };

function usage(en: string, zh: string): ContractError {
  return new ContractError([{ kind: 'usage', severity: 'error', code: 'usage', message: text(en, zh) }]);
}

/** The format a file name asks for by its extension, if it is one of ours. */
export function formatOfFileName(path: string): Format | undefined {
  const ext = extname(path).slice(1).toLowerCase();
  return (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Maps `-o` and the requested formats (undefined when the user gave none) to a target and
 * the formats to render. A file or standard output takes exactly one input and one format.
 */
export function resolveOutputTarget(
  out: string,
  requested: readonly Format[] | undefined,
  inputCount: number,
): { target: OutputTarget; formats: readonly Format[] } {
  const single = (what: { en: string; zh: string }, format: Format) => {
    if (inputCount !== 1) {
      throw usage(
        `-o ${out} ${what.en}, so it takes exactly one input (got ${inputCount}); give a folder to -o for several`,
        `-o ${out} ${what.zh}，只能有一个输入（实际 ${inputCount} 个）；多个输入请用 -o 指定文件夹`,
      );
    }
    return format;
  };
  if (out === '-') {
    if (requested === undefined || requested.length !== 1) {
      throw usage(
        `-o - writes one format to standard output: add -f pdf, -f docx or -f md`,
        `-o - 只向标准输出写一种格式：请加 -f pdf、-f docx 或 -f md`,
      );
    }
    const format = single(text('writes to standard output', '写到标准输出'), requested[0]!);
    return { target: { kind: 'stdout', format }, formats: [format] };
  }
  const byName = isFolder(out) ? undefined : formatOfFileName(out);
  if (byName === undefined) return { target: { kind: 'folder', dir: out }, formats: requested ?? ['docx', 'pdf'] };
  if (requested !== undefined && (requested.length !== 1 || requested[0] !== byName)) {
    throw usage(
      `-o ${out} names a .${byName} file but -f asks for ${requested.join(',')}; drop -f, or give -o a folder`,
      `-o ${out} 是 .${byName} 文件，而 -f 要求 ${requested.join(',')}；请去掉 -f，或让 -o 指向文件夹`,
    );
  }
  const format = single(text('names one file', '指定的是单个文件'), byName);
  return { target: { kind: 'file', path: out, format }, formats: [format] };
}
