// How tickets look everywhere: names and colours of categories, severities, statuses, channels and
// SLA targets, and the queries the desk screens share.
import { useQuery } from '@tanstack/react-query';
import type { TTicket } from '../../../common/desk.ts';
import { api } from '../../api/client.ts';

type Named = { zh: string; en: string };
type Coloured = Named & { color: string };

export const CATEGORY: Record<TTicket['category'], Named> = {
  fault: { zh: '故障', en: 'Fault' },
  request: { zh: '服务请求', en: 'Request' },
  consultation: { zh: '咨询', en: 'Consultation' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

export const SEVERITY: Record<TTicket['severity'], Coloured & { hint: Named }> = {
  critical: {
    zh: '紧急',
    en: 'Critical',
    color: 'red',
    hint: { zh: '核心业务中断或大面积受影响，须立即处理', en: 'Core service down or widespread impact: act at once' },
  },
  high: {
    zh: '高',
    en: 'High',
    color: 'orange',
    hint: {
      zh: '重要功能受损或多人受影响，尚有临时办法',
      en: 'Important function impaired or several users affected; a workaround exists',
    },
  },
  medium: {
    zh: '中',
    en: 'Medium',
    color: 'blue',
    hint: { zh: '个别用户或非关键功能受影响', en: 'Single users or non-critical functions affected' },
  },
  low: {
    zh: '低',
    en: 'Low',
    color: 'default',
    hint: { zh: '咨询、优化建议或可预约处理的事项', en: 'Questions, suggestions or work that can be scheduled' },
  },
};

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
};

export type SlaTargetName = TTicket['slas'][number]['target'];

export const TARGET: Record<SlaTargetName, Named & { long: Named }> = {
  callback: { zh: '回电', en: 'Call back', long: { zh: '回电 5 分钟', en: 'Call back in 5 min' } },
  onsite: { zh: '到场', en: 'On site', long: { zh: '到场', en: 'On site' } },
  resolve: { zh: '解决', en: 'Resolve', long: { zh: '解决', en: 'Resolve' } },
  report: { zh: '报告', en: 'Report', long: { zh: '报告甲方', en: 'Report to agency' } },
};

export const PAUSE_REASONS = ['等待甲方', '等待厂商', '等待备件', '不可抗力'] as const;

export const ticketKey = (id: string) => ['tickets', 'one', id] as const;

export const useTicket = (id: string) =>
  useQuery({
    queryKey: ticketKey(id),
    queryFn: ({ signal }) => api.get<TTicket>(`/api/tickets/${id}`, undefined, signal),
    // The server re-evaluates clocks (a paused 5×9 clock's due time moves; warning at 80 %).
    refetchInterval: 60_000,
  });
