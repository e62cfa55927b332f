// Notification events of assets, spare parts and procurement: who gets each and which channels it
// uses until a user chooses (kernel/notify: the in-app bell always; e-mail and robots by preference).
import type { NotifyEventDef } from '../../../common/notify.ts';

export const ASSET_EVENTS = {
  'asset.request': {
    zh: '资产变动待审批',
    en: 'Asset movement to approve',
    descZh: '资产入库、领用、调拨、维修或报废申请需要本人所在层级审批',
    descEn: 'An asset receipt, assignment, transfer, repair or retirement awaits your level’s approval',
    defaults: ['inapp'],
  },
  'asset.request_decided': {
    zh: '资产变动已审批',
    en: 'Asset movement decided',
    descZh: '本人提出的资产变动申请已批准或驳回',
    descEn: 'Your asset movement request was approved or rejected',
    defaults: ['inapp'],
  },
  'asset.eos': {
    zh: '停止支持处置',
    en: 'End-of-support case',
    descZh: '设备停止支持：报告甲方、审批、更换、安装集成',
    descEn: 'End of support: report, approval, replacement, integration',
    defaults: ['inapp'],
  },
  'asset.eos_due': {
    zh: '即将过保或停止支持',
    en: 'Warranty or support ending',
    descZh: '设备在 90 天内过保或停止厂商支持',
    descEn: 'A device’s warranty or vendor support ends within 90 days',
    defaults: ['inapp', 'email'],
  },
  'spare.below_min': {
    zh: '备件低于最低库存',
    en: 'Spare part below minimum',
    descZh: '备品备件可用数量低于最低库存（乙方项目经理）',
    descEn: 'A spare part’s available stock fell below its minimum (project managers)',
    defaults: ['inapp', 'email'],
  },
  'procurement.requested': {
    zh: '采购申请待审批',
    en: 'Purchase request to approve',
    descZh: '乙方提出了采购申请（甲方负责人）',
    descEn: 'The contractor requested a purchase (agency managers)',
    defaults: ['inapp'],
  },
  'procurement.decided': {
    zh: '采购申请已审批',
    en: 'Purchase request decided',
    descZh: '采购申请已批准或驳回',
    descEn: 'A purchase request was approved or rejected',
    defaults: ['inapp'],
  },
} as const satisfies Record<string, NotifyEventDef>;
