import { text } from '../../diagnostics.js';
import { daysOfYears, type LintRule } from './types.js';

export const retentionVsConfidentiality: LintRule = {
  id: 'retention-vs-confidentiality',
  description: text(
    'Call recordings are not kept longer than the confidentiality duty lasts.',
    '通话录音的保存期限不应长于保密义务的期间。',
  ),
  reads: ['dataProtection.recordingRetentionDays', 'confidentiality.years', 'contract.term', 'services.valueAdded'],
  check(p, ctx) {
    if (!p.services.valueAdded.includes('callRecording')) return [];
    const covered = daysOfYears(p.contract.term.effectiveDate, p.contract.term.years + p.confidentiality.years);
    if (p.dataProtection.recordingRetentionDays <= covered) return [];
    return [
      ctx.warn(
        ['dataProtection', 'recordingRetentionDays'],
        text(
          `keeps recordings ${p.dataProtection.recordingRetentionDays} days, longer than the term plus the ${p.confidentiality.years}-year confidentiality period (${covered} days)`,
          `录音保存 ${p.dataProtection.recordingRetentionDays} 日，长于合同期限加 ${p.confidentiality.years} 年保密期（${covered} 日）`,
        ),
        text('shorten the retention or lengthen confidentiality.years', '缩短保存期限，或延长 confidentiality.years'),
      ),
    ];
  },
};
