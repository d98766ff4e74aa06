/**
 * Each parameter of issue 12 changes the contract text where it should: the example with one
 * value changed prints the new wording and no longer prints the old one.
 */
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../src/pipeline.js';
import type { ContractParams } from '../../src/params/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { exampleParams } from '../fixtures/params.js';

type Case = [name: string, edit: (p: ContractParams) => void, present: string[], absent: string[]];

const md = async (edit: (p: ContractParams) => void = () => {}) => {
  const p = exampleParams();
  edit(p);
  return renderMarkdown(await buildContract(p));
};

const CASES: Case[] = [
  ['billing increment 6s', (p) => { p.fees.billing.increment = '6s'; }, ['以6秒为计费单元，每次通话不足6秒的部分按6秒计'], ['不足1分钟的部分按1分钟计']],
  ['billing increment second', (p) => { p.fees.billing.increment = 'second'; }, ['按秒计费，每秒的价格为每分钟单价的六十分之一'], ['不足1分钟的部分按1分钟计']],
  ['inbound 400 included', (p) => { p.fees.billing.inbound400Charged = false; }, ['被叫部分的通话费用已包含在400号码的月租费中'], ['被叫部分的通话费用由甲方按服务费用清单所列通话单价向乙方支付']],
  ['no 400 number, no 400 clause', (p) => { p.services.numbers = [p.services.numbers[1]!]; }, [], ['400号码的呼入通话', '**400号码**']],
  ['invoice ordinary', (p) => { p.fees.invoice = 'ordinary'; }, ['开具合法有效的增值税普通发票'], ['增值税专用发票']],
  ['suspension periods', (p) => { p.fees.suspension = { overdueDays: 45, cureWorkingDays: 5, restoreWorkingDays: 2 }; }, ['甲方逾期付款超过45日，经乙方书面催告后5个工作日内仍未支付', '乙方应在2个工作日内恢复服务', '甲方逾期支付服务费用超过45日，且经乙方书面催告后5个工作日内仍未支付'], ['逾期付款超过30日']],
  ['a unit defined in params', (p) => { p.fees.items[4]!.unit = '席位/月'; p.fees.units = { 席位: '指甲方开通的一个话务席位。' }; }, ['**席位**：指甲方开通的一个话务席位'], []],
  ['坐席 redefined', (p) => { p.fees.units = { 坐席: '指一个授权用户账号' }; }, ['**坐席**：指一个授权用户账号。'], ['按其实际开通天数折算']],
  ['support on working days, with e-mail and portal', (p) => { p.support = { hours: 'workdays', workdayHours: '08:30-17:30', hotline: '400-820-9999', email: 'help@example.net', portal: 'https://help.example.net' }; }, ['故障受理时间为工作日8:30至17:30', '故障报修电话400-820-9999，故障报修电子邮箱help@example.net，工单系统https://help.example.net', '在故障受理时间以外报告或者发现的故障，故障响应时间和故障修复时间自下一个故障受理时间开始时起算'], ['每日24小时、每周7日']],
  ['liability cap as an amount', (p) => { p.liability.cap = { amount: '500000.00' }; }, ['总额，以¥500,000.00（大写：人民币伍拾万元整）为限', '不受本款责任限额和间接损失排除的限制'], []],
  ['liability cap as 12 months of fees', (p) => { p.liability.cap = { feesMultiple: '1' }; }, ['以违约行为发生之日前12个月内甲方已支付和应支付的服务费用总额为限', '以按服务费用清单预估的12个月服务费用¥89,400.00为限'], ['的1倍']],
  ['liability cap as twice 12 months', (p) => { p.liability.cap = { feesMultiple: '2' }; }, ['服务费用总额的2倍为限'], []],
  ['no exclusion, no cap: no limitation clause', (p) => { p.liability.excludeIndirectLosses = false; }, [], ['间接损失', '责任限制']],
  ['recording retention and data periods', (p) => { p.dataProtection = { recordingRetentionDays: 90, returnDays: 15, breachNoticeHours: 12 }; }, ['录音文件自通话结束之日起保存90日', '自该事由发生之日起15日内', '在知悉后12小时内书面通知甲方'], ['保存180日']],
  ['no call recording, no retention', (p) => { p.services.valueAdded = ['callerId']; }, [], ['通话录音自通话结束之日起保存', '通话录音的告知方式']],
  ['monthly meetings and usage rules deadline', (p) => { p.cooperation = { meetings: 'monthly', usageRulesDays: 45 }; }, ['每月至少召开一次', '双方应在生效日起45日内确定使用规范的最终文本'], ['每季度']],
  ['force majeure periods', (p) => { p.forceMajeure = { noticeDays: 5, evidenceDays: 20, terminationDays: 60 }; }, ['至迟不得晚于不可抗力发生之日起5日', '不可抗力发生之日起20日内提供', '其影响持续超过60日的'], ['持续超过30日']],
  ['termination periods', (p) => { p.termination = { slaBreachMonths: 3, cureDays: 20, finalBillWorkingDays: 5, lawChangeDays: 10 }; }, ['连续3个自然月服务可用率低于99.9%', '经对方书面催告后20日内仍未纠正', '本合同终止或者解除之日起5个工作日内，乙方应出具', '自一方书面提出之日起10日内协商调整'], ['连续2个自然月']],
  ['confidentiality return period', (p) => { p.confidentiality.returnWorkingDays = 5; }, ['收到书面要求之日起5个工作日内返还或者销毁'], []],
  ['negotiation period', (p) => { p.disputes.negotiationDays = 15; }, ['自一方书面提出协商请求之日起15日内协商不成的'], []],
  ['no pro-rata refund', (p) => { p.sla.outageRefund = false; }, ['服务可用率未达标赔偿'], ['按不可用时间减免', '乙方除依照前款减免外']],
  ['no connection-rate credit', (p) => { p.sla.connectionRateCredit = '0'; }, ['接通率低于98%的，乙方应立即整改'], ['接通率未达标赔偿']],
  ['connection-rate credit 5%', (p) => { p.sla.connectionRateCredit = '5'; }, ['乙方应按当月月度服务费用的5%向甲方支付接通率未达标赔偿'], []],
  ['monthly cap 50%', (p) => { p.sla.monthlyCap = '50'; }, ['单个自然月的服务中断赔偿合计不超过当月月度服务费用的50%'], []],
  ['precedence', (p) => { p.contract.precedence = ['amendments', 'body', 'nda', 'feeSchedule', 'sla', 'outageCompensation', 'serviceSpec']; }, ['（3）附件三《保密协议》；\n\n（4）附件二《服务费用清单》'], []],
  ['a three-year term', (p) => { p.contract.term.years = 3; }, ['按36个月的合同期限测算，合同期限内的服务费用预估总额为¥268,200.00', '自2025年3月1日起至2028年2月29日止'], []],
  ['a term starting after signing', (p) => { p.contract.term.effectiveDate = '2025-04-01'; }, ['自2025年4月1日起至2027年3月31日止。生效日晚于2025年4月1日的，合同期限自生效日起算，届满日仍为2027年3月31日'], []],
];

describe('each parameter changes the text', () => {
  it('the example prints the defaults', async () => {
    const text = await md();
    for (const s of ['不足1分钟的部分按1分钟计', '增值税专用发票', '逾期付款超过30日', '每日24小时、每周7日', '故障报修电话400-820-1234', '保存180日', '每季度至少召开一次', '生效日起30日内', '间接损失', '接通率未达标赔偿', '不超过当月月度服务费用的100%']) {
      expect(text, s).toContain(s);
    }
  });

  it.each(CASES)('%s', async (_name, edit, present, absent) => {
    const text = await md(edit);
    for (const s of present) expect(text, s).toContain(s);
    for (const s of absent) expect(text, s).not.toContain(s);
  });

  it('a signed change agreement is no longer a form, and 16.3 says so', async () => {
    const text = await md((p) => { p.changes = [{ clause: '第五条 5.6', original: '10个工作日', amended: '15个工作日', effectiveDate: '2025-06-01' }]; });
    expect(text).not.toContain('格式文本（样本）');
    expect(text).toContain('附件三《保密协议》、附件四《合同变更协议》由双方另行签字盖章');
    expect(text).toContain('| 1 | 第五条 5.6：10个工作日 | 15个工作日 | 2025年6月1日 |');
  });

  it('the form change agreement says what it is, in its own text and in 16.3', async () => {
    const text = await md();
    expect(text).toContain('**格式文本（样本）**：本文本是双方日后依照原合同第十三条变更原合同时使用的合同变更协议的格式文本');
    expect(text).toContain('附件四《合同变更协议》是格式文本（样本），仅供双方日后依照第十三条签署变更协议时参考使用，在本合同签署时不填写、不签署，不构成本合同的组成部分');
    expect(text).toContain('附件六《系统维护和升级通知记录》、附件七《用户手册》是履约参考文件');
    expect(text).toContain('（以下无正文）');
    expect(text).not.toContain('签署页');
  });

  it('without the reference annexes, 13.3 mentions none', async () => {
    const text = await md((p) => { p.annexes = ['feeSchedule', 'nda', 'sla']; });
    expect(text).not.toContain('参考文件');
    expect(text).toContain('但依照第八条确认和修订云电话使用规范，无需签署变更协议');
  });
});
