import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { loadParamsFile, parseParamsText, type LoadOptions } from '../params/index.js';
import { generate, type Format, type RenderOptions } from '../pipeline.js';
import { safeBaseName } from './file-name.js';
import { readStdin } from './read-stdin.js';

export type { LoadOptions };

/** One input turned into file contents, not yet written (the batch checks names first). */
export interface ProcessedInput {
  readonly input: string;
  readonly contractNumber?: string;
  readonly baseName?: string;
  readonly files: readonly { readonly format: Format; readonly data: Uint8Array }[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The params files read for this input: itself and the bases it extends, or, when it did not
   * load, the files its errors are in (what `gen --watch` watches).
   */
  readonly sources: readonly string[];
}

/** Files named by diagnostics (not `<stdin>` and the like), each once. */
const filesOf = (diagnostics: readonly Diagnostic[]): string[] => [...new Set(diagnostics.flatMap((d) => (d.file && !d.file.startsWith('<') ? [d.file] : [])))];

function internalError(input: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    severity: 'error',
    code: 'internal',
    file: input,
    message: text(`internal error: ${message}`, `内部错误：${message}`),
    hint: text('this is a bug in contract; please report it with the params file', '这是 contract 的缺陷，请附上参数文件报告'),
  };
}

/** Reads, validates and renders one input. Never throws: failures become diagnostics. */
export async function processInput(input: string, options: RenderOptions & LoadOptions): Promise<ProcessedInput> {
  // The input itself until it has loaded; then it and the bases it extends.
  let sources: readonly string[] = input === '-' ? [] : [input];
  try {
    const loaded = input === '-' ? parseParamsText(await readStdin(), '<stdin>') : await loadParamsFile(input, options.baseDirs ? { baseDirs: options.baseDirs } : {});
    sources = (loaded.sources ?? []).filter((file) => !file.startsWith('<'));
    const result = await generate(loaded, options);
    const number = result.params.contract.number;
    return {
      input,
      contractNumber: number,
      baseName: safeBaseName(number),
      files: result.outputs.map((o) => ({ format: o.format, data: o.data })),
      diagnostics: result.warnings,
      sources,
    };
  } catch (error) {
    if (error instanceof ContractError) return { input, files: [], diagnostics: error.diagnostics, sources: [...new Set([...sources, ...filesOf(error.diagnostics)])] };
    return { input, files: [], diagnostics: [internalError(input, error)], sources };
  }
}
