import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { AnnexId } from '../params/types.js';
import { chineseCount } from '../model/numbering.js';
import { chineseDate } from './dates.js';
import { daxieWithCurrency } from './daxie.js';
import { MARK, unescapeMarkdown } from './escape.js';
import { Dec, formatMoney, formatQuantity, formatUnitPrice, plainDecimal } from './money.js';
import type { TemplateContext } from './context.js';

/** Raised by a helper on misuse; the composer adds the template file and line. */
export class HelperError extends Error {}

function decimalArg(name: string, value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(unescapeMarkdown(value))) return unescapeMarkdown(value);
  throw new HelperError(`{{${name}}} needs a number, got ${JSON.stringify(value)}`);
}

/** A value left open in a draft: the blank marker passes through every formatting helper. */
const isOpen = (value: unknown): value is string => typeof value === 'string' && value.startsWith(MARK.blankOpen);

/** Wraps a formatting helper so that an open value prints as the blank it is. */
const orBlank =
  (format: (...args: unknown[]) => string) =>
  (...args: unknown[]): string => {
    const open = args.find(isOpen);
    return open !== undefined ? open : format(...args);
  };

/**
 * The project's helpers, bound to one context. Every helper returns Markdown-safe text: its
 * output is made of digits, Chinese text and the pipeline's private markers only.
 */
export function makeHelpers(context: TemplateContext): Record<string, HelperDelegate> {
  const included = new Map(context.annexes.map((a) => [a.id, a]));
  return {
    date: orBlank((value: unknown) => {
      if (typeof value !== 'string') throw new HelperError(`{{date}} needs an ISO date, got ${JSON.stringify(value)}`);
      return chineseDate(value);
    }),
    money: orBlank((value: unknown) => formatMoney(decimalArg('money', value))),
    // A hash argument or a second positional one gives the column's number of decimals.
    price: orBlank((value: unknown, scale: unknown) => formatUnitPrice(decimalArg('price', value), typeof scale === 'number' ? scale : undefined)),
    qty: orBlank((value: unknown) => formatQuantity(decimalArg('qty', value))),
    daxie: orBlank((value: unknown) => daxieWithCurrency(decimalArg('daxie', value))),
    percent: orBlank((value: unknown) => `${plainDecimal(decimalArg('percent', value))}%`),
    cn: orBlank((value: unknown) => chineseCount(Number(decimalArg('cn', value)))),
    hasAnnex: (id: unknown) => included.has(id as AnnexId),
    annexRef: (id: unknown) => {
      const annex = included.get(id as AnnexId);
      if (!annex) {
        throw new HelperError(
          `{{annexRef ${JSON.stringify(id)}}}: that annex is not included; wrap the reference in {{#if (hasAnnex ${JSON.stringify(id)})}}`,
        );
      }
      return `${MARK.refOpen}annex:${annex.id}${MARK.refClose}《${annex.title}》`;
    },
    articleRef: (id: unknown) => {
      if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) throw new HelperError(`{{articleRef}} needs an article id such as "fees"`);
      return `${MARK.refOpen}article:${id}${MARK.refClose}`;
    },
    blank: (hint: unknown) => {
      const text = typeof hint === 'string' ? hint.replace(/[\uE000-\uE003]/g, '') : '';
      return context.draft ? `${MARK.blankOpen}${text}${MARK.blankClose}` : '';
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => !isOpen(a) && !isOpen(b) && new Dec(decimalArg('gt', a)).gt(decimalArg('gt', b)),
    join: (list: unknown, separator: unknown) => {
      if (!Array.isArray(list)) throw new HelperError('{{join}} needs a list');
      return list.map(String).join(typeof separator === 'string' ? separator : '、');
    },
  };
}

export type { HelperOptions };
