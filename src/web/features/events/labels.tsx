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

export function SeverityTag({ s }: { s: TSeverity }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLOR[s]}>{t(SEVERITY_TEXT[s])}</Tag>;
}

/** Stacked bars of events per bucket, one series per severity (most severe on top). */
export function statsOption(stats: TEventStats | undefined, t: (s: string) => string): EChartOption {
  const pts = stats?.points ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'time' },
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
