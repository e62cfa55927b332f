// How tickets look everywhere: names and colours of categories, severities, statuses, channels and
// SLA targets, and the queries the desk screens share.
import type { TTicket } from '../../../common/desk.ts';
import { DEFAULT_SEVERITY_DEFINITIONS, type TSeverityList } from '../../../common/desk-policy.ts';
import { pick, type Lang } from '../../i18n/index.tsx';
import { deskPolicyApi } from '../../../common/desk-policy.api.ts';
import { deskApi } from '../../../common/desk.api.ts';
import { useCall } from '../../api/query.ts';

type Named = { zh: string; en: string };
type Coloured = Named & { color: string };

export const CATEGORY: Record<TTicket['category'], Named> = {
  fault: { zh: '故障', en: 'Fault' },
  request: { zh: '服务请求', en: 'Request' },
  consultation: { zh: '咨询', en: 'Consultation' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

export const SEVERITY: Record<TTicket['severity'], Coloured & { hint: Named }> = {
  critical: { zh: '紧急', en: 'Critical', color: 'red', hint: DEFAULT_SEVERITY_DEFINITIONS.critical },
  high: { zh: '高', en: 'High', color: 'orange', hint: DEFAULT_SEVERITY_DEFINITIONS.high },
  medium: { zh: '中', en: 'Medium', color: 'blue', hint: DEFAULT_SEVERITY_DEFINITIONS.medium },
  low: { zh: '低', en: 'Low', color: 'default', hint: DEFAULT_SEVERITY_DEFINITIONS.low },
};

export const severitiesKey = ['desk', 'severities'] as const;

/** The agency's severity definitions (GET /api/desk/severities); they change rarely. */
export const useSeverities = (enabled = true) =>
  useCall(deskPolicyApi.severities, {}, { queryKey: severitiesKey, staleTime: 5 * 60_000, enabled });

/**
 * A level's definition as the agency wrote it; the built-in text while it loads (or on failure), and
 * its English while the agency has not changed the default.
 */
export function severityHint(code: TTicket['severity'], lang: Lang, list?: TSeverityList): string {
  const d = list?.items.find((x) => x.code === code);
  if (!d || (lang === 'en-US' && !d.edited)) return pick(lang, DEFAULT_SEVERITY_DEFINITIONS[code]);
  return d.definition;
}

export const STATUS: Record<TTicket['status'], Coloured> = {
  new: { zh: '待处理', en: 'New', color: 'gold' },
  in_progress: { zh: '处理中', en: 'In progress', color: 'processing' },
  resolved: { zh: '待确认', en: 'Awaiting confirmation', color: 'cyan' },
  closed: { zh: '已关闭', en: 'Closed', color: 'success' },
  merged: { zh: '已合并', en: 'Merged', color: 'default' },
};

export const CHANNEL: Record<TTicket['channel'], Named> = {
  hotline: { zh: '热线', en: 'Hotline' },
  web: { zh: '网页', en: 'Web' },
  onsite: { zh: '现场', en: 'On site' },
  monitoring: { zh: '监控/API', en: 'Monitoring/API' },
  security: { zh: '安全事件', en: 'Security events' },
};

export type SlaTargetName = TTicket['slas'][number]['target'];

export const TARGET: Record<SlaTargetName, Named & { long: Named }> = {
  callback: { zh: '回电', en: 'Call back', long: { zh: '回电', en: 'Call back' } },
  onsite: { zh: '到场', en: 'On site', long: { zh: '到场', en: 'On site' } },
  resolve: { zh: '解决', en: 'Resolve', long: { zh: '解决', en: 'Resolve' } },
  report: { zh: '报告', en: 'Report', long: { zh: '报告甲方', en: 'Report to agency' } },
};

export const PAUSE_REASONS = ['等待甲方', '等待厂商', '等待备件', '不可抗力'] as const;

export const ticketKey = (id: string) => ['tickets', 'one', id] as const;

export const useTicket = (id: string) =>
  // The server re-evaluates clocks (a paused 5×9 clock's due time moves; warning at 80 %).
  useCall(deskApi.getTicket, { params: { id } }, { queryKey: ticketKey(id), refetchInterval: 60_000 });
