// 监控大屏 (issue 12 point 4): the duty room's wall screen. Every device as a tile coloured by its
// state (green: up; amber: SNMP trouble or an alert under watch; red: unreachable or an open alert),
// the counts on top, the open alerts beside them, refreshed every 15 s; full screen on request.
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Button, Empty, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import { ALERT_RULE_ZH, type TMonAlert, type TMonDevice } from '../../../common/monitoring.ts';
import { useCall } from '../../api/query.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ICMP_TEXT, SNMP_TEXT } from './labels.tsx';

const REFRESH_MS = 15_000;
type Level = 'ok' | 'warn' | 'down' | 'idle';
const COLOURS: Record<Level, { bg: string; border: string; text: string }> = {
  ok: { bg: '#0f3d2e', border: '#2f9e6f', text: '#b7f0d4' },
  warn: { bg: '#4a3a0c', border: '#d4a017', text: '#ffe69a' },
  down: { bg: '#4d1418', border: '#e5484d', text: '#ffc9cb' },
  idle: { bg: '#1f2937', border: '#4b5563', text: '#cbd5e1' },
};

/** The tile's colour: what a duty operator must look at first is red. */
export function levelOf(d: TMonDevice): Level {
  if (d.icmp && d.icmpState === null && d.snmpState === null) return 'idle';
  if ((d.icmp && d.reachable === false) || d.openAlerts > 0) return 'down';
  if (d.snmp && d.snmpState && d.snmpState !== 'ok') return 'warn';
  return d.polledAt ? 'ok' : 'idle';
}

function Tile({ d }: { d: TMonDevice }) {
  const { t } = useI18n();
  const c = COLOURS[levelOf(d)];
  const trouble =
    d.icmp && d.reachable === false
      ? t(ICMP_TEXT[d.icmpState ?? 'unreachable'] ?? '不可达')
      : d.snmp && d.snmpState && d.snmpState !== 'ok'
        ? `SNMP ${t(SNMP_TEXT[d.snmpState])}`
        : '';
  return (
    <Link to={`/monitoring/${d.id}`} data-testid="wall-tile" data-level={levelOf(d)}>
      <div
        style={{ background: c.bg, border: `1px solid ${c.border}`, borderRadius: 8, padding: '10px 12px', color: c.text, height: '100%' }}
      >
        <div style={{ fontWeight: 600, fontSize: 15, color: '#fff' }}>{d.name}</div>
        <div style={{ fontSize: 12, opacity: 0.8 }} className="yw-mono">
          {d.address}
        </div>
        <div style={{ marginTop: 6, fontSize: 13 }}>
          {d.latencyMs !== null && d.reachable ? `${d.latencyMs.toFixed(d.latencyMs < 10 ? 2 : 0)} ms` : trouble || '—'}
          {d.cpuPct !== null && <span style={{ marginInlineStart: 10 }}>CPU {Math.round(d.cpuPct)}%</span>}
          {d.memPct !== null && (
            <span style={{ marginInlineStart: 10 }}>
              {t('内存')} {Math.round(d.memPct)}%
            </span>
          )}
        </div>
        {trouble && d.reachable !== false && <div style={{ marginTop: 4, fontSize: 12, fontWeight: 600 }}>{trouble}</div>}
        {d.openAlerts > 0 && (
          <div style={{ marginTop: 4, fontSize: 12, fontWeight: 600 }}>
            {d.openAlerts} {t('条告警')}
          </div>
        )}
      </div>
    </Link>
  );
}

function Count({ label, n, level }: { label: string; n: number; level: Level }) {
  return (
    <div style={{ textAlign: 'center', minWidth: 96 }}>
      <div style={{ fontSize: 34, fontWeight: 700, color: COLOURS[level].border, lineHeight: 1.1 }}>{n}</div>
      <div style={{ color: '#94a3b8', fontSize: 13 }}>{label}</div>
    </div>
  );
}

function AlertRow({ a }: { a: TMonAlert }) {
  const { t } = useI18n();
  return (
    <div style={{ borderBottom: '1px solid #1f2937', padding: '8px 0', color: '#e2e8f0', fontSize: 13 }}>
      <div>
        <span style={{ color: a.state === 'open' ? '#ff8a8d' : '#ffd666', fontWeight: 600 }}>{t(ALERT_RULE_ZH[a.rule] ?? a.rule)}</span>
        <span style={{ marginInlineStart: 8 }}>{a.deviceName}</span>
      </div>
      <div style={{ color: '#94a3b8', fontSize: 12 }}>
        {fmtTime(a.since)}
        {a.ticketNumber && a.ticketId && (
          <Link to={`/desk/${a.ticketId}`} style={{ marginInlineStart: 8 }}>
            {a.ticketNumber}
          </Link>
        )}
      </div>
    </div>
  );
}

function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const h = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(h);
  }, []);
  return now;
}

export function WallPage() {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  const now = useClock();
  const devices = useCall(api.list, { query: { page: 1, pageSize: 200 } }, { refetchInterval: REFRESH_MS });
  const alerts = useCall(api.alerts, { query: { page: 1, pageSize: 20, state: 'open' } }, { refetchInterval: REFRESH_MS });
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const items = [...(devices.data?.items ?? [])].sort((a, b) => rank(levelOf(a)) - rank(levelOf(b)) || a.name.localeCompare(b.name, 'zh'));
  const count = (l: Level) => items.filter((d) => levelOf(d) === l).length;
  const toggle = () => void (full ? document.exitFullscreen() : box.current?.requestFullscreen());
  return (
    <div
      ref={box}
      style={{ background: '#0b1220', minHeight: full ? '100vh' : 'calc(100vh - 140px)', padding: 20, borderRadius: full ? 0 : 8 }}
    >
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
        <div style={{ color: '#fff', fontSize: 22, fontWeight: 700, flex: '1 1 240px' }}>
          {t('网络监控大屏')}
          <div style={{ color: '#94a3b8', fontSize: 13, fontWeight: 400 }} className="yw-mono">
            {fmtTime(now.toISOString())}:{String(now.getSeconds()).padStart(2, '0')}
          </div>
        </div>
        <Count label={t('运行正常')} n={count('ok')} level="ok" />
        <Count label={t('需关注')} n={count('warn')} level="warn" />
        <Count label={t('故障设备')} n={count('down')} level="down" />
        <Count label={t('等待采集')} n={count('idle')} level="idle" />
        <Tooltip title={full ? t('退出全屏') : t('全屏')}>
          <Button ghost icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggle} aria-label={t('全屏')} />
        </Tooltip>
      </div>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <div
          style={{ flex: '3 1 480px', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 10 }}
          data-testid="wall-tiles"
        >
          {items.map((d) => (
            <Tile key={d.id} d={d} />
          ))}
          {devices.isSuccess && !items.length && <Empty description={t('尚未登记设备')} />}
        </div>
        <div style={{ flex: '1 1 260px', background: '#111a2e', borderRadius: 8, padding: '10px 14px' }}>
          <div style={{ color: '#fff', fontWeight: 600, marginBottom: 4 }}>
            {t('未解除告警')} {alerts.data ? `（${alerts.data.total}）` : ''}
          </div>
          {(alerts.data?.items ?? []).map((a) => (
            <AlertRow key={a.id} a={a} />
          ))}
          {alerts.isSuccess && !alerts.data.items.length && <div style={{ color: '#94a3b8', padding: '12px 0' }}>{t('当前没有告警')}</div>}
        </div>
      </div>
    </div>
  );
}

const rank = (l: Level) => ['down', 'warn', 'idle', 'ok'].indexOf(l);
