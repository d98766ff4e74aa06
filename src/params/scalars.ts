/**
 * Leaf schemas: every scalar field goes through one of these builders. Each is
 * `z.unknown()` piped into our own check, so that (a) every message is ours, in both
 * languages, and (b) identifiers and decimals are taken as the exact text written (the
 * loader already turned non-round-tripping YAML numbers back into their source text).
 * The JSON Schema of each leaf is given explicitly as metadata (input shape).
 */
import { Decimal as Dec } from 'decimal.js';
import { z } from 'zod';
import { text } from '../diagnostics.js';
import { findInvisible, invisibleProblem } from './invisible.js';
import { MSG, didYouMean, kindOf, problem, type Problem } from './messages.js';
import { isOpenText } from './open-value.js';

export const MAX_TEXT = 10_000;

type Check<T> = (value: unknown) => T | Problem;

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !Array.isArray(v);
}

/** Custom issues carry our Problem in `params.problem`; validate.ts reads it back. */
export function leaf<T>(json: Record<string, unknown>, check: Check<T>) {
  return z
    .unknown()
    .transform((value, ctx): T => {
      const r = value === undefined ? MSG.required() : value === null ? MSG.noValue() : check(value);
      if (isProblem(r)) {
        ctx.addIssue({ code: 'custom', message: r.message.en, params: { problem: r } });
        return z.NEVER;
      }
      return r;
    })
    .meta(json);
}

/** First character that may not appear in user text, as a Problem, or undefined. */
export function forbiddenChar(s: string): Problem | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    if (c === 0x0a || c === 0x0d) {
      return problem(
        'multi-line',
        text('must be one line (it contains a line break)', '必须写在一行内（其中有换行）'),
        text('remove the line break, or use a list for several items', '去掉换行；多项内容请用列表'),
      );
    }
    if (c <= 0x1f || c === 0x7f) {
      return problem('control-char', text(`contains the control character ${hex}`, `含有控制字符 ${hex}`), text('delete it; it is invisible in most editors', '删除该字符（多数编辑器中不可见）'));
    }
    if (c === 0xfffe || c === 0xffff) return problem('non-character', text(`contains the non-character ${hex}`, `含有非字符 ${hex}`));
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return problem('lone-surrogate', text(`contains a broken character (lone surrogate ${hex})`, `含有损坏的字符（孤立代理项 ${hex}）`));
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return problem('lone-surrogate', text(`contains a broken character (lone surrogate ${hex})`, `含有损坏的字符（孤立代理项 ${hex}）`));
    }
    if (c >= 0xe000 && c <= 0xf8ff) {
      return problem('private-use-char', text(`contains the private-use character ${hex}, which is reserved`, `含有私用区字符 ${hex}（保留给本程序内部使用）`));
    }
  }
  const invisible = findInvisible(s);
  return invisible ? invisibleProblem(invisible.codePoint) : undefined;
}

function checkText(value: unknown, maxLength: number): string | Problem {
  // Only the draft's own placeholder can be a blank marker (users cannot type its characters).
  if (isOpenText(value)) return value;
  if (typeof value !== 'string') return MSG.notText(kindOf(value));
  if (value.trim() === '') return MSG.empty();
  if (value.length > maxLength) return MSG.tooLong(maxLength);
  return forbiddenChar(value) ?? value;
}

/** Free one-line text (names, addresses): kept exactly as written. */
export function textField(description: string, maxLength = MAX_TEXT) {
  return leaf({ type: 'string', minLength: 1, maxLength, description }, (v) => checkText(v, maxLength));
}

/**
 * An identifier written as text or as digits: a YAML number that round-trips (the loader
 * guarantees it) becomes its decimal digits. `extra` checks the format.
 */
export function identifier(description: string, extra?: (s: string) => Problem | undefined, pattern?: string) {
  return leaf({ type: ['string', 'integer'], description, ...(pattern ? { pattern } : {}) }, (v) => {
    if (isOpenText(v)) return v;
    let s: string;
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || v < 0) {
        return problem(
          'identifier-number',
          text('is a number that cannot be kept exactly', '是无法精确保存的数字'),
          text('put the value in quotes, exactly as written', '请用引号括起来，按原样书写'),
        );
      }
      s = String(v);
    } else if (typeof v === 'string') {
      s = v;
    } else {
      return MSG.notText(kindOf(v));
    }
    if (s.trim() === '') return MSG.empty();
    if (s.length > 100) return MSG.tooLong(100);
    const bad = forbiddenChar(s);
    if (bad) return bad;
    if (/^\s|\s$/.test(s)) {
      return problem('identifier-space', text('must not start or end with a space', '首尾不能有空格'));
    }
    return extra?.(s) ?? s;
  });
}

/** true / false only (`yes`, `"true"` are errors, not guesses). */
export function booleanField(description: string) {
  return leaf({ type: 'boolean', description }, (v) => (typeof v === 'boolean' ? v : MSG.notBoolean(kindOf(v))));
}

/** A count: a JS integer in [min, max]. */
export function countField(min: number, max: number, description: string) {
  return leaf({ type: 'integer', minimum: min, maximum: max, description }, (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : MSG.notInteger(min, max, kindOf(v)),
  );
}

export interface DecimalOptions {
  readonly maxScale: number;
  readonly min?: string;
  /** The minimum itself is not allowed (e.g. a rate must be > 0). */
  readonly minExclusive?: boolean;
  readonly max?: string;
  /** Words for the range, e.g. "a percentage between 0 and 100". */
  readonly range: { readonly en: string; readonly zh: string };
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** Exact decimal as written (`"200.00"` stays `"200.00"`); numbers become their shortest text. */
export function decimalField(description: string, o: DecimalOptions) {
  const json: Record<string, unknown> = {
    type: ['string', 'number'],
    pattern: '^\\d+(\\.\\d+)?$',
    description,
  };
  return leaf(json, (v) => {
    let s: string;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return badDecimal(o);
      s = String(v);
      if (v < 0) return negative();
    } else if (typeof v === 'string') {
      s = v;
    } else {
      return problem('expected-decimal', text(`must be ${o.range.en}`, `必须是${o.range.zh}`));
    }
    if (/^-\s*\d/.test(s)) return negative();
    if (!DECIMAL.test(s)) {
      return problem(
        'bad-decimal',
        text(`must be a plain decimal number (${o.range.en}), like 1234.50`, `必须是普通十进制数（${o.range.zh}），例如 1234.50`),
        text('no commas, currency signs, spaces, exponents or % sign', '不要写逗号、货币符号、空格、指数或百分号'),
      );
    }
    const scale = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
    if (scale > o.maxScale) {
      return problem('decimal-scale', text(`must have at most ${o.maxScale} decimal places`, `小数位数不能超过 ${o.maxScale} 位`));
    }
    if (s.replace(/^0+(?=\d)/, '').split('.')[0]!.length > 15) return badDecimal(o);
    const d = new Dec(s);
    const min = o.min !== undefined ? new Dec(o.min) : undefined;
    const max = o.max !== undefined ? new Dec(o.max) : undefined;
    if ((min && (o.minExclusive ? d.lte(min) : d.lt(min))) || (max && d.gt(max))) return badDecimal(o);
    return s;
  });
}

function badDecimal(o: DecimalOptions): Problem {
  return problem('decimal-range', text(`must be ${o.range.en}`, `必须是${o.range.zh}`));
}

function negative(): Problem {
  return problem('negative', text('must not be negative', '不能是负数'));
}

export function percentField(description: string, opts: { minExclusive?: boolean } = {}) {
  return decimalField(description, {
    maxScale: 4,
    min: '0',
    max: '100',
    ...(opts.minExclusive ? { minExclusive: true } : {}),
    range: opts.minExclusive
      ? { en: 'a percentage above 0 and at most 100', zh: '大于 0 且不超过 100 的百分数' }
      : { en: 'a percentage between 0 and 100', zh: '介于 0 到 100 之间的百分数' },
  });
}

export function moneyField(description: string) {
  return decimalField(description, { maxScale: 3, range: { en: 'an amount of money, 0 or more', zh: '不小于 0 的金额' } });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is YYYY-MM-DD and a real calendar date. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function dateField(description: string) {
  return leaf({ type: 'string', format: 'date', description }, (v) => {
    // Library users may pass a Date; YAML 1.2 never produces one.
    if (v instanceof Date && !Number.isNaN(v.getTime())) {
      // A Date outside the years 1900-9999 has no YYYY-MM-DD form (toISOString gives +010000-…).
      const iso = v.toISOString().slice(0, 10);
      return isIsoDate(iso) ? iso : problem('impossible-date', text(`${v.toISOString()} is not a date between 1900 and 9999`, `${v.toISOString()} 不是 1900 年至 9999 年之间的日期`));
    }
    if (typeof v !== 'string' || !ISO_DATE.test(v)) {
      return problem('bad-date', text('must be a date written YYYY-MM-DD, like 2025-03-01', '必须是 YYYY-MM-DD 格式的日期，例如 2025-03-01'));
    }
    if (!isIsoDate(v)) return problem('impossible-date', text(`${v} is not a real calendar date`, `${v} 不是真实存在的日期`));
    return v;
  });
}

/**
 * One of a fixed set of words. `numeric` lets `kind: 400` (a YAML number) mean "400".
 */
export function enumField<const T extends readonly string[]>(values: T, description: string, numeric = false) {
  const numbers = numeric ? values.filter((v) => /^\d+$/.test(v)).map(Number) : [];
  const json: Record<string, unknown> =
    numbers.length > 0
      ? { anyOf: [{ type: 'string', enum: [...values] }, { type: 'integer', enum: numbers }], description }
      : { type: 'string', enum: [...values], description };
  return leaf<T[number]>(json, (v) => {
    const s = typeof v === 'number' && numeric ? String(v) : v;
    if (typeof s === 'string' && (values as readonly string[]).includes(s)) return s as T[number];
    return MSG.oneOf(values, typeof s === 'string' ? didYouMean(s, values) : undefined);
  });
}
