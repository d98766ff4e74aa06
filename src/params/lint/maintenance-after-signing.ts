import { text } from '../../diagnostics.js';
import { dayAfterTerm, type LintRule } from './types.js';

export const maintenanceAfterSigning: LintRule = {
  id: 'maintenance-after-signing',
  description: text(
    'The maintenance log printed with the contract holds no entry dated after the signing date.',
    '随合同签署的维护记录不应含有签订日期之后的登记。',
  ),
  reads: ['maintenance', 'contract.signing.date', 'contract.term'],
  check(p, ctx) {
    const signing = p.contract.signing.date;
    const over = dayAfterTerm(p.contract.term.effectiveDate, p.contract.term.years);
    return p.maintenance.flatMap((entry, i) =>
      entry.noticeDate > signing && entry.noticeDate < over
        ? [
            ctx.warn(
              ['maintenance', i, 'noticeDate'],
              text(
                `${entry.noticeDate} is after the signing date ${signing}: a signed copy would record a notice not yet given`,
                `${entry.noticeDate} 晚于签订日期 ${signing}：签署的文本将记载一项尚未发出的通知`,
              ),
              text(
                'the log is a living record kept during the term; leave later entries out of the copy for signing',
                '维护记录在履行中逐次登记；用于签署的文本请不要列入签订日期之后的登记',
              ),
            ),
          ]
        : [],
    );
  },
};
