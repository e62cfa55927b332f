// Notification events of vulnerability management (R-SEC-04).
import type { NotifyEventDef } from '../../../common/notify.ts';

export const VULN_EVENTS = {
  'vulns.exception_requested': {
    zh: '漏洞例外待审批',
    en: 'Vulnerability exception to approve',
    descZh: '工程师申请将漏洞认定为接受风险或误报，需甲方审批（甲方负责人、甲方联系人）',
    descEn: 'An engineer asks to accept a finding’s risk or mark it a false positive (agency roles)',
    defaults: ['inapp', 'email'],
  },
  'vulns.exception_decided': {
    zh: '漏洞例外审批结果',
    en: 'Vulnerability exception decided',
    descZh: '甲方批准或驳回了漏洞例外申请（申请人）',
    descEn: 'The agency approved or refused an exception (the requester)',
    defaults: ['inapp'],
  },
  'vulns.overdue': {
    zh: '漏洞整改逾期',
    en: 'Vulnerability fix overdue',
    descZh: '漏洞超过整改期限仍未修复（安全工程师、项目经理）',
    descEn: 'Findings past their remediation due date (security engineers, project manager)',
    defaults: ['inapp', 'email'],
  },
} as const satisfies Record<string, NotifyEventDef>;
