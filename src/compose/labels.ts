import type { AnnexId, BuiltInUnit, FeeCategory, NumberKind, ValueAddedService } from '../params/types.js';

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
  callRecording: { label: '通话录音', description: '对甲方指定号码或坐席的通话进行录音，录音文件供甲方在保存期限内查询、下载。' },
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

/** How each kind of number is used: one paragraph per kind, however many numbers of it there are. */
export const NUMBER_KIND_USAGE: Readonly<Record<NumberKind, string>> = {
  '400': '400号码是全国统一的企业服务号码，主要用于客户呼入，来电按甲方在管理后台设置的路由规则接入坐席或者语音导航。',
  '800': '800号码是被叫付费的免费服务号码，主叫免费拨打，通话费用由甲方承担，来电按甲方设置的路由规则接入。',
  '95': '95号码是全国统一的短号码，主叫直接拨打即可接入，来电按甲方设置的路由规则接入。',
  landline: '固定电话号码可用于呼入和呼出，授权用户外呼时可以选择该号码作为主叫号码显示。',
  mobile: '移动电话号码可用于呼入和呼出，授权用户外呼时可以选择该号码作为主叫号码显示。',
  virtual: '虚拟号码用于中转通话、隐藏通话双方的真实号码，其绑定关系在管理后台设置。',
};

/**
 * Definitions of the billing units a fee schedule commonly uses. A unit written as `坐席/月`
 * is defined by its parts (坐席, 月). `分钟` and `秒` are completed with the billing increment.
 */
export const UNIT_DEFINITIONS: Readonly<Record<Exclude<BuiltInUnit, '分钟' | '秒'>, string>> = {
  坐席: '指在云电话系统中为一名授权用户开通、可通过软电话客户端或者网络话机接听和拨打电话的话务账号。按坐席计费的项目，以计费周期内处于开通状态的坐席数量计费；计费周期中途开通或者关闭的坐席，按其实际开通天数折算',
  个: '按号码计费的项目中，指一个号码资源',
  路: '指一条并发通道',
  方: '指会议通话中的一个参会方（含发起方）',
  次: '指一次性服务的一次提供，例如一次号码开通或者一次配置实施',
  条: '指一条短信；一条短信超过70个字符（含标点符号）的，每70个字符计为一条',
  月: '指一个计费周期',
  GB: '指1GB（1024MB）的存储容量，按计费周期内的最大占用量计',
};

/** How call time is rounded, by billing increment (the text completes 通话时长……). */
export const INCREMENT_TEXT = {
  minute: '以分钟为计费单元，每次通话不足1分钟的部分按1分钟计',
  '6s': '以6秒为计费单元，每次通话不足6秒的部分按6秒计，每个计费单元的价格为每分钟单价的十分之一',
  second: '按秒计费，每秒的价格为每分钟单价的六十分之一',
} as const;

export const INVOICE_LABELS = { special: '增值税专用发票', ordinary: '增值税普通发票' } as const;

export const MEETING_LABELS = { monthly: '每月', quarterly: '每季度', halfYearly: '每半年' } as const;
