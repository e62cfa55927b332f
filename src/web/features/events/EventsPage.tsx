// 安全事件: the live event stream (R-MON-03, R-SEC-01) — filters by device, severity and time, Chinese
// full-text search of the message, re-read every 10 s while 自动刷新 is on — and above it the events
// per severity over the chosen time (merged events counted as often as they happened).
import { Card, DatePicker, Input, Select, Space, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { eventsApi as api } from '../../../common/events.api.ts';
import { SEVERITIES, type TEvent, type TSeverity } from '../../../common/events.ts';
import { useCall } from '../../api/query.ts';
import { dayjs } from '../../app/dayjs.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { EChart } from '../../components/EChart.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CATEGORY_TEXT, SEVERITY_TEXT, SeverityTag, VENDOR_TEXT, statsOption } from './labels.tsx';

const REFRESH_MS = 10_000;
const DAY_MS = 86_400_000;

/** The chart's time: the chosen range, else the last 24 hours to the next whole minute. */
function chartSpan(f: Filters): { from: string; to: string } {
  const end = Math.ceil(Date.now() / 60_000) * 60_000;
  const to = f.to ?? new Date(end).toISOString();
  return { from: f.from ?? new Date(new Date(to).getTime() - DAY_MS).toISOString(), to };
}

interface Filters {
  host?: string;
  severity?: TSeverity;
  from?: string;
  to?: string;
  q?: string;
}

export function EventsPage() {
  const { t } = useI18n();
  // A report's number links here with a severity and the report's period (issue 15): read once from
  // the address, shown in the banner, the live refresh off (the period has ended).
  const [u, setU] = useUrlFilters(['severity', 'from', 'to'] as const);
  const [f, setF] = useState<Filters>({ severity: u.severity as TSeverity | undefined, from: u.from, to: u.to });
  const [live, setLive] = useState(!u.from && !u.to);
  const clearReport = () => {
    setU({ severity: undefined, from: undefined, to: undefined });
    setF({});
    setLive(true);
  };
  const span = chartSpan(f);
  const stats = useCall(api.stats, { query: { ...f, ...span } }, { refetchInterval: live ? REFRESH_MS : false });
  const columns: DTColumn<TEvent>[] = [
    { title: t('接收时间'), dataIndex: 'receivedAt', width: 150, render: (v: string) => fmtTime(v) },
    { title: t('严重级别'), dataIndex: 'severity', width: 90, render: (v: TSeverity) => <SeverityTag s={v} /> },
    { title: t('设备名'), dataIndex: 'host', width: 140, ellipsis: true, responsive: ['sm'] },
    { title: t('厂商'), dataIndex: 'vendor', width: 110, responsive: ['xl'], render: (v: string) => t(VENDOR_TEXT[v] ?? v) },
    { title: t('事件类别'), dataIndex: 'category', width: 90, responsive: ['md'], render: (v: string) => t(CATEGORY_TEXT[v] ?? v) },
    {
      title: t('源 → 目的'),
      dataIndex: 'srcIp',
      width: 210,
      responsive: ['lg'],
      render: (_: unknown, r) => <span className="yw-mono">{[r.srcIp ?? '—', r.dstIp ?? '—'].join(' → ')}</span>,
    },
    {
      title: t('事件内容'),
      dataIndex: 'message',
      ellipsis: true,
      render: (v: string) => (
        <span
          style={{
            display: 'inline-block',
            maxWidth: 'min(60vw, 520px)',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            verticalAlign: 'bottom',
          }}
        >
          {v}
        </span>
      ),
    },
    { title: t('次数'), dataIndex: 'count', width: 64, align: 'right', render: (v: number) => (v > 1 ? <b>{v}</b> : v) },
  ];
  const range = (v: [Dayjs | null, Dayjs | null] | null) =>
    setF((p) => ({ ...p, from: v?.[0]?.format() ?? undefined, to: v?.[1]?.format() ?? undefined }));
  return (
    <div>
      <PageHeader
        title={t('安全事件')}
        subtitle={t('防火墙、入侵防御、防病毒等设备的 syslog，解析归一后实时展示；相同事件在 60 秒内合并计数')}
      />
      <ReportFilter
        from={u.from && fmtTime(u.from)}
        to={u.to && fmtTime(new Date(Date.parse(u.to) - 1).toISOString())}
        detail={u.severity ? `${t('严重级别')} ${t(SEVERITY_TEXT[u.severity as TSeverity] ?? u.severity)}` : undefined}
        onClear={clearReport}
      />
      <Card size="small" title={t('事件趋势（按级别）')} style={{ marginBottom: 16 }}>
        <EChart option={statsOption(stats.data, span, t)} height={220} />
      </Card>
      <Card>
        <DataTable
          queryKey="events"
          source={api.list}
          rowKey="id"
          columns={columns}
          params={{ host: f.host, severity: f.severity, from: f.from, to: f.to }}
          searchPlaceholder={t('内容关键字（支持中文）')}
          exportSource={api.export}
          refreshMs={live ? REFRESH_MS : undefined}
          defaultPageSize={50}
          expandable={{
            expandedRowRender: (r) => (
              <Typography.Paragraph className="yw-mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {r.message}
                <br />
                {t('设备名')}: {r.host} · {t('发生时间')}: {fmtTime(r.occurredAt)} · {r.vendor} {r.product}
              </Typography.Paragraph>
            ),
          }}
          filters={
            <>
              <Input
                allowClear
                placeholder={t('设备名')}
                style={{ width: 140 }}
                onChange={(e) => setF((p) => ({ ...p, host: e.target.value.trim() || undefined }))}
              />
              <Select
                allowClear
                placeholder={t('严重级别')}
                style={{ width: 100 }}
                value={f.severity}
                onChange={(v?: TSeverity) => setF((p) => ({ ...p, severity: v }))}
                options={SEVERITIES.map((s) => ({ value: s, label: t(SEVERITY_TEXT[s]) }))}
              />
              <DatePicker.RangePicker
                value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
                showTime={{ format: 'HH:mm' }}
                format="MM-DD HH:mm"
                allowEmpty={[true, true]}
                onChange={range}
                style={{ width: 260, maxWidth: '100%' }}
              />
              <Space size={4}>
                <Switch size="small" checked={live} onChange={setLive} aria-label={t('自动刷新')} />
                {t('自动刷新')}
              </Space>
            </>
          }
        />
      </Card>
    </div>
  );
}
