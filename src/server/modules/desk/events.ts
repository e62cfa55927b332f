// Notification events of the service desk: who gets each and which channels it uses until a user
// chooses (kernel/notify: the in-app bell always; e-mail and chat robots by preference).
import type { NotifyEventDef } from '../../../common/notify.ts';

export const DESK_EVENTS = {
  'ticket.created': {
    zh: '新的紧急/高级故障',
    en: 'New critical/high fault',
    descZh: '本人负责的服务项目登记了紧急或高级故障',
    descEn: 'A critical or high fault was logged on one of your service lines',
    defaults: ['inapp'],
  },
  'ticket.assigned': {
    zh: '运维单派给我',
    en: 'Ticket assigned to me',
    descZh: '运维单分派给本人处理',
    descEn: 'A ticket was assigned to you',
    defaults: ['inapp'],
  },
  'ticket.sla_warning': {
    zh: 'SLA 即将超时',
    en: 'SLA about to breach',
    descZh: 'SLA 计时用去 80%（处理人，未分派时为服务项目工程师）',
    descEn: '80% of an SLA target used (the assignee, or the line’s engineers)',
    defaults: ['inapp'],
  },
  'ticket.sla_breached': {
    zh: 'SLA 已超时',
    en: 'SLA breached',
    descZh: 'SLA 计时超时（乙方项目经理）',
    descEn: 'An SLA target was breached (contractor project managers)',
    defaults: ['inapp', 'email'],
  },
  'ticket.escalated': {
    zh: 'SLA 超时升级',
    en: 'SLA escalated',
    descZh: '超时后仍未处理，升级至甲方联系人',
    descEn: 'Still breached well after the deadline: escalated to the agency contacts',
    defaults: ['inapp', 'email'],
  },
  'ticket.to_confirm': {
    zh: '待测试确认',
    en: 'Fix to confirm',
    descZh: '运维单已处理完毕，等待甲方测试确认',
    descEn: 'A fix awaits the agency’s test and confirmation',
    defaults: ['inapp'],
  },
  'ticket.rejected': {
    zh: '维护结果被驳回',
    en: 'Fix rejected',
    descZh: '甲方驳回了维护结果，运维单重新打开',
    descEn: 'The agency rejected a fix and the ticket reopened',
    defaults: ['inapp'],
  },
  'ticket.followup_due': {
    zh: '回访到期',
    en: 'Follow-up due',
    descZh: '已关闭运维单的回访到期',
    descEn: 'A follow-up call on a closed ticket is due',
    defaults: ['inapp'],
  },
  'ticket.mentioned': {
    zh: '评论中提到我',
    en: 'Mentioned in a comment',
    descZh: '有人在运维单评论中 @ 了本人',
    descEn: 'Someone @mentioned you in a ticket comment',
    defaults: ['inapp'],
  },
} as const satisfies Record<string, NotifyEventDef>;
