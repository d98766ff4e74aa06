import { readdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';

export interface ExpandedInputs {
  /** Files to process, in order, each once; `-` is standard input. */
  readonly files: string[];
  /** Arguments that named nothing to process (a glob or folder without params files). */
  readonly problems: Diagnostic[];
}

const PARAMS_FILE = '**/*.{yaml,yml}';
/** Bases for `extends:` (Sass/Jekyll's convention), hidden folders and installed packages. */
const NOT_INPUTS = ['**/_*', '**/_*/**', '**/node_modules/**'];

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function nothingFound(arg: string, en: string, zh: string): Diagnostic {
  return {
    kind: 'input',
    severity: 'error',
    code: 'no-inputs',
    file: arg,
    message: text(en, zh),
    hint: text('params files end in .yaml or .yml; names starting with _ are bases for extends:, not generated on their own', '参数文件以 .yaml 或 .yml 结尾；以 _ 开头的文件是供 extends: 继承的基础文件，不单独生成'),
  };
}

type Globs = typeof import('tinyglobby');

/** The glob library, loaded when an argument is not simply a file (a folder, a pattern, a missing file). */
const globs = (): Promise<Globs> => import('tinyglobby');

/**
 * The files named by the arguments: a file as given (even one starting with `_`: the user
 * asked for it), `-` for standard input, a folder for every *.yaml / *.yml below it, and a
 * quoted glob (`'customers/**\/*.yaml'`) for the files it matches. Below a folder or a
 * glob's fixed part, names starting with `_` are bases for `extends:` and hidden names and
 * node_modules are skipped. Sorted per argument; a file named twice is processed once.
 */
export async function expandInputs(args: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = file === '-' ? '-' : resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    if (arg === '-' || (!isDirectory(arg) && (exists(arg) || !(await globs()).isDynamicPattern(arg)))) {
      // A missing file is reported when it is read, with the other inputs still processed.
      add(arg);
      continue;
    }
    const { glob, isDynamicPattern } = await globs();
    if (isDirectory(arg)) {
      const found = [...(await glob(PARAMS_FILE, { cwd: arg, ignore: NOT_INPUTS, onlyFiles: true, caseSensitiveMatch: false, expandDirectories: false })), ...(await notRegular(arg, glob))];
      if (found.length === 0) problems.push(nothingFound(arg, `no params files in this folder`, `该文件夹中没有参数文件`));
      for (const f of found.sort()) add(join(arg, f));
      continue;
    }
    // Paths come back as the user wrote the pattern: absolute for an absolute one.
    const found = (await glob(arg, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) })).filter((f) => !isBaseBelowPattern(f, arg, isDynamicPattern)).sort();
    if (found.length === 0) problems.push(nothingFound(arg, `no params files match this pattern`, `没有与该模式匹配的参数文件`));
    for (const f of found) add(f);
  }
  return { files, problems };
}

/**
 * A base or an installed package among a glob's matches: a `_` name below the glob's fixed
 * part (`customers/` of `customers/**\/*.yaml`), unless the pattern's own last part starts
 * with `_` (the user asked for bases).
 */
function isBaseBelowPattern(file: string, pattern: string, isDynamicPattern: Globs['isDynamicPattern']): boolean {
  const parts = pattern.split(/[\\/]/);
  const firstDynamic = parts.findIndex((s) => isDynamicPattern(s));
  const fixed = resolve(parts.slice(0, firstDynamic < 0 ? parts.length : firstDynamic).join('/') || '.');
  const below = relative(fixed, resolve(file)).split(sep);
  const asksForBases = (parts[parts.length - 1] ?? '').startsWith('_');
  return below.some((s, i) => s === 'node_modules' || (s.startsWith('_') && !(asksForBases && i === below.length - 1)));
}

/**
 * `--shard k/n`: a stable split of the inputs. An input's shard depends only on its own path
 * (FNV-1a hash), so machines of a CI matrix agree without coordination and adding a file does
 * not move the others.
 */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ContractError([
      {
        kind: 'usage',
        severity: 'error',
        code: 'shard',
        message: text(`--shard must be k/n with 1 <= k <= n, got "${value}"`, `--shard 的格式应为 k/n 且 1 <= k <= n，实际为“${value}”`),
      },
    ]);
  }
  return { index, count };
}

export function selectShard<T>(items: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((item) => fnv1a(String(item)) % shard.count === shard.index - 1);
}

function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(value)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Entries below a folder named like params files that are neither files nor folders (a FIFO,
 * a socket, a device): the glob leaves them out, but a user who put one there meant it as an
 * input, so it is one, and fails when read with its own error instead of silently vanishing.
 */
async function notRegular(root: string, glob: Globs['glob']): Promise<string[]> {
  const folders = ['', ...(await glob('**/', { cwd: root, ignore: NOT_INPUTS, onlyDirectories: true, expandDirectories: false }))];
  const out: string[] = [];
  for (const folder of folders) {
    let entries;
    try {
      entries = await readdir(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isFile() || e.isDirectory() || e.isSymbolicLink() || e.name.startsWith('_') || e.name.startsWith('.') || !/\.ya?ml$/i.test(e.name)) continue;
      out.push(join(folder, e.name));
    }
  }
  return out;
}
