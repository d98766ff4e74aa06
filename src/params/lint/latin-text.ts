import { text } from '../../diagnostics.js';
import type { KeyPath } from '../locate.js';
import { FEE_CATEGORIES, type ContractParams } from '../types.js';
import type { LintRule } from './types.js';

/**
 * An English word where Chinese contract text belongs: a lower-case word of three letters
 * or more, a camelCase identifier, or one of the params' own key words (`monthly`, `usage`),
 * whatever its case. Acronyms and brand names (IVR, A&B, Apple) pass.
 */
// The fee categories are what leaks into item names (other key words, like mobile, are also brand words).
const KEY_WORDS = [...FEE_CATEGORIES];
const KEY_WORD = new RegExp(`(?<![A-Za-z])(?:${KEY_WORDS.join('|')})(?![A-Za-z])`, 'i');
const LOWER_OR_CAMEL = /(?<![A-Za-z])(?:[a-z]+[A-Z][A-Za-z]*|[a-z]{3,})(?![A-Za-z])/;

/** The first English word of `value`, if any. */
export function englishWord(value: string): string | undefined {
  return LOWER_OR_CAMEL.exec(value)?.[0] ?? KEY_WORD.exec(value)?.[0];
}

/** The free-text values that print in the Chinese text, with their key paths. */
function printedText(p: ContractParams): [KeyPath, string][] {
  const out: [KeyPath, string][] = [
    [['contract', 'title'], p.contract.title],
    [['contract', 'signing', 'place'], p.contract.signing.place],
    [['fees', 'billing', 'method'], p.fees.billing.method],
  ];
  for (const role of ['client', 'provider'] as const) {
    const party = p.parties[role];
    out.push(
      [['parties', role, 'name'], party.name],
      [['parties', role, 'address'], party.address],
      [['parties', role, 'legalRepresentative'], party.legalRepresentative],
      [['parties', role, 'contact', 'name'], party.contact.name],
    );
    if (party.bank) out.push([['parties', role, 'bank', 'name'], party.bank.name]);
    out.push([['notices', role, 'address'], p.notices[role].address]);
  }
  p.services.numbers.forEach((n, i) => out.push([['services', 'numbers', i, 'region'], n.region]));
  p.fees.items.forEach((item, i) => out.push([['fees', 'items', i, 'name'], item.name], [['fees', 'items', i, 'unit'], item.unit]));
  for (const [unit, definition] of Object.entries(p.fees.units)) out.push([['fees', 'units', unit], `${unit} ${definition}`]);
  if (p.disputes.resolution === 'litigation') out.push([['disputes', 'court'], p.disputes.court]);
  else out.push([['disputes', 'arbitration', 'commission'], p.disputes.arbitration.commission]);
  p.maintenance.forEach((m, i) => (['window', 'content', 'impact'] as const).forEach((k) => out.push([['maintenance', i, k], m[k]])));
  p.changes.forEach((c, i) => (['clause', 'original', 'amended'] as const).forEach((k) => out.push([['changes', i, k], c[k]])));
  return out;
}

export const latinText: LintRule = {
  id: 'latin-text',
  description: text(
    'No English word reaches the Chinese contract text through a value (a key word such as monthly pasted into a name).',
    '合同中文文本中不应出现通过参数值带入的英文单词（例如把 monthly 之类的键值写进名称）。',
  ),
  reads: [],
  check(p, ctx) {
    return printedText(p).flatMap(([path, value]) => {
      const word = englishWord(value);
      if (word === undefined) return [];
      return [
        ctx.warn(
          path,
          text(`contains the English word ${JSON.stringify(word)}, which would print in the Chinese contract`, `含有英文单词“${word}”，将原样出现在中文合同中`),
          text('write it in Chinese (e.g. 月租费 for monthly)', '请改用中文（例如用“月租费”代替 monthly）'),
        ),
      ];
    });
  },
};
