/**
 * Text -> LoadedParams: decoding, size and shape limits, the YAML parse, and conversion to
 * plain JS with positions. Every problem found is collected and thrown at once.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { binary, decodeBytes, tooLarge } from './decode.js';
import { LocationIndex, locateIn, pathAtOffset, type KeyPath, type SourceLocation } from './locate.js';
import { problem, type Problem } from './messages.js';
import { findExcessiveNesting } from './prescan.js';
import { sortDiagnostics, toDiagnostic } from './report.js';
import { LIMITS, toPlain } from './to-plain.js';
import { yamlProblem } from './yaml-errors.js';

export type { SourceLocation } from './locate.js';

export interface LoadedParams {
  /** Display name, e.g. 'params.yaml' or '<stdin>'. */
  readonly file: string;
  /** Plain JS (no YAML classes), identifiers kept exact. */
  readonly value: unknown;
  /** Position of the value at `path`; falls back to the nearest existing parent. */
  locate(path: readonly (string | number)[]): SourceLocation | undefined;
  /** Position of the key of `path` (for unknown keys); falls back like `locate`. */
  locateKey?(path: readonly (string | number)[]): SourceLocation | undefined;
}

/** A loaded value with the position indexes of the file(s) it came from, most derived first. */
export class Located implements LoadedParams {
  constructor(
    readonly file: string,
    readonly value: unknown,
    readonly layers: readonly LocationIndex[],
  ) {}
  locate(path: KeyPath): SourceLocation | undefined {
    return locateIn(this.layers, path, 'value');
  }
  locateKey(path: KeyPath): SourceLocation | undefined {
    return locateIn(this.layers, path, 'key');
  }
}

function fail(diagnostics: Diagnostic[], file: string): never {
  throw new ContractError(sortDiagnostics(diagnostics, file));
}

export function parseParamsText(source: string | Uint8Array, file: string): Located {
  const start: Diagnostic[] = [];
  const fileError: (p: Problem, line?: number, column?: number) => never = (p, line = 1, column = 1) =>
    fail([toDiagnostic('yaml', p, { loc: { file, line, column } })], file);

  let src: string;
  if (typeof source === 'string') {
    if (Buffer.byteLength(source, 'utf8') > LIMITS.maxBytes) fileError(tooLarge());
    if (source.includes('\0')) fileError(binary());
    src = source.startsWith('\uFEFF') ? source.slice(1) : source;
  } else {
    const d = decodeBytes(source);
    if (!d.ok) fileError(d.problem, d.line, d.column);
    src = d.text;
  }

  const deep = findExcessiveNesting(src, LIMITS.maxDepth);
  if (deep) {
    fileError(problem('too-deep', text(`the file is nested deeper than ${LIMITS.maxDepth} levels`, `文件嵌套超过 ${LIMITS.maxDepth} 层`)), deep.line, deep.column);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const index = new LocationIndex(file, lineCounter);
  for (const e of [...doc.errors, ...doc.warnings]) {
    const offset = e.pos[0];
    const path = e.code === 'MULTIPLE_DOCS' ? [] : pathAtOffset(doc, offset);
    start.push(toDiagnostic('yaml', yamlProblem(e), { loc: index.at(offset), path }));
  }

  if (doc.contents === null) {
    if (start.length === 0) fileError(problem('empty-file', text('the file is empty (no parameters, only comments or blank lines)', '文件为空（只有注释或空行，没有参数）'), text('run `contract init` for a starter file', '可运行 `contract init` 生成示例文件')));
    fail(start, file);
  }
  const value = toPlain(doc, index, (offset, path, p) => start.push(toDiagnostic('yaml', p, { loc: index.at(offset), path })));
  if (start.length === 0 && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    const r = doc.contents.range;
    const where = index.at(r?.[0] ?? 0);
    fileError(
      problem('top-level-not-mapping', text(`the top level must be a mapping of \`key: value\` lines, not ${Array.isArray(value) ? 'a list' : 'a single value'}`, `顶层必须是“键: 值”形式的映射，而不是${Array.isArray(value) ? '列表' : '单个值'}`)),
      where.line,
      where.column,
    );
  }
  if (start.length > 0) fail(start, file);
  return new Located(file, value, [index]);
}
