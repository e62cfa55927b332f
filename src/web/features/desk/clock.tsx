// Live SLA countdowns: one shared one-second ticker for the whole page, the countdown text of a clock
// from its dueAt, and which open clock of a ticket is the most urgent.
import { PauseCircleOutlined } from '@ant-design/icons';
import { useSyncExternalStore } from 'react';
import type { TSla } from '../../../common/desk.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { TARGET } from './meta.ts';

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(fn);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, re-rendering every second while mounted. */
export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}

/** 5025000 → "1:23:45"; a day or more → "2天 1:23:45" / "2d 1:23:45". */
export function fmtSpan(ms: number, lang: string): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const hms = `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return d ? `${d}${lang === 'en-US' ? 'd' : '天'} ${hms}` : hms;
}

/** Paused or business time in words: 0 → "—", 3_900_000 → "1 小时 5 分". */
export function fmtDuration(ms: number, lang: string): string {
  const min = Math.round(ms / 60_000);
  if (min <= 0) return ms > 0 ? (lang === 'en-US' ? '< 1 min' : '不足 1 分钟') : '—';
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (lang === 'en-US') return h ? `${h} h ${m} min` : `${m} min`;
  return h ? `${h} 小时 ${m} 分` : `${m} 分钟`;
}

export const isOpen = (s: TSla) => s.state !== 'met' && s.state !== 'met_late';

/** The open clock closest to (or furthest past) its due time; paused clocks last. */
export function mostUrgent(slas: TSla[]): TSla | null {
  const open = slas.filter(isOpen);
  open.sort((a, b) => {
    const pa = a.state === 'paused' ? 1 : 0;
    const pb = b.state === 'paused' ? 1 : 0;
    if (pa !== pb) return pa - pb;
    return (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity);
  });
  return open[0] ?? null;
}

export type Live = { tone: 'ok' | 'warning' | 'breached' | 'paused' | 'met' | 'late'; text: string; leftMs: number };

/**
 * Where a clock stands at `nowMs`. The server's state is the authority (it knows the business
 * calendar); between refreshes a running clock turns breached when its dueAt passes, and a 7×24 clock
 * turns warning at 80 % of its duration (elapsed time is wall time there).
 */
export function liveState(s: TSla, nowMs: number): Live['tone'] {
  if (s.state === 'met') return 'met';
  if (s.state === 'met_late') return 'late';
  if (s.state === 'breached') return 'breached';
  if (s.state === 'paused') return 'paused';
  const due = s.dueAt ? Date.parse(s.dueAt) : Infinity;
  if (nowMs >= due) return 'breached';
  if (s.state === 'warning') return 'warning';
  if (s.profile === '7x24' && due - nowMs <= s.durationMs * 0.2) return 'warning';
  return 'ok';
}

export const TONE_COLOR: Record<Live['tone'], string> = {
  ok: '#1f2937',
  warning: '#d46b08',
  breached: '#cf1322',
  paused: '#6b7280',
  met: '#389e0d',
  late: '#d46b08',
};

/** "到场 剩余 1:23:45" / "到场 已超时 0:12:03" / "到场 已暂停", ticking every second. */
export function SlaCountdown({ sla, withTarget = true, size = 13 }: { sla: TSla; withTarget?: boolean; size?: number }) {
  const { t, lang } = useI18n();
  const nowMs = useNow();
  const tone = liveState(sla, nowMs);
  const due = sla.dueAt ? Date.parse(sla.dueAt) : null;
  let text: string;
  if (tone === 'paused') text = t('已暂停');
  else if (tone === 'met' || tone === 'late') text = tone === 'met' ? t('已达成') : t('超时达成');
  else if (due === null) text = '—';
  else if (tone === 'breached') text = `${t('已超时')} ${fmtSpan(nowMs - due, lang)}`;
  else text = `${t('剩余')} ${fmtSpan(due - nowMs, lang)}`;
  return (
    <span
      style={{
        color: TONE_COLOR[tone],
        fontVariantNumeric: 'tabular-nums',
        fontSize: size,
        fontWeight: tone === 'ok' ? 500 : 600,
        whiteSpace: 'nowrap',
      }}
      data-testid={`sla-${sla.target}`}
    >
      {withTarget && <span style={{ color: '#6b7280', fontWeight: 400, marginInlineEnd: 6 }}>{pick(lang, TARGET[sla.target])}</span>}
      {tone === 'paused' && <PauseCircleOutlined style={{ marginInlineEnd: 4 }} />}
      {text}
    </span>
  );
}
