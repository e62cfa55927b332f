// Notification events of the contract's written workflows: each notice goes to the other party.
import type { NotifyEventDef } from '../../../common/notify.ts';

const ev = (zh: string, en: string, descZh: string, descEn: string): NotifyEventDef => ({
  zh,
  en,
  descZh,
  descEn,
  defaults: ['inapp', 'email'],
});

export const MONEY_EVENTS = {
  'money.force_majeure': ev(
    '不可抗力通知',
    'Force majeure notice',
    '对方登记了不可抗力事件、证明文件或事件结束（第九条）',
    'The other party recorded a force majeure event, its proof or its end (clause 9)',
  ),
  'money.amendment': ev(
    '合同变更申请与答复',
    'Contract amendment request or answer',
    '对方提出合同条款变更申请，或同意/拒绝了本方的申请（第十一条）',
    'The other party requested an amendment, or agreed to or refused ours (clause 11)',
  ),
  'money.cure_notice': ev(
    '逾期付款纠正通知',
    'Notice to cure a late payment',
    '乙方就逾期付款发出书面纠正通知；30 天内未纠正的，乙方有权解除合同（第十二条第2款）',
    'The contractor gave written notice of a late payment; uncured in 30 days, it may terminate (clause 12.2)',
  ),
} satisfies Record<string, NotifyEventDef>;
