import { text } from '../../diagnostics.js';
import { BUILT_IN_UNITS, unitWords } from '../types.js';
import type { LintRule } from './types.js';

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_UNITS);

export const unitUndefined: LintRule = {
  id: 'unit-undefined',
  description: text(
    'Every billing unit of the fee items is defined in the contract (built in, or in fees.units).',
    '收费项目的每个计费单位都应在合同中有定义（内置定义或 fees.units）。',
  ),
  reads: ['fees.items', 'fees.units'],
  check(p, ctx) {
    const reported = new Set<string>();
    return p.fees.items.flatMap((item, i) =>
      unitWords(item.unit)
        .filter((word) => !BUILT_IN.has(word) && !Object.hasOwn(p.fees.units, word) && !reported.has(word))
        .map((word) => {
          reported.add(word);
          return ctx.warn(
            ['fees', 'items', i, 'unit'],
            text(`uses the billing unit ${JSON.stringify(word)}, which the contract does not define`, `使用的计费单位“${word}”在合同中没有定义`),
            text(`define it: fees.units: { ${word}: 指…… }`, `请在 fees.units 中定义，例如 fees.units: { ${word}: 指…… }`),
          );
        }),
    );
  },
};
