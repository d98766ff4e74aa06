/**
 * Template files as text: how they are found and read, and the checks their text gets,
 * the same as params text. A template is read only if it is a regular file under a size cap,
 * must be UTF-8 (a GBK file is refused, not decoded into U+FFFD), and may not hold characters
 * the PDF cannot print (emoji, 𠮷), invisible formatting characters (U+202E, U+200B), control
 * or private-use characters (the pipeline's own markers): each is an error located in the
 * template, instead of a PDF that silently drops what the DOCX keeps.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError, text, type Diagnostic } from '../diagnostics.js';
import { readBounded } from '../io/read-bounded.js';
import { firstInvalidUtf8 } from '../params/decode.js';
import { hexOf, invisibleProblem } from '../params/invisible.js';

/** The largest template file read: the biggest built-in one is 4 KB (Handlebars compiles 64 KB of expressions in about a second). */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** Problems listed per template file. */
const MAX_PROBLEMS = 20;

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

function templateDiagnostic(kind: 'template' | 'io', code: string, file: string, en: string, zh: string, at?: { line: number; column: number }, hint?: [string, string]): Diagnostic {
  return {
    kind,
    severity: 'error',
    code,
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
    message: text(en, zh),
    ...(hint ? { hint: text(...hint) } : {}),
  };
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
function positionAt(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...source.slice(lineStart, offset)].length + 1 };
}

/**
 * The files under `root` (only those ending in `extension` when it is given), sorted,
 * following symbolic links but never in a circle. A folder that cannot be read or a link loop
 * is an error naming the path.
 */
export function listTemplateFiles(root: string, extension?: string): string[] {
  const out: string[] = [];
  const visiting = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(dir);
      entries = readdirSync(dir).sort();
    } catch (e) {
      throw new ContractError([unreadable(dir, e)]);
    }
    if (visiting.has(real)) {
      throw new ContractError([
        templateDiagnostic('template', 'templates-link-loop', dir, 'this folder is a symbolic link back into a folder that contains it (a loop)', '此目录是指回其上级目录的符号链接（成环）', undefined, ['remove the link', '请删除该链接']),
      ]);
    }
    visiting.add(real);
    for (const entry of entries) {
      const path = join(dir, entry);
      let isDirectory: boolean;
      try {
        isDirectory = statSync(path).isDirectory();
      } catch (e) {
        const code = errnoOf(e);
        if (code === 'ELOOP') {
          throw new ContractError([templateDiagnostic('template', 'templates-link-loop', path, 'is a symbolic link loop', '是成环的符号链接', undefined, ['remove the link', '请删除该链接'])]);
        }
        // A dangling link that is not a template is none of our business.
        if (code === 'ENOENT' && (extension === undefined || !entry.endsWith(extension))) continue;
        throw new ContractError([unreadable(path, e)]);
      }
      if (isDirectory) walk(path);
      else if (extension === undefined || entry.endsWith(extension)) out.push(path);
    }
    visiting.delete(real);
  };
  walk(root);
  return out;
}

function unreadable(path: string, e: unknown): Diagnostic {
  const code = errnoOf(e);
  if (code === 'ELOOP') {
    return templateDiagnostic('template', 'templates-link-loop', path, 'is a symbolic link loop', '是成环的符号链接', undefined, ['remove the link', '请删除该链接']);
  }
  const why = code === 'EACCES' ? ['permission denied', '没有权限'] : code === 'ENOENT' ? ['no such file (a dangling symbolic link?)', '文件不存在（符号链接失效？）'] : [code, code];
  return templateDiagnostic('io', 'templates-unreadable', path, `cannot read the template folder or file: ${why[0]}`, `无法读取模板目录或文件：${why[1]}`);
}

/** Reads one template file: a regular UTF-8 file of at most MAX_TEMPLATE_BYTES. */
export function readTemplateText(path: string, shown: string = path): string {
  const read = readBounded(path, MAX_TEMPLATE_BYTES);
  if (!read.ok) {
    switch (read.reason) {
      case 'not-a-file':
      case 'is-directory':
        throw new ContractError([templateDiagnostic('template', 'template-not-a-file', shown, 'is not a regular file (a pipe, device or folder); it was not read', '不是普通文件（管道、设备或目录），未读取')]);
      case 'too-large':
        throw new ContractError([templateDiagnostic('template', 'template-too-large', shown, `the template is larger than ${MAX_TEMPLATE_BYTES / 1024} KB`, `模板大于 ${MAX_TEMPLATE_BYTES / 1024} KB`)]);
      default:
        throw new ContractError([unreadable(shown, { code: read.detail ?? (read.reason === 'missing' ? 'ENOENT' : 'EIO') })]);
    }
  }
  const bytes = read.data;
  try {
    // Default ignoreBOM: false, so a UTF-8 BOM is dropped here.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    throw new ContractError([
      templateDiagnostic('template', 'template-not-utf8', shown, 'the template is not UTF-8 text; it is probably GBK/GB18030 (a Chinese Windows encoding)', '模板不是 UTF-8 编码，可能是 GBK/GB18030（中文 Windows 编码）', positionAt(before, before.length), [
        'save it as UTF-8',
        '请另存为 UTF-8 编码',
      ]),
    ]);
  }
}

/** Control characters other than tab and line breaks, non-characters and the private-use area. */
function forbidden(c: number): string | undefined {
  if ((c <= 0x1f && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return 'control';
  if (c === 0xfffe || c === 0xffff) return 'non-character';
  if (c >= 0xe000 && c <= 0xf8ff) return 'private-use';
  return undefined;
}

const checked = new Set<string>();

/**
 * Every problem of a template's text, located. Checked once per process per file and
 * content (a batch renders the same templates many times).
 */
export async function checkTemplateText(template: { readonly file: string; readonly source: string }): Promise<Diagnostic[]> {
  const key = `${template.file}\0${template.source}`;
  if (checked.has(key)) return [];
  const { source, file } = template;
  const problems: Diagnostic[] = [];
  const reported = new Set<number>();
  const report = (cp: number, index: number, en: string, zh: string, hint?: [string, string]) => {
    if (reported.has(cp) || problems.length >= MAX_PROBLEMS) return;
    reported.add(cp);
    problems.push(templateDiagnostic('template', 'template-character', file, en, zh, positionAt(source, index), hint));
  };

  for (let i = 0; i < source.length; i++) {
    const c = source.codePointAt(i)!;
    const kind = forbidden(c);
    if (kind) report(c, i, `contains the ${kind} character ${hexOf(c)}`, `含有${kind === 'control' ? '控制' : kind === 'private-use' ? '私用区' : '非'}字符 ${hexOf(c)}`, ['delete it', '请删除该字符']);
    if (c > 0xffff) i++;
  }
  for (const m of source.matchAll(/\p{Cf}/gu)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const cp = m[0].codePointAt(0)!;
    const p = invisibleProblem(cp);
    report(cp, m.index, `template text ${p.message.en}`, `模板文字${p.message.zh}`, p.hint ? [p.hint.en, p.hint.zh] : undefined);
  }
  // The font's cmap only: checking text must not load the PDF writer.
  const { missingGlyphs } = await import('../render/pdf/font.js');
  for (const ch of missingGlyphs(source)) {
    const cp = ch.codePointAt(0)!;
    if (reported.has(cp) || forbidden(cp)) continue;
    report(
      cp,
      source.indexOf(ch),
      `contains "${ch}" (${hexOf(cp)}), which the contract font cannot print`,
      `含有合同字体无法显示的字符“${ch}”（${hexOf(cp)}）`,
      ['replace it (e.g. a rare character by its common variant); emoji are not allowed in a contract', '请替换该字符（如用常用字代替生僻字）；合同中不能使用表情符号'],
    );
  }
  problems.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
  if (problems.length === 0) checked.add(key);
  return problems;
}

/**
 * The text checks of every user template of a set (built-in templates are checked by the
 * test suite, not at each run): all problems of all files at once, located.
 */
export async function checkTemplateSet(templates: readonly { readonly builtIn: boolean; readonly file: string; readonly source: string }[]): Promise<void> {
  const problems: Diagnostic[] = [];
  for (const t of templates) if (!t.builtIn) problems.push(...(await checkTemplateText(t)));
  if (problems.length > 0) throw new ContractError(problems);
}
