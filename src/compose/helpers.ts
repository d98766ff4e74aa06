import type { HelperDelegate, HelperOptions } from 'handlebars';
import { text, type LocalizedText } from '../diagnostics.js';
import type { AnnexId } from '../params/types.js';
import { chineseCount } from '../model/numbering.js';
import { chineseDate } from './dates.js';
import { daxieWithCurrency } from './daxie.js';
import { MARK, unescapeMarkdown } from './escape.js';
import { Dec, formatMoney, formatQuantity, formatUnitPrice, plainDecimal } from './money.js';
import { HELPERS, type TemplateContext } from './context.js';

type Loc = { start: { line: number; column: number }; end: { line: number; column: number } };

/** Raised by a helper on misuse, with where in the template it was called (Handlebars passes it). */
export class HelperError extends Error {
  constructor(
    readonly localized: LocalizedText,
    readonly loc: Loc | undefined,
    readonly hint?: LocalizedText,
  ) {
    super(localized.en);
  }
}

/** A value in a message: short, and never the whole context (`{{money}}` passes Handlebars' options). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'a group of values';
  const shown = typeof value === 'string' ? unescapeMarkdown(value) : String(value);
  return JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown);
}

const isOptions = (value: unknown): value is HelperOptions =>
  value !== null && typeof value === 'object' && 'hash' in value && 'data' in value && 'loc' in value;

/**
 * Each helper checks that it got as many arguments as it takes before it runs, so that
 * `{{money}}` says so in one line instead of printing the context it was handed.
 */
function checked(name: string, body: (args: unknown[], loc: Loc | undefined) => unknown): HelperDelegate {
  const doc = HELPERS.find((h) => h.name === name)!;
  return (...all: unknown[]) => {
    const options = all[all.length - 1];
    const loc = isOptions(options) ? ((options as unknown as { loc?: Loc }).loc ?? undefined) : undefined;
    const args = isOptions(options) ? all.slice(0, -1) : all;
    const optional = doc.optional?.length ?? 0;
    if (args.length < doc.args.length || args.length > doc.args.length + optional) {
      const count = optional > 0 ? `${doc.args.length} to ${doc.args.length + optional}` : String(doc.args.length);
      const zhCount = optional > 0 ? `${doc.args.length} 至 ${doc.args.length + optional}` : String(doc.args.length);
      const names = [...doc.args, ...(doc.optional ?? []).map((a) => `optionally ${a}`)];
      const wanted = names.length === 1 && optional === 0 ? `1 argument (${names[0]})` : `${count} arguments (${names.join(', ')})`;
      throw new HelperError(
        text(`{{${name}}} takes ${wanted}, got ${args.length}`, `{{${name}}} 需要 ${zhCount} 个参数，实际 ${args.length} 个`),
        loc,
        text(`for example ${doc.example}`, `例如 ${doc.example}`),
      );
    }
    return body(args, loc);
  };
}

/** A value left open in a draft: the blank marker passes through every formatting helper. */
const isOpen = (value: unknown): value is string => typeof value === 'string' && value.startsWith(MARK.blankOpen);

/** A formatting helper whose open (draft) argument prints as the blank it is. */
const orBlank =
  (format: (args: unknown[], loc: Loc | undefined) => string) =>
  (args: unknown[], loc: Loc | undefined): string => {
    const open = args.find(isOpen);
    return open !== undefined ? open : format(args, loc);
  };

function decimalArg(name: string, value: unknown, loc: Loc | undefined): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(unescapeMarkdown(value))) return unescapeMarkdown(value);
  throw new HelperError(text(`{{${name}}} needs a number, got ${describe(value)}`, `{{${name}}} 需要数字，实际为 ${describe(value)}`), loc);
}

/**
 * The project's helpers, bound to one context. Every helper returns Markdown-safe text: its
 * output is made of digits, Chinese text and the pipeline's private markers only.
 */
export function makeHelpers(context: TemplateContext): Record<string, HelperDelegate> {
  const included = new Map(context.annexes.map((a) => [a.id, a]));
  return {
    date: checked(
      'date',
      orBlank(([value], loc) => {
        if (typeof value !== 'string') throw new HelperError(text(`{{date}} needs an ISO date, got ${describe(value)}`, `{{date}} 需要 ISO 日期，实际为 ${describe(value)}`), loc);
        return chineseDate(value);
      }),
    ),
    money: checked('money', orBlank(([value], loc) => formatMoney(decimalArg('money', value, loc)))),
    // A second argument gives the column's number of decimals, so a column of prices lines up.
    price: checked('price', orBlank(([value, scale], loc) => formatUnitPrice(decimalArg('price', value, loc), typeof scale === 'number' ? scale : undefined))),
    qty: checked('qty', orBlank(([value], loc) => formatQuantity(decimalArg('qty', value, loc)))),
    daxie: checked('daxie', orBlank(([value], loc) => daxieWithCurrency(decimalArg('daxie', value, loc)))),
    percent: checked('percent', orBlank(([value], loc) => `${plainDecimal(decimalArg('percent', value, loc))}%`)),
    cn: checked('cn', orBlank(([value], loc) => chineseCount(Number(decimalArg('cn', value, loc))))),
    hasAnnex: checked('hasAnnex', ([id]) => included.has(id as AnnexId)),
    annexRef: checked('annexRef', ([id], loc) => {
      const annex = included.get(id as AnnexId);
      if (!annex) {
        throw new HelperError(
          text(`{{annexRef ${describe(id)}}}: that annex is not included`, `{{annexRef ${describe(id)}}}：合同未包含该附件`),
          loc,
          text(`wrap the reference in {{#if (hasAnnex ${describe(id)})}}`, `请把引用放在 {{#if (hasAnnex ${describe(id)})}} 中`),
        );
      }
      return `${MARK.refOpen}annex:${annex.id}${MARK.refClose}《${annex.title}》`;
    }),
    articleRef: checked('articleRef', ([id], loc) => {
      if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
        throw new HelperError(text(`{{articleRef}} needs an article id such as "fees", got ${describe(id)}`, `{{articleRef}} 需要条款标识（如 "fees"），实际为 ${describe(id)}`), loc);
      }
      return `${MARK.refOpen}article:${id}${MARK.refClose}`;
    }),
    blank: checked('blank', ([hint]) => {
      const clean = typeof hint === 'string' ? hint.replace(/[\uE000-\uE003]/g, '') : '';
      return context.draft ? `${MARK.blankOpen}${clean}${MARK.blankClose}` : '';
    }),
    eq: checked('eq', ([a, b]) => a === b),
    gt: checked('gt', ([a, b], loc) => !isOpen(a) && !isOpen(b) && new Dec(decimalArg('gt', a, loc)).gt(decimalArg('gt', b, loc))),
    join: checked('join', ([list, separator], loc) => {
      if (!Array.isArray(list)) throw new HelperError(text(`{{join}} needs a list, got ${describe(list)}`, `{{join}} 需要列表，实际为 ${describe(list)}`), loc);
      return list.map(String).join(typeof separator === 'string' ? separator : '、');
    }),
  };
}

export type { HelperOptions };
