import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

export const precedenceAmendmentsFirst: LintRule = {
  id: 'precedence-amendments-first',
  description: text(
    'Signed amendments come first in the order of precedence, so that a change agreement changes the contract.',
    '双方签署的变更协议应在优先顺序中排在首位，变更协议才能变更合同。',
  ),
  reads: ['contract.precedence'],
  check(p, ctx) {
    const at = p.contract.precedence.indexOf('amendments');
    if (at === 0) return [];
    return [
      ctx.warn(
        ['contract', 'precedence'],
        text(
          `puts ${p.contract.precedence[0]} above the signed amendments: a change agreement would not prevail over what it changes`,
          `将 ${p.contract.precedence[0]} 排在已签署的变更协议之前：变更协议将无法优先于其所变更的内容`,
        ),
        text('list amendments first', '请将 amendments 列在首位'),
      ),
    ];
  },
};
