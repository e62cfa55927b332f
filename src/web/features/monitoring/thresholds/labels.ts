// How a threshold reads: what it is for, its unit, its severity and how long a condition must last.
import { SEVERITY_NAMES } from '../../../../common/desk.ts';
import type { TAlertRule, TThreshold, TThresholdTarget } from '../../../../common/monitoring.ts';

/** The unit of a rule's raise and clear values; rules without values (a state: down, failing) have none. */
export const RULE_UNIT: Partial<Record<TAlertRule, string>> = {
  utilisation: '%',
  loss: '%',
  latency: 'ms',
  temperature: '℃',
  rate_surge: '×',
};

export const TARGET_TEXT: Record<TThresholdTarget, string> = { default: '默认', device: '设备', interface: '接口', pair: '探测对' };

/** An alert's severity is its ticket's: the desk's names. */
export const SEVERITY_TEXT: Record<TThreshold['severity'], string> = SEVERITY_NAMES;
export const SEVERITY_COLOR: Record<TThreshold['severity'], string> = { critical: 'red', high: 'volcano', medium: 'gold', low: 'default' };

type T = (text: string, vars?: Record<string, string | number>) => string;

/** 0 → 立即, 45 → 45 秒, 300 → 5 分钟, 90 → 90 秒. */
export function fmtDuration(sec: number, t: T): string {
  if (sec === 0) return t('立即');
  if (sec >= 60 && sec % 60 === 0) return t('{n} 分钟', { n: sec / 60 });
  return t('{n} 秒', { n: sec });
}

/** A value with its unit, or — when the rule has none or the row leaves it to the built-in default. */
export function fmtValue(rule: TAlertRule, v: number | null): string {
  const unit = RULE_UNIT[rule];
  if (!unit || v === null) return '—';
  return unit === '%' || unit === '×' ? `${v}${unit}` : `${v} ${unit}`;
}
