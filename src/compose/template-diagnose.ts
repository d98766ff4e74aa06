import Handlebars from 'handlebars';
import { text, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../params/messages.js';
import { HelperError } from './helpers.js';
import type { TemplateFile } from './registry.js';
import { cleanMessage, errorPosition, templateError } from './template-errors.js';

/**
 * What went wrong in a template, said as its author needs it: syntax errors in full at the
 * exact column, an unknown variable by its whole name with a "did you mean", a helper called
 * wrongly in one line. Loaded only when a template fails (it needs the Handlebars parser).
 */
export function runtimeTemplateError(template: TemplateFile, error: unknown, context: unknown): Diagnostic {
  if (error instanceof HelperError) {
    const loc = error.loc;
    return templateError(template, error.localized, loc?.start.line, loc ? loc.start.column + 1 : undefined, error.hint);
  }
  if (/ not defined /.test(error instanceof Error ? error.message : '')) {
    const diagnosis = unknownVariable(template, error, context);
    if (diagnosis) return diagnosis;
  }
  const { line, column } = errorPosition(error);
  return templateError(template, cleanMessage(error), line, column);
}

/** The parser's token names, as a template author writes them. */
const TOKENS: Readonly<Record<string, [string, string]>> = {
  CLOSE: ['}}', '}}'],
  CLOSE_UNESCAPED: ['}}}', '}}}'],
  CLOSE_RAW_BLOCK: ['}}}}', '}}}}'],
  OPEN: ['{{', '{{'],
  OPEN_UNESCAPED: ['{{{', '{{{'],
  OPEN_RAW_BLOCK: ['{{{{', '{{{{'],
  OPEN_BLOCK: ['{{#', '{{#'],
  OPEN_ENDBLOCK: ['{{/', '{{/'],
  OPEN_INVERSE: ['{{^', '{{^'],
  OPEN_INVERSE_CHAIN: ['{{else …}}', '{{else …}}'],
  INVERSE: ['{{else}}', '{{else}}'],
  OPEN_PARTIAL: ['{{>', '{{>'],
  OPEN_PARTIAL_BLOCK: ['{{#>', '{{#>'],
  OPEN_SEXPR: ['(', '('],
  CLOSE_SEXPR: [')', ')'],
  OPEN_BLOCK_PARAMS: ['as |…|', 'as |…|'],
  CLOSE_BLOCK_PARAMS: ['|', '|'],
  ID: ['a name', '名称'],
  STRING: ['a "string"', '带引号的字符串'],
  NUMBER: ['a number', '数字'],
  BOOLEAN: ['true or false', 'true 或 false'],
  UNDEFINED: ['undefined', 'undefined'],
  NULL: ['null', 'null'],
  DATA: ['@name', '@名称'],
  SEP: ['. or /', '. 或 /'],
  EQUALS: ['=', '='],
  EOF: ['the end of the file', '文件结尾'],
  INVALID: ['a character that cannot stand here', '此处不允许的字符'],
  CONTENT: ['text', '文字'],
  COMMENT: ['a comment', '注释'],
};

const token = (name: string, i: 0 | 1) => TOKENS[name]?.[i] ?? name;

/**
 * A Handlebars parse error ("Parse error on line 3:\n<last 20 characters>\n---^\nExpecting
 * 'X', got 'Y'") as a diagnostic at the exact column: the caret's offset in the excerpt is
 * found again in the source (the excerpt has the line breaks removed).
 */
export function syntaxError(template: TemplateFile, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(?:Expecting (.*), got '(.*)')?/s.exec(message);
  if (!parse) {
    const { line, column } = errorPosition(error);
    const clean = cleanMessage(error).replace(/^(\w+) doesn't match (\w+)$/, '{{#$1}} is closed by {{/$2}}');
    return templateError(template, text(`syntax error: ${clean}`, `语法错误：${clean}`), line, column);
  }
  const line = Number(parse[1]);
  const before = parse[2]!.slice(0, parse[3]!.length).replace(/^\.\.\./, '');
  const column = columnOf(template.source, line, before);
  const expected = (parse[4] ?? '').split(', ').map((s) => s.replace(/^'|'$/g, '')).filter((s) => s !== '');
  const got = parse[5] ?? 'INVALID';
  const list = (i: 0 | 1) => [...new Set(expected.map((t) => token(t, i)))].join(i === 0 ? ', ' : '、');
  const unclosed = got === 'EOF' && expected.includes('OPEN_ENDBLOCK');
  const rest = (template.source.split('\n')[line - 1] ?? '').slice((column ?? 1) - 1);
  const open = !unclosed && (got === 'INVALID' || got === 'EOF') && !rest.includes('}}');
  return templateError(
    template,
    text(
      `syntax error: expected ${expected.length > 1 ? 'one of ' : ''}${list(0)}; found ${token(got, 0)}`,
      `语法错误：此处应为 ${list(1)}，实际为${token(got, 1)}`,
    ),
    line,
    column,
    unclosed
      ? text('a block ({{#if}}, {{#each}}, {{#with}}) is not closed: add its {{/…}}', '有块（{{#if}}、{{#each}}、{{#with}}）未闭合：请补上对应的 {{/…}}')
      : open
        ? text('is a {{ left without its }}?', '是否有 {{ 缺少对应的 }}？')
        : undefined,
  );
}

/** The column on `line` where the parser's excerpt (line breaks removed) ends. */
function columnOf(source: string, line: number, before: string): number | undefined {
  const lines = source.split('\n');
  const flat = lines.slice(0, line).join('');
  const lineStart = flat.length - (lines[line - 1]?.length ?? 0);
  for (let end = flat.length; end >= lineStart; end--) {
    if (flat.slice(0, end).endsWith(before)) return end - lineStart + 1;
  }
  return undefined;
}

type Node = { type?: string; loc?: { start: { line: number; column: number }; end: { line: number; column: number } }; [key: string]: unknown };

interface Scope {
  readonly value: unknown;
  readonly name: string;
}

/**
 * Strict mode's "x not defined" names only the last segment, and sometimes the wrong one.
 * Find the path written at the error's position in the template, walk it through the
 * context (inside {{#each}} and {{#with}} too) and name the first segment that is missing,
 * with a "did you mean" from the keys that are there.
 */
export function unknownVariable(template: TemplateFile, error: unknown, context: unknown): Diagnostic | undefined {
  const { line, column } = errorPosition(error);
  if (line === undefined || column === undefined) return undefined;
  let ast: Node;
  try {
    ast = Handlebars.parse(template.source) as unknown as Node;
  } catch {
    return undefined;
  }
  const found = findPath(ast, line, column - 1, [{ value: context, name: '' }]);
  if (!found) return undefined;
  const { path, scopes } = found;
  const original = String(path['original']);
  const depth = Number(path['depth'] ?? 0);
  const scope = scopes[Math.max(0, scopes.length - 1 - depth)]!;
  const parts = (path['parts'] as unknown[]).map(String);
  let value = scope.value;
  let walked = scope.name;
  for (const part of parts) {
    const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
    if (!record || !Object.prototype.hasOwnProperty.call(record, part)) {
      const keys = record ? Object.keys(record) : [];
      const suggestion = didYouMean(part, keys);
      const where = walked === '' ? 'the template context' : walked;
      const whereZh = walked === '' ? '模板上下文' : walked;
      const notSet = record !== undefined && keys.length > 0 && suggestion === undefined;
      return templateError(
        template,
        text(
          `unknown variable ${original}: ${where} has no ${JSON.stringify(part)}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''}`,
          `未知变量 ${original}：${whereZh} 中没有“${part}”${suggestion ? `；是不是要写“${suggestion}”？` : ''}`,
        ),
        path.loc!.start.line,
        path.loc!.start.column + 1,
        notSet
          ? text(
              `contract templates vars lists every variable; an optional one that these params leave out is missing too: test it first with {{#if ${original}}}`,
              `contract templates vars 列出全部变量；参数中未填写的可选项同样不存在：请先用 {{#if ${original}}} 判断`,
            )
          : text('contract templates vars lists every variable', 'contract templates vars 列出全部变量'),
      );
    }
    value = record[part];
    walked = walked === '' ? part : `${walked}.${part}`;
  }
  return undefined;
}

/** The innermost path expression at (line, column0), with the scopes ({{#each}}, {{#with}}) around it. */
function findPath(node: unknown, line: number, column0: number, scopes: Scope[]): { path: Node; scopes: Scope[] } | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const hit = findPath(child, line, column0, scopes);
      if (hit) return hit;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as Node;
  if (n.type === 'PathExpression' && n.loc && contains(n.loc, line, column0)) return { path: n, scopes };
  if (n.type === 'BlockStatement') {
    const head = findPath([n['path'], n['params'], n['hash']], line, column0, scopes);
    if (head) return head;
    const helper = String((n['path'] as Node)['original']);
    const param = ((n['params'] as Node[]) ?? [])[0];
    let inner = scopes;
    if ((helper === 'each' || helper === 'with') && param?.type === 'PathExpression') {
      const value = resolve(scopes, param);
      const item = helper === 'each' ? firstItem(value) : value;
      inner = [...scopes, { value: item, name: helper === 'each' ? `${String(param['original'])}[]` : String(param['original']) }];
    }
    return findPath(n['program'], line, column0, inner) ?? findPath(n['inverse'], line, column0, scopes);
  }
  for (const [key, value] of Object.entries(n)) {
    if (key === 'loc' || typeof value !== 'object') continue;
    const hit = findPath(value, line, column0, scopes);
    if (hit) return hit;
  }
  return undefined;
}

function contains(loc: NonNullable<Node['loc']>, line: number, column0: number): boolean {
  const after = line > loc.start.line || (line === loc.start.line && column0 >= loc.start.column);
  const before = line < loc.end.line || (line === loc.end.line && column0 <= loc.end.column);
  return after && before;
}

function resolve(scopes: readonly Scope[], path: Node): unknown {
  let value = scopes[Math.max(0, scopes.length - 1 - Number(path['depth'] ?? 0))]!.value;
  for (const part of (path['parts'] as unknown[]).map(String)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function firstItem(value: unknown): unknown {
  if (Array.isArray(value)) return value[0];
  if (value !== null && typeof value === 'object') return Object.values(value)[0];
  return undefined;
}
