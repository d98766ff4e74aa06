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
import { capDiagnostics, MAX_DIAGNOSTICS, sortDiagnostics, toDiagnostic } from './report.js';
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
  /** The files the value was read from, most derived first: the file and the bases it extends. */
  readonly sources?: readonly string[];
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
  get sources(): readonly string[] {
    return this.layers.map((layer) => layer.file);
  }
}

function fail(diagnostics: Diagnostic[], file: string): never {
  throw new ContractError(capDiagnostics(sortDiagnostics(diagnostics, file), file));
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
  // Duplicate keys are found by toPlain in one pass: the parser's own check (uniqueKeys)
  // compares every key with every other one, minutes for a 1 MiB file of keys. The schema is
  // YAML 1.2's whatever a %YAML directive says (see below).
  const doc = parseDocument(src, { lineCounter, uniqueKeys: false, prettyErrors: true, schema: 'core' });
  const index = new LocationIndex(file, lineCounter);
  const problems = [...doc.errors, ...doc.warnings];
  // Locating a problem walks the tree: only as many as will be shown.
  for (const e of problems.slice(0, MAX_DIAGNOSTICS + 1)) {
    const offset = e.pos[0];
    const path = e.code === 'MULTIPLE_DOCS' ? [] : pathAtOffset(doc, offset);
    start.push(toDiagnostic('yaml', yamlProblem(e), { loc: index.at(offset), path }));
  }
  for (const e of problems.slice(MAX_DIAGNOSTICS + 1)) start.push(toDiagnostic('yaml', yamlProblem(e), { loc: index.at(e.pos[0]) }));
  // A %YAML 1.1 directive would make `no` false and `012` octal, past the checks that refuse
  // yes/no guesses: such a file is refused rather than read by other rules.
  const version = doc.directives?.yaml.explicit ? doc.directives.yaml.version : '1.2';
  if (version !== '1.2') {
    const where = index.at(Math.max(0, src.search(/^%YAML/m)));
    start.push(
      toDiagnostic(
        'yaml',
        problem(
          'yaml-version',
          text(`the %YAML ${version} directive is not supported: params files are YAML 1.2`, `不支持 %YAML ${version} 指令：参数文件按 YAML 1.2 读取`),
          text('delete the line; in YAML 1.2 yes/no/on/off are text, so write true or false', '请删除这一行；YAML 1.2 中 yes/no/on/off 是文字，请写 true 或 false'),
        ),
        { loc: where },
      ),
    );
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
