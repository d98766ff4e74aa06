/**
 * `loadParamsFile` and `extends: ../provider.yaml`: a params file may name a base file,
 * relative to itself. Mappings merge key by key (the extending file wins), lists and
 * scalars are replaced whole. Each file keeps its own position index, so an error points
 * into the file that holds the value.
 *
 * A base is read only if it is a `.yaml`/`.yml` regular file inside the folder the command
 * runs in (or a folder allowed with `--base-dir`), judged by its real path (symbolic links
 * resolved), and read with the same size cap as any params file: `extends: /etc/shadow`
 * or `extends: /dev/zero` is refused before a byte is read, so no content of a file that
 * is not a params file can reach a message.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { readBounded, type BoundedRead } from '../io/read-bounded.js';
import { Located, parseParamsText, type LoadedParams } from './load.js';
import { problem, quote, type Problem } from './messages.js';
import { toDiagnostic } from './report.js';
import { LIMITS } from './to-plain.js';

const MAX_CHAIN = 16;
const MIB = `${LIMITS.maxBytes / (1024 * 1024)} MiB`;

export interface LoadOptions {
  /**
   * Folders (besides the current one) whose files may be named by `extends:`; the CLI's
   * `--base-dir`. Bases anywhere else are refused.
   */
  readonly baseDirs?: readonly string[];
}

/** Reads and parses a params file and, through `extends:`, its base files. */
export async function loadParamsFile(path: string, options: LoadOptions = {}): Promise<LoadedParams> {
  const read = readBounded(path, LIMITS.maxBytes);
  if (!read.ok) throw new ContractError([inputReadProblem(read, path)]);
  const baseDirs = options.baseDirs ?? [];
  // A --base-dir that is no folder is a usage error whatever the file holds; the current folder's
  // real path is looked up only for a file that extends another (a batch's worker paid a thread
  // pool round trip for it with every file).
  const checked = baseDirs.length > 0 ? await allowedRoots(baseDirs) : undefined;
  let lookedUp: Promise<string[]> | undefined;
  const roots = (): Promise<readonly string[]> => (checked !== undefined ? Promise.resolve(checked) : (lookedUp ??= allowedRoots(baseDirs)));
  return withBase(parseParamsText(read.data, path), resolve(path), [], roots);
}

/** The problem with a params file that could not be read (every one an input error, exit 1): located at its start when it is no params file. */
function inputReadProblem(read: Extract<BoundedRead, { ok: false }>, file: string): Diagnostic {
  const p = readFailure(read);
  const kind = read.reason === 'missing' || read.reason === 'unreadable' ? 'input' : 'yaml';
  return toDiagnostic(kind, p, kind === 'yaml' ? { loc: { file, line: 1, column: 1 } } : { file });
}

function readFailure(read: Extract<BoundedRead, { ok: false }>): Problem {
  switch (read.reason) {
    case 'missing':
      return problem('cannot-read', text('cannot read the file: no such file', '无法读取文件：文件不存在'));
    case 'is-directory':
      return problem('not-a-file', text('is a directory, not a params file', '这是目录，不是参数文件'));
    case 'not-a-file':
      return problem(
        'not-a-file',
        text('is not a regular file (a pipe, device or socket); it was not read', '不是普通文件（管道、设备或套接字），未读取'),
        text('give the path of a .yaml file', '请给出 .yaml 文件的路径'),
      );
    case 'too-large':
      return problem('file-too-large', text(`the file is larger than ${MIB}: not a params file`, `文件大于 ${MIB}，不是合同参数文件`));
    case 'unreadable':
      return problem(
        'cannot-read',
        text(`cannot read the file: ${read.detail === 'EACCES' ? 'permission denied' : (read.detail ?? 'unknown error')}`, `无法读取文件：${read.detail === 'EACCES' ? '没有权限' : (read.detail ?? '未知错误')}`),
      );
  }
}

/** The folders bases may come from: the current folder and each --base-dir, as real paths. */
async function allowedRoots(baseDirs: readonly string[]): Promise<string[]> {
  const cwd = await realpath(process.cwd()).catch(() => process.cwd());
  const extra = await Promise.all(
    baseDirs.map(async (dir) => {
      const real = await realpath(resolve(dir)).catch(() => undefined);
      if (real === undefined || !(await stat(real)).isDirectory()) {
        throw new ContractError([
          { kind: 'usage', severity: 'error', code: 'base-dir', message: text(`--base-dir: ${dir} is not a folder`, `--base-dir：${dir} 不是目录`) },
        ]);
      }
      return real;
    }),
  );
  return [cwd, ...extra];
}

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** How a base file is named in messages: its real path, relative to the current folder when inside it. */
function displayPath(real: string): string {
  const cwd = process.cwd();
  return inside(cwd, real) ? relative(cwd, real) || real : real;
}

const YAML_NAME = /\.ya?ml$/i;

async function withBase(loaded: Located, abs: string, chain: readonly string[], roots: () => Promise<readonly string[]>): Promise<Located> {
  const value = loaded.value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(value, 'extends')) return loaded;
  const ext = value.extends;
  const stop = (p: Problem): never => {
    throw new ContractError([toDiagnostic('yaml', p, { loc: loaded.locate(['extends']), path: ['extends'] })]);
  };
  if (typeof ext !== 'string' || ext.trim() === '') {
    return stop(problem('bad-extends', text('must be the path of a base params file, relative to this file', '必须是基础参数文件的路径（相对于本文件）')));
  }
  const here = await realpath(abs).catch(() => abs);
  const seen = [...chain, here];
  if (seen.length > MAX_CHAIN) stop(problem('extends-too-long', text(`more than ${MAX_CHAIN} files extend each other`, `相互继承的文件超过 ${MAX_CHAIN} 个`)));

  const baseAbs = resolve(dirname(abs), ext);
  if (!YAML_NAME.test(ext)) {
    stop(problem('extends-not-yaml', text(`the base file must be a .yaml or .yml file, not ${quote(ext)}`, `基础文件必须是 .yaml 或 .yml 文件，而不是 ${quote(ext)}`)));
  }
  let real: string;
  try {
    real = await realpath(baseAbs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? text('no such file', '文件不存在') : code === 'EACCES' ? text('permission denied', '没有权限') : text(code ?? 'unknown error', code ?? '未知错误');
    return stop(problem('extends-not-found', text(`cannot read the base file ${baseAbs}: ${why.en}`, `无法读取基础文件 ${baseAbs}：${why.zh}`)));
  }
  const shown = displayPath(real);
  if (!YAML_NAME.test(real)) {
    stop(problem('extends-not-yaml', text(`the base file must be a .yaml or .yml file; ${quote(ext)} leads to ${real}`, `基础文件必须是 .yaml 或 .yml 文件；${quote(ext)} 实际指向 ${real}`)));
  }
  const allowed = await roots();
  if (!allowed.some((root) => inside(root, real))) {
    stop(
      problem(
        'extends-outside',
        text(`the base file ${real} is outside the folder the command runs in (${allowed[0]}); it was not read`, `基础文件 ${real} 不在命令运行的目录（${allowed[0]}）之内，未读取`),
        text(`run the command from a folder that contains it, or allow its folder with --base-dir ${dirname(real)}`, `请在包含它的目录中运行命令，或用 --base-dir ${dirname(real)} 允许该目录`),
      ),
    );
  }
  if (seen.includes(real)) {
    stop(problem('extends-cycle', text(`${quote(ext)} extends this file again: the chain is a cycle`, `${quote(ext)} 又继承了本文件：继承关系成环`)));
  }
  const read = readBounded(real, LIMITS.maxBytes);
  if (!read.ok) return stop(baseReadFailure(read, shown));
  const base = await withBase(parseParamsText(read.data, shown), real, seen, roots);

  const own: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== 'extends') define(own, key, value[key]);
  return new Located(loaded.file, merge(base.value, own), [...loaded.layers, ...base.layers]);
}

function baseReadFailure(read: Extract<BoundedRead, { ok: false }>, shown: string): Problem {
  switch (read.reason) {
    case 'missing':
      return problem('extends-not-found', text(`cannot read the base file ${shown}: no such file`, `无法读取基础文件 ${shown}：文件不存在`));
    case 'unreadable': {
      const why = read.detail === 'EACCES' ? text('permission denied', '没有权限') : text(read.detail ?? 'unknown error', read.detail ?? '未知错误');
      return problem('extends-not-found', text(`cannot read the base file ${shown}: ${why.en}`, `无法读取基础文件 ${shown}：${why.zh}`));
    }
    case 'is-directory':
      return problem('not-a-file', text(`the base file ${shown} is a directory`, `基础文件 ${shown} 是目录`));
    case 'not-a-file':
      return problem('not-a-file', text(`the base file ${shown} is not a regular file (a pipe, device or socket); it was not read`, `基础文件 ${shown} 不是普通文件（管道、设备或套接字），未读取`));
    case 'too-large':
      return problem('file-too-large', text(`the base file ${shown} is larger than ${MIB}: not a params file`, `基础文件 ${shown} 大于 ${MIB}，不是合同参数文件`));
  }
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Mappings merge key by key, anything else is replaced by the extending file's value. */
export function merge(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) define(out, key, base[key]);
  for (const key of Object.keys(over)) {
    define(out, key, Object.prototype.hasOwnProperty.call(base, key) ? merge(base[key], over[key]) : over[key]);
  }
  return out;
}

// defineProperty, not assignment: a key can never reach a prototype.
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
