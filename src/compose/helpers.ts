import type { HelperDelegate, HelperOptions } from 'handlebars';
import { text, type LocalizedText } from '../diagnostics.js';
import type { AnnexId } from '../params/types.js';
import { chineseCount } from '../model/numbering.js';
import { chineseDate } from './dates.js';
import { daxieWithCurrency } from './daxie.js';
import { MARK, unescapeMarkdown } from './escape.js';
import { formatMoney, formatUnitPrice, plainDecimal } from './money.js';
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
    if (args.length !== doc.args.length) {
      const wanted = doc.args.length === 1 ? `1 argument (${doc.args[0]})` : `${doc.args.length} arguments (${doc.args.join(', ')})`;
      throw new HelperError(
        text(`{{${name}}} takes ${wanted}, got ${args.length}`, `{{${name}}} 需要 ${doc.args.length} 个参数，实际 ${args.length} 个`),
        loc,
        text(`for example ${doc.example}`, `例如 ${doc.example}`),
      );
    }
    return body(args, loc);
  };
}

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
    date: checked('date', ([value], loc) => {
      if (typeof value !== 'string') throw new HelperError(text(`{{date}} needs an ISO date, got ${describe(value)}`, `{{date}} 需要 ISO 日期，实际为 ${describe(value)}`), loc);
      return chineseDate(value);
    }),
    money: checked('money', ([value], loc) => formatMoney(decimalArg('money', value, loc))),
    price: checked('price', ([value], loc) => formatUnitPrice(decimalArg('price', value, loc))),
    daxie: checked('daxie', ([value], loc) => daxieWithCurrency(decimalArg('daxie', value, loc))),
    percent: checked('percent', ([value], loc) => `${plainDecimal(decimalArg('percent', value, loc))}%`),
    cn: checked('cn', ([value], loc) => chineseCount(Number(decimalArg('cn', value, loc)))),
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
    join: checked('join', ([list, separator], loc) => {
      if (!Array.isArray(list)) throw new HelperError(text(`{{join}} needs a list, got ${describe(list)}`, `{{join}} 需要列表，实际为 ${describe(list)}`), loc);
      return list.map(String).join(typeof separator === 'string' ? separator : '、');
    }),
  };
}

export type { HelperOptions };
