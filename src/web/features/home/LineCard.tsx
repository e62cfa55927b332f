// One service line at a glance: period and days left, status, fee, hotline hours, sites, staffing.
import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Progress, Tag, Tooltip, Typography } from 'antd';
import type { TLineOverview } from '../../../common/contract.ts';
import { fmtMoney } from '../../components/format.ts';
import { pick, useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, STATUS, hoursShort, lineName } from '../contract/lines.ts';

const row = { display: 'flex', gap: 8, alignItems: 'flex-start', fontSize: 13, lineHeight: '22px' } as const;
const label = { color: '#8a94a6', flex: 'none', width: 64 } as const;

export function LineCard({ line }: { line: TLineOverview }) {
  const { t, lang } = useI18n();
  const elapsed =
    line.status === 'ended'
      ? 100
      : line.status === 'not_started'
        ? 0
        : Math.round(((line.daysTotal - line.daysRemaining) / line.daysTotal) * 100);
  const staffPct = line.staffRequired ? Math.round((line.staffFilled / line.staffRequired) * 100) : 100;
  const short = line.staffFilled < line.staffRequired;
  const st = STATUS[line.status]!;
  const color = LINE_COLOR[line.code];
  return (
    <Card style={{ height: '100%', borderTop: `3px solid ${color}` }} styles={{ body: { padding: 18 } }} data-testid={`line-${line.code}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, letterSpacing: 1 }}>
            {line.code}
          </Typography.Text>
          <div style={{ fontSize: 15, fontWeight: 600, lineHeight: 1.4, color: '#1f2937' }}>{lineName(line.code, lang)}</div>
        </div>
        <Tag color={st.color} style={{ marginInlineEnd: 0, flex: 'none' }}>
          {pick(lang, st)}
        </Tag>
      </div>

      <div style={{ margin: '14px 0 6px', display: 'flex', justifyContent: 'space-between', fontSize: 12, color: '#6b7280' }}>
        <span>
          {line.periodStart} ~ {line.periodEnd}
        </span>
        <span style={{ color: line.status === 'active' && line.daysRemaining <= 30 ? '#d4380d' : '#1f2937', fontWeight: 500 }}>
          {line.status === 'ended' ? t('已结束') : t('剩余 {n} 天', { n: line.daysRemaining })}
        </span>
      </div>
      <Progress percent={elapsed} showInfo={false} strokeColor={color} size="small" />

      <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, margin: '12px 0 10px' }}>
        <span style={{ fontSize: 22, fontWeight: 600, color: '#111827', fontVariantNumeric: 'tabular-nums' }}>{fmtMoney(line.fee)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('年度服务费')}
        </Typography.Text>
      </div>

      <div style={row}>
        <span style={label}>
          <ClockCircleOutlined /> {t('热线')}
        </span>
        <Tooltip title={line.hotlineHours || undefined}>
          <span style={{ minWidth: 0 }}>
            <Tag color={line.hoursProfile === '7x24' ? 'volcano' : 'geekblue'} style={{ marginInlineEnd: 6 }}>
              {hoursShort(line.hoursProfile)}
            </Tag>
            {line.hotlineHours && <PhoneOutlined style={{ color: '#9ca3af' }} />}
          </span>
        </Tooltip>
      </div>
      {line.hotlineHours && (
        <div style={{ ...row, color: '#6b7280', fontSize: 12, marginLeft: 72, lineHeight: '18px', marginBottom: 4 }}>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: line.hotlineHours }} style={{ margin: 0, fontSize: 12 }}>
            {line.hotlineHours}
          </Typography.Paragraph>
        </div>
      )}
      <div style={row}>
        <span style={label}>
          <EnvironmentOutlined /> {t('地点')}
        </span>
        <span style={{ minWidth: 0 }}>{line.sites.length ? line.sites.join('、') : '—'}</span>
      </div>
      <div style={{ ...row, alignItems: 'center', marginTop: 4 }}>
        <span style={label}>
          <TeamOutlined /> {t('人员')}
        </span>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12 }}>
            <span>{t('已到岗/应配')}</span>
            <span style={{ fontWeight: 600, color: short ? '#cf1322' : '#389e0d' }}>
              {line.staffFilled}/{line.staffRequired}
            </span>
          </div>
          <Progress percent={staffPct} showInfo={false} size="small" status={short ? 'exception' : 'success'} />
        </div>
      </div>
    </Card>
  );
}
