// Notification events of the changes module.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const CHANGE_EVENTS = {
  'change.to_approve': {
    zh: '变更待审批',
    en: 'Change to approve',
    descZh: '轮到本人角色审批的变更（乙方项目经理、甲方联系人、高风险时甲方负责人）',
    descEn: 'A change awaiting your role’s approval step (PM, agency contact, agency manager for high risk)',
    defaults: ['inapp', 'email'],
  },
  'change.to_confirm': {
    zh: '变更待确认',
    en: 'Change to confirm',
    descZh: '已实施完成、待甲方核对配置差异并确认的变更',
    descEn: 'An implemented change for the agency to check and confirm',
    defaults: ['inapp', 'email'],
  },
  'change.progress': {
    zh: '本人提出的变更有进展',
    en: 'Progress on your change',
    descZh: '本人提出的变更被批准、驳回、退回或确认',
    descEn: 'Your change was approved, rejected, returned or confirmed',
    defaults: ['inapp'],
  },
  'change.approval_overdue': {
    zh: '紧急变更补办审批逾期',
    en: 'Emergency change approval overdue',
    descZh: '紧急变更先行实施后未在规定工作日内完成审批（乙方项目经理、甲方联系人）',
    descEn: 'An emergency change was not approved within its deadline in working days (PM, agency contact)',
    defaults: ['inapp', 'email'],
  },
  'access.to_approve': {
    zh: '第三方人员访问待审批',
    en: 'Third-party access to approve',
    descZh: '厂商等第三方人员的现场或远程访问申请',
    descEn: 'A vendor engineer’s visit or remote session to approve',
    defaults: ['inapp'],
  },
  'review.to_review': {
    zh: '待审阅的运维计划或制度',
    en: 'Plan or rules to review',
    descZh: '乙方提交的年度运维计划、管理制度或工作规范',
    descEn: 'The contractor’s annual plan, rules or work specifications to review',
    defaults: ['inapp'],
  },
} as const satisfies Record<string, NotifyEventDef>;
