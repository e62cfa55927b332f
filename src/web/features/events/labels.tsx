// Severity names and colours of the event pages, and the event chart's option.
import { Tag } from 'antd';
import { SEVERITIES, type TEventStats, type TSeverity } from '../../../common/events.ts';
import type { EChartOption } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n/index.tsx';

export const SEVERITY_TEXT: Record<TSeverity, string> = { critical: '严重', high: '高危', medium: '中危', low: '低危', info: '信息' };
const SEVERITY_COLOR: Record<TSeverity, string> = {
  critical: '#cf1322',
  high: '#fa541c',
  medium: '#faad14',
  low: '#1677ff',
  info: '#8c8c8c',
};

/** Categories the parsers give (vendors/types.ts COMMON_CATEGORIES), in words. */
export const CATEGORY_TEXT: Record<string, string> = {
  virus: '病毒',
  attack: '攻击',
  auth: '登录认证',
  traffic: '访问控制',
  config: '配置操作',
  other: '其他事件',
};
export const VENDOR_TEXT: Record<string, string> = {
  huawei: '华为 USG',
  h3c: '新华三 SecPath',
  hillstone: '山石网科',
  sangfor: '深信服 AF',
  fortinet: 'Fortinet',
  generic: '通用（key=value / CEF）',
};

export function SeverityTag({ s }: { s: TSeverity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLOR[s]}>{t(SEVERITY_TEXT[s])}</Tag>;
}

/** Stacked bars of events per bucket, one series per severity (most severe on top). */
export function statsOption(stats: TEventStats | undefined, span: { from: string; to: string }, t: (s: string) => string): EChartOption {
  const pts = stats?.points ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'time', min: span.from, max: span.to, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [...SEVERITIES].reverse().map((s) => ({
      name: t(SEVERITY_TEXT[s]),
      type: 'bar',
      stack: 'all',
      color: SEVERITY_COLOR[s],
      barMaxWidth: 24,
      data: pts.map((p) => [p.at, p[s]]),
    })),
  };
}
