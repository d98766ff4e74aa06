/**
 * Which fonts a contract is set in: the house style's bundled fonts, unless the params
 * (`document.fonts.body` / `.heading`) or the CLI (`--font body=…,heading=…`, which wins)
 * name others. Problems come back as diagnostics: at the params key with its file:line:column,
 * or as a usage error for the CLI.
 */
import { dirname } from 'node:path';
import { text, type Diagnostic } from '../diagnostics.js';
import { bundledFace } from './bundled.js';
import { missingGlyphs, type FontFace } from './face.js';
import { FontError, resolveFont, type FontRole } from './resolve.js';

/** Font specs as a user writes them: a font file (`x.ttc#2`) or a family name. */
export interface FontChoice {
  readonly body?: string;
  readonly heading?: string;
}

/** The faces a contract is set in: body text (and its labels), and headings (and bold text). */
export interface FontSet {
  readonly body: FontFace;
  readonly heading: FontFace;
  /** Some face was chosen by the user (the default set is the house style's). */
  readonly chosen: boolean;
}

let defaults: FontSet | undefined;

export function defaultFontSet(): FontSet {
  defaults ??= { body: bundledFace('regular'), heading: bundledFace('bold'), chosen: false };
  return defaults;
}

/** Where a spec was written: at a params key, or on the command line. */
export type FontOrigin =
  | { readonly kind: 'params'; readonly keyPath: string; readonly file?: string; readonly line?: number; readonly column?: number }
  | { readonly kind: 'cli' };

export interface FontRequest {
  readonly spec: string;
  /** Relative font files resolve against this folder. */
  readonly baseDir: string;
  readonly origin: FontOrigin;
}

export type FontRequests = Partial<Record<FontRole, FontRequest>>;

/** Anything that can say where a params key was written (LoadedParams). */
export interface Locator {
  locate(path: readonly (string | number)[]): { readonly file: string; readonly line: number; readonly column: number } | undefined;
}

/**
 * The requests of a params value (its `document.fonts`) overridden by the CLI's choice.
 * Params files resolve relative font files against their own folder; the CLI against the
 * working folder.
 */
export function fontRequests(paramsFonts: FontChoice | undefined, located: Locator | undefined, cli: FontChoice | undefined, cwd = process.cwd()): FontRequests {
  const out: { -readonly [R in FontRole]?: FontRequest } = {};
  for (const role of ['body', 'heading'] as const) {
    const fromCli = cli?.[role];
    if (fromCli !== undefined) {
      out[role] = { spec: fromCli, baseDir: cwd, origin: { kind: 'cli' } };
      continue;
    }
    const spec = paramsFonts?.[role];
    if (spec === undefined) continue;
    const path = ['document', 'fonts', role];
    const where = located?.locate(path);
    const real = where !== undefined && !where.file.startsWith('<');
    out[role] = {
      spec,
      baseDir: real ? dirname(where.file) : cwd,
      origin: { kind: 'params', keyPath: path.join('.'), ...(where ? { file: where.file, line: where.line, column: where.column } : {}) },
    };
  }
  return out;
}

function diagnostic(request: FontRequest, error: FontError): Diagnostic {
  const o = request.origin;
  const suggestions = error.suggestions.length > 0 ? error.suggestions.join(', ') : '';
  const hintEn =
    error.reason === 'family-not-found'
      ? `${suggestions ? `installed families that look alike: ${suggestions}. ` : ''}Give a family installed on this machine (fc-list lists them) or a font file (.otf, .ttf, .ttc#n)`
      : error.reason === 'no-such-face'
        ? `faces of this file: ${suggestions}`
        : 'give an OpenType or TrueType font file (.otf, .ttf, or a face of a .ttc/.otc collection as file.ttc#n), or an installed family name';
  const hintZh =
    error.reason === 'family-not-found'
      ? `${suggestions ? `已安装的相近字体：${suggestions}。` : ''}请填写本机已安装的字体族名（可用 fc-list 查看）或字体文件（.otf、.ttf、.ttc#n）`
      : error.reason === 'no-such-face'
        ? `该文件包含的字体：${suggestions}`
        : '请填写 OpenType 或 TrueType 字体文件（.otf、.ttf，或字体集 .ttc/.otc 中的一款，写作 file.ttc#n），或已安装的字体族名';
  const base = {
    severity: 'error' as const,
    code: error.reason === 'family-not-found' ? 'font-not-found' : 'font-unusable',
    message: text(error.message, `字体“${request.spec}”不可用：${error.message}`),
    hint: text(hintEn, hintZh),
  };
  if (o.kind === 'cli') return { ...base, kind: 'usage', keyPath: '--font' };
  return {
    ...base,
    kind: 'schema',
    keyPath: o.keyPath,
    ...(o.file !== undefined ? { file: o.file } : {}),
    ...(o.line !== undefined ? { line: o.line, column: o.column } : {}),
  };
}

/** The font set of the requests (the defaults for what they leave out), or why not. */
export function resolveFontSet(requests: FontRequests): { readonly fonts?: FontSet; readonly diagnostics: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const face = (role: FontRole): FontFace | undefined => {
    const request = requests[role];
    if (request === undefined) return role === 'body' ? defaultFontSet().body : defaultFontSet().heading;
    try {
      return resolveFont(request.spec, role, request.baseDir);
    } catch (error) {
      if (!(error instanceof FontError)) throw error;
      diagnostics.push(diagnostic(request, error));
      return undefined;
    }
  };
  const body = face('body');
  const heading = face('heading');
  if (body === undefined || heading === undefined) return { diagnostics };
  const chosen = requests.body !== undefined || requests.heading !== undefined;
  return { fonts: chosen ? { body, heading, chosen } : defaultFontSet(), diagnostics };
}

/** The faces a character of `role`'s text needs. */
export const facesOf = (fonts: FontSet): readonly FontFace[] => (fonts.body === fonts.heading ? [fonts.body] : [fonts.body, fonts.heading]);

/**
 * An error for text of the contract itself (templates, numbering) that a chosen font cannot
 * print: the user's font choice is what must change.
 */
export function uncoveredTextDiagnostics(requests: FontRequests, fonts: FontSet, missing: Readonly<Record<FontRole, readonly string[]>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const role of ['body', 'heading'] as const) {
    const chars = missing[role];
    const request = requests[role];
    if (chars.length === 0 || request === undefined) continue;
    const shown = chars.slice(0, 12).map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ') + (chars.length > 12 ? ` … (${chars.length} in all)` : '');
    const face = fonts[role];
    const error = new FontError('not-a-font', `${face.family} (${face.source}) cannot print ${chars.length} character(s) the contract uses: ${shown}`);
    const d = diagnostic(request, error);
    out.push({
      ...d,
      code: 'font-coverage',
      message: text(error.message, `${face.family}（${face.source}）缺少合同所用的 ${chars.length} 个字符：${shown}`),
      hint: text('choose a font that covers Simplified Chinese (GB 2312 at least)', '请选择覆盖简体中文（至少 GB 2312）的字体'),
    });
  }
  return out;
}

/** Characters every contract prints (numbering, headings, the parties' labels). */
const CORE_TEXT = '第一条合同甲方乙方（盖章）：编号日期附件页共服务费用元，。、0123456789';

/**
 * A chosen font that lacks the contract's most common characters (a Latin-only font): one
 * error about the font, rather than one per params value it cannot print.
 */
export function coreCoverageDiagnostics(requests: FontRequests, fonts: FontSet): Diagnostic[] {
  if (!fonts.chosen) return [];
  return uncoveredTextDiagnostics(requests, fonts, {
    body: missingGlyphs(CORE_TEXT, [fonts.body]),
    heading: missingGlyphs(CORE_TEXT, [fonts.heading]),
  });
}
