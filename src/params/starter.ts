/**
 * The starter params file written by `contract init`: every key, commented in Chinese and
 * English, with sample values that validate (a test keeps it so). Optional keys that have
 * defaults are shown commented out with their default.
 */
const STARTER = `# 云电话服务合同参数 / Cloud telephony service contract parameters
# 填写后运行 / when filled in, run:  contract gen params.yaml
# 标注“必填”的键没有默认值 / keys marked "必填 required" have no default.
# 未知的键会报错 / unknown keys are errors (a typo is never silently ignored).
# 编号、账号、信用代码按原样读取 / identifiers are read exactly as written.

# extends: ../provider.yaml        # 可选：继承公共参数文件 / optional: base file to extend

language: zh-CN                    # 合同语言 / language (zh-CN)

contract:
  number: YDH-2025-0001            # 必填 合同编号 / required: contract number
  title: 云电话服务合同              # 合同名称 / title (default 云电话服务合同)
  signing:
    date: 2025-03-01               # 必填 签订日期 YYYY-MM-DD / required: signing date
    place: 北京市海淀区              # 必填 签订地点（默认管辖法院所在地）/ required: signing place (default court)
  term:
    years: 2                       # 必填 有效期（年，1-10）/ required: term in years, 1..10
    # effectiveDate: 2025-03-01    # 合同期限起始日，默认为签订日期；晚于起始日生效的自生效日起算 / first day of the term (default: signing date)
    autoRenewal:                   # 自动续期；删除此项或 years: 0 表示不续期 / omit (or years: 0) for none
      years: 1                     # 续期年数 / renewal years
      noticeDays: 30               # 不续期须在到期前提前通知的天数 / notice days to stop renewal
  # precedence: [amendments, body, sla, outageCompensation, feeSchedule, serviceSpec, nda]  # 解释优先顺序 / order of precedence (default)

parties:
  client:                          # 甲方（购买服务的企业）/ the client
    name: 北京星河数据科技有限公司     # 必填 名称 / required: name
    creditCode: 91110108MA01ABCD5T # 必填 统一社会信用代码（18 位，校验码会核对）/ required: credit code, checked
    address: 北京市海淀区中关村大街1号 # 必填 住所 / required: address
    legalRepresentative: 张伟       # 必填 法定代表人 / required: legal representative
    contact:                       # 必填 联系人（默认也是通知联系人）/ required: contact (also for notices)
      name: 李娜
      phone: 010-62345678          # 固话 010-62345678、手机 13800138000、400-810-8888、95588
      email: lina@example.com      # 可选 / optional
    bank:                          # 可选 开户行及账号（签章页显示）/ optional: bank account
      name: 中国工商银行北京中关村支行
      account: "0200004509200012345" # 账号请加引号 / quote account numbers
  provider:                        # 乙方（云电话服务商）/ the provider
    name: 上海云语通信技术有限公司
    creditCode: 91310115MA5FXY1252
    address: 上海市浦东新区张江路100号
    legalRepresentative: 王强
    telecomLicense: B2-20190001    # 增值电信业务经营许可证编号（缺少时警告）/ telecom licence (warning if missing)
    contact:
      name: 陈静
      phone: 021-50001234
      email: contracts@example.net
    bank:
      name: 招商银行上海张江支行
      account: "121900000010001"

services:
  numbers:                         # 必填 号码资源，至少一个 / required: at least one number
    - number: 400-810-8888
      kind: "400"                  # "400" | "800" | "95" | landline | mobile | virtual
      region: 全国                  # 号码归属地 / region
      channels: 30                 # 并发通道数 / concurrent channels
  calling:                         # 必填 通话功能，至少一项 / required: at least one function
    voice: true                    # 语音通话 / voice
    video: false                   # 视频通话 / video
    conference:                    # 会议通话；false 表示不提供 / conference; false = not provided
      maxParticipants: 50
  valueAdded:                      # 增值服务 / value-added services (default none)
    - callerId                     # 来电显示；另有 callForwarding callRestriction callRecording ivr voicemail callQueue smsNotification
    - callRecording                # 通话录音

quality:                           # 质量标准（均有默认值）/ service levels (all have defaults)
  connectionRate: 98               # 通话接通率不低于（%）/ minimum connection rate
  availability: 99.9               # 月度服务可用率（%）/ monthly availability
  faultResponseMinutes: 30         # 故障响应时间（分钟）/ fault response, minutes
  faultResolutionHours: 4          # 故障修复时限（小时）/ fault resolution, hours
  maintenanceNoticeHours: 48       # 计划维护提前通知（小时）/ maintenance notice, hours

support:                           # 故障受理，独立于通知联系人 / fault reporting, separate from the notice contact
  hours: 7x24                      # 7x24 每日24小时（默认）| workdays 工作日 / support hours
  # workdayHours: 09:00-18:00      # hours: workdays 时的服务时间 / service hours on working days
  hotline: 400-820-1234            # 故障报修电话，默认为乙方联系人电话 / fault hotline (default: provider contact phone)
  email: support@example.net       # 可选 故障报修邮箱 / optional fault e-mail
  # portal: https://support.example.net  # 可选 工单系统 / optional ticket portal

fees:
  currency: CNY                    # 币种 / currency (CNY)
  taxRate: 6                       # 增值税税率（%）/ VAT rate
  pricesIncludeTax: true           # 价格是否含税 / prices include tax
  items:                           # 必填 费用项目，至少一项 / required: at least one item
    - name: 400号码月租
      category: monthly            # monthly 月租 | usage 通话 | valueAdded 增值 | oneTime 一次性
      unit: 个/月
      unitPrice: 200.00            # 单价（元），按原样精确读取 / unit price, exact as written
      quantity: 1
    - name: 国内语音通话费
      category: usage
      unit: 分钟
      unitPrice: 0.12
      quantity: 50000              # 预估月用量 / estimated monthly volume
  billing:
    statementDay: monthEnd         # 费用清单出具日：monthEnd 或 1-28 / statement day
    paymentDays: 10                # 必填 收到清单后几个工作日内付款（1-90）/ required: payment days
    method: 银行转账                # 支付方式 / payment method
    # increment: minute            # 计费单元：minute 按分钟（默认）| 6s | second / billing increment of call time
    # inbound400Charged: true      # 400号码呼入被叫部分由甲方付费（默认）/ client pays inbound 400 minutes (default)
  # invoice: special               # special 增值税专用发票（默认）| ordinary 普通发票 / invoice type
  latePaymentPerDay: 0.05          # 逾期付款违约金（逾期金额的 %/日）/ late payment, % per day
  # suspension: { overdueDays: 30, cureWorkingDays: 10, restoreWorkingDays: 1 }  # 欠费暂停服务（默认）/ suspension for non-payment
  # units: { 席位: 指…… }           # 计费单位的定义（内置：分钟 秒 坐席 个 路 方 次 条 月 GB）/ definitions of billing units

confidentiality:
  years: 3                         # 必填 合同终止后的保密期限（年）/ required: confidentiality years
  # returnWorkingDays: 10          # 返还或销毁保密信息的工作日数 / working days to return confidential information

liability:
  excludeIndirectLosses: true      # 排除间接损失（默认）/ exclude indirect losses (default)
  # cap: { feesMultiple: 1 }       # 责任限额：amount 金额 或 feesMultiple 十二个月费用的倍数 / liability cap (optional)

# dataProtection: { recordingRetentionDays: 180, returnDays: 30, breachNoticeHours: 24 }  # 录音保存、数据返还、安全事件通知（默认）
# cooperation: { meetings: quarterly, usageRulesDays: 30 }  # 例会频率、使用规范制定期限（默认）/ meetings, usage rules deadline
# forceMajeure: { noticeDays: 3, evidenceDays: 15, terminationDays: 30 }  # 不可抗力期限（默认）/ force majeure periods
# termination: { slaBreachMonths: 2, cureDays: 15, lawChangeDays: 15 }    # 解除相关期限（默认）/ termination periods

disputes:
  resolution: litigation           # litigation 诉讼（默认）| arbitration 仲裁
  court: 北京市海淀区人民法院         # 管辖法院，默认签订地人民法院 / court (default: of the signing place)
  # arbitration:                   # 选择仲裁时必填，且删除 court / required for arbitration (and remove court)
  #   commission: 北京仲裁委员会
  # negotiationDays: 30            # 协商期限（日）/ days of negotiation first

notices:
  changeNoticeDays: 5              # 必填 变更通知地址须提前的工作日数 / required: days of notice of a change
  # client:                        # 默认为甲方住所和联系人邮箱 / default: party address and contact email
  #   address: 北京市海淀区中关村大街1号
  #   email: legal@example.com

sla:
  credits:                         # 可用率低于 below 时赔偿当月费用的 creditPercent / credits by tier
    - below: 99.9                  # 阈值逐档递减，首档不高于 availability / thresholds go down
      creditPercent: 10            # 赔偿比例逐档递增 / credits go up
    - below: 99.0
      creditPercent: 25
    - below: 95.0
      creditPercent: 50
  # outageRefund: true             # 按不可用时间比例减免费用（默认）/ pro-rata refund of downtime (default)
  # connectionRateCredit: 10       # 接通率未达标赔偿（%）/ credit when the connection rate is missed
  # monthlyCap: 100                # 单月赔偿上限（%）/ monthly cap of credits

maintenance: []                    # 系统维护记录；为空则附件六为空白登记表 / maintenance log (empty: blank table)
#  - noticeDate: 2025-04-07
#    window: 2025-04-10 02:00-04:00
#    content: 核心交换系统升级
#    impact: 期间新呼叫可能失败

changes: []                        # 合同变更记录（附件四）/ changes recorded in annex 4
#  - clause: 第五条 5.2
#    original: 原约定内容
#    amended: 变更后内容
#    effectiveDate: 2025-06-01

annexes:                           # 附件及顺序，默认全部八个 / annexes, default all eight
  - serviceSpec                    # 附件一 云电话服务详细说明
  - feeSchedule                    # 附件二 服务费用清单
  - nda                            # 附件三 保密协议
  - changeAgreement                # 附件四 合同变更协议
  - outageCompensation             # 附件五 服务中断赔偿标准说明
  - maintenanceLog                 # 附件六 系统维护和升级通知记录
  - userManual                     # 附件七 用户手册
  - sla                            # 附件八 服务等级协议
`;

export function starterParamsYaml(): string {
  return STARTER;
}
