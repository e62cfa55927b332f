// Notification events of the deliverables module.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const DELIVERABLE_EVENTS = {
  'quarterly.to_review': {
    zh: '待评审的季度服务工作总结',
    en: 'Quarterly summary to review',
    descZh: '乙方提交的季度服务工作总结，甲方须在 15 日内评审或提出质疑，逾期视为通过',
    descEn: 'A quarterly summary to review or object to within 15 days; silence means approval',
    defaults: ['inapp', 'email'],
  },
  'quarterly.objected': {
    zh: '季度总结被提出质疑',
    en: 'Quarterly summary objected to',
    descZh: '甲方对季度服务工作总结提出质疑，须修改后重新提交',
    descEn: 'The agency objected to a quarterly summary; revise and resubmit',
    defaults: ['inapp', 'email'],
  },
  'quarterly.approved': {
    zh: '季度总结通过评审',
    en: 'Quarterly summary approved',
    descZh: '甲方通过了季度服务工作总结',
    descEn: 'The agency approved a quarterly summary',
    defaults: ['inapp'],
  },
  'quarterly.approved_silently': {
    zh: '季度总结逾期未提出异议视为通过',
    en: 'Quarterly summary approved by silence',
    descZh: '评审期 15 日届满，甲方未提出质疑，系统记录为通过评审（双方均收到）',
    descEn: 'The 15-day review period ended without objection: recorded as approved (both sides are told)',
    defaults: ['inapp', 'email'],
  },
  'quarterly.comment': {
    zh: '季度总结的新意见',
    en: 'New comment on a quarterly summary',
    descZh: '对方在季度服务工作总结的质疑讨论中留言',
    descEn: 'The other side commented on a quarterly summary',
    defaults: ['inapp'],
  },
  'leader.requested': {
    zh: '新的领导支持需求',
    en: 'New leader support request',
    descZh: '甲方提出的数据报表、网络报告或汇报材料需求，待分派',
    descEn: 'A data table, network report or material the agency asked for, to assign',
    defaults: ['inapp', 'email'],
  },
  'leader.assigned': {
    zh: '分派给我的领导支持需求',
    en: 'Leader support request assigned to me',
    descZh: '项目经理分派给本人的领导支持需求',
    descEn: 'A leader support request assigned to you',
    defaults: ['inapp'],
  },
  'leader.delivered': {
    zh: '领导支持材料待验收',
    en: 'Leader support delivery to accept',
    descZh: '乙方已交付的报表或材料，待甲方验收',
    descEn: 'A delivered table or material for the agency to accept',
    defaults: ['inapp'],
  },
  'leader.accepted': {
    zh: '领导支持材料已验收',
    en: 'Leader support delivery accepted',
    descZh: '甲方验收了交付的报表或材料',
    descEn: 'The agency accepted a delivery',
    defaults: ['inapp'],
  },
  'leader.again': {
    zh: '领导支持需求要求补充',
    en: 'Leader support request asked again',
    descZh: '甲方对交付的材料要求补充或修改',
    descEn: 'The agency asked for more or changes to a delivery',
    defaults: ['inapp'],
  },
  'leader.overdue': {
    zh: '领导支持需求逾期',
    en: 'Leader support request overdue',
    descZh: '已过完成期限仍未交付的领导支持需求（项目经理、承办人、提出人）',
    descEn: 'A leader support request past its due date and not delivered (PM, assignee, requester)',
    defaults: ['inapp', 'email'],
  },
} as const satisfies Record<string, NotifyEventDef>;
