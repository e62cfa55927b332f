// How a device's state reads: reachability, the SNMP state in words, rates in bit/s.
import { Tag, Tooltip } from 'antd';
import type { TMonDevice, TSnmpState } from '../../../common/monitoring.ts';
import { useI18n } from '../../i18n/index.tsx';

export const SNMP_TEXT: Record<TSnmpState, string> = {
  ok: '采集正常',
  timeout: '请求超时',
  auth_failed: '认证失败',
  garbage: '应答无法解析',
  error: '采集出错',
  restarted: '设备重启',
  counter_backwards: '计数器回退',
};
export const ICMP_TEXT: Record<string, string> = {
  unreachable: '不可达',
  unresolved: '无法解析地址',
  no_fping: '未安装 fping',
  error: 'ping 出错',
};
export const ALERT_STATE_TEXT: Record<string, string> = { pending: '观察中', open: '告警中', closed: '已解除' };

export function ReachTag({ d }: { d: TMonDevice }) {
  const { t } = useI18n();
  if (!d.icmp) return <Tag>{t('未启用')}</Tag>;
  if (d.icmpState === null) return <Tag>{t('等待采集')}</Tag>;
  if (d.reachable) return <Tag color="success">{t('可达')}</Tag>;
  return <Tag color={d.icmpState === 'unreachable' ? 'error' : 'warning'}>{t(ICMP_TEXT[d.icmpState] ?? d.icmpState)}</Tag>;
}

export function SnmpTag({ d }: { d: TMonDevice }) {
  const { t } = useI18n();
  if (!d.snmp) return <Tag>{t('未启用')}</Tag>;
  if (!d.snmpState) return <Tag>{t('等待采集')}</Tag>;
  const color = d.snmpState === 'ok' ? 'success' : d.snmpState === 'restarted' || d.snmpState === 'counter_backwards' ? 'warning' : 'error';
  const tag = <Tag color={color}>{t(SNMP_TEXT[d.snmpState])}</Tag>;
  return d.snmpError ? <Tooltip title={d.snmpError}>{tag}</Tooltip> : tag;
}

/** 1234567890 → "1.23 Gbit/s" (a decimal string or number). */
export function fmtBps(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  let n = Number(v);
  for (const unit of ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s']) {
    if (n < 1000 || unit === 'Gbit/s') return `${unit === 'bit/s' ? n : n.toFixed(2)} ${unit}`;
    n /= 1000;
  }
  return `${n.toFixed(2)} Tbit/s`;
}
