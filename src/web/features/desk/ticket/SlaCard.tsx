// One SLA clock of a ticket as a card: what it measures, where it stands, when it is due (R-SD-02).
import { CheckCircleOutlined } from '@ant-design/icons';
import { Card, Progress, Tag } from 'antd';
import type { TSla } from '../../../../common/desk.ts';
import { fmtTime } from '../../../components/format.ts';
import { pick, useI18n } from '../../../i18n/index.tsx';
import { hoursShort } from '../../contract/lines.ts';
import { SlaCountdown, TONE_COLOR, fmtDuration, fmtSpan, isOpen, liveState, useNow } from '../clock.tsx';
import { TARGET } from '../meta.ts';

const STATE_TAG: Record<TSla['state'], { zh: string; en: string; color: string }> = {
  running: { zh: '计时中', en: 'Running', color: 'processing' },
  warning: { zh: '即将超时', en: 'Due soon', color: 'warning' },
  breached: { zh: '已超时', en: 'Breached', color: 'error' },
  paused: { zh: '已暂停', en: 'Paused', color: 'default' },
  met: { zh: '已达成', en: 'Met', color: 'success' },
  met_late: { zh: '超时达成', en: 'Met late', color: 'orange' },
};

/** One SLA clock: what it measures, where it stands, when it is due. */
export function SlaCard({ sla, fetchedAt }: { sla: TSla; fetchedAt: number }) {
  const { t, lang } = useI18n();
  const nowMs = useNow();
  const tone = liveState(sla, nowMs);
  const open = isOpen(sla);
  // 7×24 clocks count wall time, so their percentage moves on between refreshes.
  let percent = sla.percent;
  if (open && sla.profile === '7x24' && !sla.paused && sla.state !== 'breached' && sla.durationMs > 0) {
    percent += ((nowMs - fetchedAt) / sla.durationMs) * 100;
  }
  const shown = tone === 'breached' ? Math.max(100, percent) : percent;
  const stateKey: TSla['state'] = tone === 'breached' ? 'breached' : tone === 'warning' ? 'warning' : sla.state;
  const st = STATE_TAG[stateKey];
  const barColor = tone === 'warning' || tone === 'late' ? '#fa8c16' : tone === 'paused' ? '#bfbfbf' : undefined;
  return (
    <Card
      size="small"
      style={{ height: '100%', borderTop: `3px solid ${tone === 'ok' ? '#1554ad' : TONE_COLOR[tone]}` }}
      styles={{ body: { padding: 16 } }}
      data-testid={`sla-card-${sla.target}`}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <span style={{ fontWeight: 600, fontSize: 15, color: '#1f2937' }}>{pick(lang, TARGET[sla.target].long)}</span>
        <Tag color={st.color} style={{ marginInlineEnd: 0 }}>
          {pick(lang, st)}
        </Tag>
      </div>
      <div style={{ margin: '12px 0 4px', minHeight: 32, display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: 10 }}>
        {open ? (
          <>
            <SlaCountdown sla={sla} withTarget={false} size={22} />
            {sla.paused && (
              <span style={{ fontSize: 12, color: '#6b7280', fontVariantNumeric: 'tabular-nums' }}>
                {t('恢复后剩余 {d}', { d: fmtSpan(sla.remainingMs, lang) })}
                {sla.pauseReason && ` · ${sla.pauseReason}`}
              </span>
            )}
          </>
        ) : (
          <span style={{ fontSize: 16, fontWeight: 600, color: TONE_COLOR[tone] }}>
            <CheckCircleOutlined /> {fmtTime(sla.metAt)}
          </span>
        )}
      </div>
      <Progress
        percent={Math.min(100, Math.round(shown))}
        showInfo={false}
        size="small"
        strokeColor={barColor}
        status={tone === 'met' ? 'success' : tone === 'breached' ? 'exception' : 'normal'}
      />
      <div
        style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 10, rowGap: 2, fontSize: 12, marginTop: 8, color: '#6b7280' }}
      >
        <span>{open ? (sla.state === 'paused' ? t('预计截止') : t('截止')) : t('截止')}</span>
        <span style={{ color: '#1f2937', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(sla.dueAt)}</span>
        {!open && (
          <>
            <span>{t('达成于')}</span>
            <span style={{ color: '#1f2937', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(sla.metAt)}</span>
          </>
        )}
        <span>{t('时段')}</span>
        <span>
          <Tag color={sla.profile === '7x24' ? 'volcano' : 'geekblue'} style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 6 }}>
            {hoursShort(sla.profile)}
          </Tag>
          {t('已用 {p}%', { p: Math.round(shown) })}
        </span>
        <span>{t('暂停')}</span>
        <span style={{ color: sla.pausedMs ? '#1f2937' : undefined }}>{fmtDuration(sla.pausedMs, lang)}</span>
      </div>
    </Card>
  );
}
