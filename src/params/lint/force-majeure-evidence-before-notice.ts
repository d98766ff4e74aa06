import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

export const forceMajeureEvidenceBeforeNotice: LintRule = {
  id: 'force-majeure-evidence-before-notice',
  description: text(
    'Evidence of force majeure is due no earlier than the notice of it.',
    '不可抗力证明的提交期限不应早于通知期限。',
  ),
  reads: ['forceMajeure'],
  check(p, ctx) {
    const { noticeDays, evidenceDays } = p.forceMajeure;
    if (evidenceDays >= noticeDays) return [];
    return [
      ctx.warn(
        ['forceMajeure', 'evidenceDays'],
        text(`is ${evidenceDays} days, before the notice itself is due (${noticeDays} days)`, `为 ${evidenceDays} 日，早于通知期限（${noticeDays} 日）`),
      ),
    ];
  },
};
