import type { AnnexId, FeeCategory, NumberKind, ValueAddedService } from '../params/types.js';

/** Chinese labels of the params' enumerations: content, kept in one place. */
export const NUMBER_KIND_LABELS: Readonly<Record<NumberKind, string>> = {
  '400': '400号码',
  '800': '800号码',
  '95': '95短号码',
  landline: '固定电话号码',
  mobile: '移动电话号码',
  virtual: '虚拟号码',
};

export const VALUE_ADDED_LABELS: Readonly<Record<ValueAddedService, { label: string; description: string }>> = {
  callerId: { label: '来电显示', description: '被叫方可看到主叫号码；甲方外呼时显示其在本合同项下使用的号码。' },
  callForwarding: { label: '呼叫转移', description: '来电按甲方设定的条件（无条件、遇忙、无应答、不可及）转接至指定号码或坐席。' },
  callRestriction: { label: '呼叫限制', description: '按甲方设定限制呼入或呼出的号码、时段或地区，包括黑白名单。' },
  callRecording: { label: '通话录音', description: '对甲方指定号码或坐席的通话进行录音，录音文件按约定期限存储并供甲方查询、下载。' },
  ivr: { label: '语音导航（IVR）', description: '来电先播放甲方配置的语音菜单，按主叫按键将呼叫分配至相应坐席或队列。' },
  voicemail: { label: '语音信箱', description: '无人接听时主叫可留言，留言以语音文件形式通知甲方。' },
  callQueue: { label: '排队等候', description: '坐席全忙时来电进入队列，播放等候音并按顺序接入空闲坐席。' },
  smsNotification: { label: '短信通知', description: '未接来电、留言等事件以短信方式通知甲方指定人员。' },
};

export const FEE_CATEGORY_LABELS: Readonly<Record<FeeCategory, string>> = {
  monthly: '月租费',
  usage: '通话费用',
  valueAdded: '增值服务费用',
  oneTime: '一次性费用',
};

export const ANNEX_TITLES: Readonly<Record<AnnexId, string>> = {
  serviceSpec: '云电话服务详细说明',
  feeSchedule: '服务费用清单',
  nda: '保密协议',
  changeAgreement: '合同变更协议',
  outageCompensation: '服务中断赔偿标准说明',
  maintenanceLog: '系统维护和升级通知记录',
  userManual: '用户手册',
  sla: '服务等级协议',
};
