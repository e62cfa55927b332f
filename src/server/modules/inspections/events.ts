// Notification events of the inspections module.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const INSPECTION_EVENTS = {
  'inspection.assigned': {
    zh: '巡检任务',
    en: 'Inspection assigned',
    descZh: '按巡检计划生成、指派给本人的巡检单',
    descEn: 'An inspection sheet generated on schedule and assigned to you',
    defaults: ['inapp'],
  },
  'inspection.overdue': {
    zh: '巡检单逾期',
    en: 'Inspection overdue',
    descZh: '已过截止时间仍未签字提交的巡检单（乙方项目经理）',
    descEn: 'An inspection sheet past its deadline and not yet submitted (project manager)',
    defaults: ['inapp', 'email'],
  },
  'inspection.plan_to_approve': {
    zh: '巡检计划待审批',
    en: 'Inspection plan to approve',
    descZh: '乙方提交的季度巡检计划与报告、年度巡检计划（甲方）',
    descEn: 'A quarterly or annual inspection plan or report submitted by the contractor (agency)',
    defaults: ['inapp'],
  },
} as const satisfies Record<string, NotifyEventDef>;
