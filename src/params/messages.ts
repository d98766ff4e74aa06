/**
 * Bilingual wording of every params problem, in one place so that the phrasing stays
 * consistent (and so that no raw zod or yaml message ever reaches a user).
 */
import { text, type LocalizedText } from '../diagnostics.js';

/** One problem with a value, before it is given a file position. */
export interface Problem {
  readonly code: string;
  readonly message: LocalizedText;
  readonly hint?: LocalizedText;
  /** The value is missing: point at the parent mapping, not at the (absent) value. */
  readonly missing?: boolean;
}

export function problem(code: string, message: LocalizedText, hint?: LocalizedText): Problem {
  return hint ? { code, message, hint } : { code, message };
}

/** Shows user text inside a message without letting control characters reach a terminal. */
export function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

export const MSG = {
  required: (): Problem => ({
    code: 'required',
    message: text('is required but missing', '缺少此必填项'),
    missing: true,
  }),
  requiredWhen: (en: string, zh: string): Problem => ({
    code: 'required',
    message: text(`is required ${en}`, `${zh}时必须填写此项`),
    missing: true,
  }),
  noValue: (): Problem =>
    problem(
      'no-value',
      text('has no value', '没有填写值'),
      text('write a value after the colon, or delete the line', '在冒号后写上值，或删除这一行'),
    ),
  notMapping: (got: string): Problem =>
    problem(
      'expected-mapping',
      text(`must be a mapping of \`key: value\` lines, not ${describeEn(got)}`, `必须是“键: 值”形式的映射，而不是${describeZh(got)}`),
    ),
  notList: (got: string): Problem =>
    problem(
      'expected-list',
      text(`must be a list (lines starting with \`- \`), not ${describeEn(got)}`, `必须是列表（以“- ”开头的多行），而不是${describeZh(got)}`),
    ),
  notText: (got: string): Problem =>
    problem('expected-text', text(`must be text, not ${describeEn(got)}`, `必须是文字，而不是${describeZh(got)}`)),
  notBoolean: (got: string): Problem =>
    problem(
      'expected-boolean',
      text(`must be true or false, not ${describeEn(got)}`, `必须是 true 或 false，而不是${describeZh(got)}`),
      got === 'string' ? text('write true or false (no quotes; yes/no are read as text)', '请写 true 或 false（不加引号；yes/no 会被当作文字）') : undefined,
    ),
  notInteger: (min: number, max: number, got: string): Problem =>
    problem(
      'expected-integer',
      text(`must be a whole number between ${min} and ${max}`, `必须是 ${min} 到 ${max} 之间的整数`),
      got === 'numeric-string'
        ? text('write the number without quotes or leading zeros', '数字不要加引号，也不要有前导零')
        : undefined,
    ),
  empty: (): Problem => problem('empty-text', text('must not be empty', '不能为空')),
  tooLong: (max: number): Problem =>
    problem('text-too-long', text(`is longer than ${max} characters`, `超过 ${max} 个字符`)),
  listEmpty: (): Problem => problem('list-empty', text('must list at least one item', '至少要列出一项')),
  oneOf: (values: readonly string[], suggestion?: string): Problem =>
    problem(
      'not-allowed-value',
      text(`must be one of: ${values.join(', ')}`, `必须是以下之一：${values.join('、')}`),
      suggestion ? text(`did you mean \`${suggestion}\`?`, `是不是要写 \`${suggestion}\`？`) : undefined,
    ),
  unknownKey: (key: string, suggestion?: string): Problem =>
    problem(
      'unknown-key',
      text(`unknown key ${quote(key)}`, `未知的键 ${quote(key)}`),
      key === '<<'
        ? text('YAML merge keys (<<) are not supported; use `extends:` to share a base file', '不支持 YAML 合并键（<<）；请用 `extends:` 引用公共文件')
        : key === 'extends'
          ? text('`extends` only works at the top of a file loaded from disk', '`extends` 只能写在从磁盘读取的文件顶层')
          : suggestion
            ? text(`did you mean \`${suggestion}\`?`, `是不是要写 \`${suggestion}\`？`)
            : undefined,
    ),
} as const;

/** `typeof`-like description of a wrong value, for "not X" messages. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return /^\d+$/.test(value) ? 'numeric-string' : 'string';
  return typeof value;
}

function describeEn(kind: string): string {
  switch (kind) {
    case 'array': return 'a list';
    case 'object': return 'a mapping';
    case 'string': case 'numeric-string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return 'true/false';
    case 'null': case 'undefined': return 'nothing';
    default: return kind;
  }
}

function describeZh(kind: string): string {
  switch (kind) {
    case 'array': return '列表';
    case 'object': return '映射';
    case 'string': case 'numeric-string': return '文字';
    case 'number': return '数字';
    case 'boolean': return 'true/false';
    case 'null': case 'undefined': return '空值';
    default: return kind;
  }
}

/** Optimal string alignment distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate if it is a plausible typo of `word`, else undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const allowed = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    // The length difference bounds the distance from below: a long key costs nothing here.
    if (Math.abs(c.length - word.length) > allowed) continue;
    const score = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= allowed ? best : undefined;
}
