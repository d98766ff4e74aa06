/**
 * `loadParamsFile` and `extends: ../provider.yaml`: a params file may name a base file,
 * relative to itself. Mappings merge key by key (the extending file wins), lists and
 * scalars are replaced whole. Each file keeps its own position index, so an error points
 * into the file that holds the value.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, normalize, resolve } from 'node:path';
import { ContractError, text } from '../diagnostics.js';
import { Located, parseParamsText, type LoadedParams } from './load.js';
import { problem, quote, type Problem } from './messages.js';
import { toDiagnostic } from './report.js';

const MAX_CHAIN = 16;

export async function loadParamsFile(path: string): Promise<LoadedParams> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ContractError([
      toDiagnostic('input', problem('cannot-read', text(`cannot read the file: ${reason(e)}`, `无法读取文件：${reason(e)}`)), { file: path }),
    ]);
  }
  return withBase(parseParamsText(bytes, path), resolve(path), []);
}

function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return code ?? String(e);
}

async function withBase(loaded: Located, abs: string, chain: readonly string[]): Promise<Located> {
  const value = loaded.value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(value, 'extends')) return loaded;
  const ext = value.extends;
  const stop = (p: Problem): never => {
    throw new ContractError([toDiagnostic('yaml', p, { loc: loaded.locate(['extends']), path: ['extends'] })]);
  };
  if (typeof ext !== 'string' || ext.trim() === '') {
    stop(problem('bad-extends', text('must be the path of a base params file, relative to this file', '必须是基础参数文件的路径（相对于本文件）')));
  }
  const here = await realpath(abs).catch(() => abs);
  const seen = [...chain, here];
  if (seen.length > MAX_CHAIN) stop(problem('extends-too-long', text(`more than ${MAX_CHAIN} files extend each other`, `相互继承的文件超过 ${MAX_CHAIN} 个`)));

  const baseAbs = resolve(dirname(abs), ext as string);
  const baseFile = normalize(join(dirname(loaded.file), ext as string));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(baseAbs);
  } catch (e) {
    return stop(problem('extends-not-found', text(`cannot read the base file ${quote(ext as string)}: ${reason(e)}`, `无法读取基础文件 ${quote(ext as string)}：${reason(e)}`)));
  }
  const baseReal = await realpath(baseAbs).catch(() => baseAbs);
  if (seen.includes(baseReal)) {
    stop(problem('extends-cycle', text(`${quote(ext as string)} extends this file again: the chain is a cycle`, `${quote(ext as string)} 又继承了本文件：继承关系成环`)));
  }
  const base = await withBase(parseParamsText(bytes, baseFile), baseAbs, seen);

  const own: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (key !== 'extends') define(own, key, value[key]);
  return new Located(loaded.file, merge(base.value, own), [...loaded.layers, ...base.layers]);
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
