// Notification events of the assessment module.
import type { NotifyEventDef } from '../../../common/notify.ts';

export const ASSESSMENT_EVENTS = {
  'assessment.to_score': {
    zh: '月度考核待评分',
    en: 'Monthly assessment to score',
    descZh: '上月考核表已预填证据，待甲方逐项评分并签署（甲方负责人、联系人）',
    descEn: 'Last month’s assessment, prefilled with evidence, awaits the agency’s scores and signature',
    defaults: ['inapp', 'email'],
  },
  'assessment.failed': {
    zh: '月度考核不合格',
    en: 'Monthly assessment failed',
    descZh: '考核不合格：整改项、扣款建议；连续两个月不合格时的书面通知与纠正期限',
    descEn: 'A failed month: remedies and the deduction; the notice and cure deadline after two failed months',
    defaults: ['inapp', 'email'],
  },
  'assessment.termination_right': {
    zh: '甲方取得合同解除权',
    en: 'Agency’s termination right',
    descZh: '连续两个月不合格且 30 日内未纠正，或发生重大安全事件（项目经理、甲方负责人）',
    descEn: 'Two failed months not cured within 30 days, or a major security incident (PM, agency manager)',
    defaults: ['inapp', 'email'],
  },
} as const satisfies Record<string, NotifyEventDef>;
