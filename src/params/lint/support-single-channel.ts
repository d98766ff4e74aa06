import { text } from '../../diagnostics.js';
import type { LintRule } from './types.js';

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

export const supportSingleChannel: LintRule = {
  id: 'support-single-channel',
  description: text(
    'Faults can be reported through more than the provider contact person\'s phone.',
    '故障报修渠道不应只有乙方联系人的电话。',
  ),
  reads: ['support', 'parties.provider.contact'],
  check(p, ctx) {
    const { hotline, email, portal } = p.support;
    if (email !== undefined || portal !== undefined) return [];
    if (digits(hotline) !== digits(p.parties.provider.contact.phone)) return [];
    return [
      ctx.warn(
        ['support'],
        text(
          `the only fault channel is ${hotline}, the phone of the provider's contact person: faults cannot be reported when that person is away`,
          `唯一的故障报修渠道是乙方联系人的电话 ${hotline}：联系人不在时无法报修`,
        ),
        text('give support.hotline (a staffed number), support.email or support.portal', '请填写 support.hotline（有人值守的热线）、support.email 或 support.portal'),
      ),
    ];
  },
};
