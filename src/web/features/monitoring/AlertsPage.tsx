// 监控告警: alerts raised by thresholds, the ticket each opened, and when they cleared.
import { Card, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import { ALERT_RULE_ZH, type TAlertRule, type TMonAlert } from '../../../common/monitoring.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ALERT_STATE_TEXT } from './labels.tsx';
import { TrapSources } from './Traps.tsx';

export function AlertsTable({ deviceId, report }: { deviceId?: string; report?: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const [state, setState] = useState<string | undefined>(undefined);
  const columns: DTColumn<TMonAlert>[] = [
    { title: t('开始'), dataIndex: 'since', render: (v: string) => fmtTime(v) },
    ...(deviceId
      ? []
      : [
          {
            title: t('设备'),
            dataIndex: 'deviceName',
            render: (v: string, r: TMonAlert) => (
              <Link to={r.pairId ? `/monitoring/pairs?focus=${r.pairId}` : `/monitoring/${r.deviceId}`}>{v}</Link>
            ),
          },
        ]),
    { title: t('规则'), dataIndex: 'rule', render: (v: string) => t(ALERT_RULE_ZH[v as TAlertRule] ?? v) },
    {
      title: t('状态'),
      dataIndex: 'state',
      render: (v: string) => (
        <Tag color={v === 'open' ? 'error' : v === 'pending' ? 'warning' : 'default'}>{t(ALERT_STATE_TEXT[v] ?? v)}</Tag>
      ),
    },
    { title: t('说明'), dataIndex: 'message', responsive: ['md'] },
    {
      title: t('运维单'),
      dataIndex: 'ticketNumber',
      render: (v: string | null, r) => (v && r.ticketId ? <Link to={`/desk/${r.ticketId}`}>{v}</Link> : ''),
    },
    { title: t('解除时间'), dataIndex: 'closedAt', responsive: ['md'], render: (v: string | null) => fmtTime(v) },
  ];
  const table = (
    <DataTable
      queryKey="monitoring-alerts"
      source={api.alerts}
      rowKey="id"
      columns={columns}
      params={{ deviceId, state, ...report }}
      filters={
        <Select
          allowClear
          placeholder={t('状态')}
          style={{ width: 120 }}
          value={state}
          onChange={setState}
          options={Object.entries(ALERT_STATE_TEXT).map(([value, label]) => ({ value, label: t(label) }))}
        />
      }
    />
  );
  return deviceId ? (
    <Card size="small" title={t('告警')}>
      {table}
    </Card>
  ) : (
    <Card>{table}</Card>
  );
}

export function AlertsPage() {
  const { t } = useI18n();
  // A report's alerts per device link here with the device, the days raised and raised-only (issue 15).
  const [f, set] = useUrlFilters(['deviceId', 'from', 'to', 'raised'] as const);
  return (
    <div>
      <PageHeader title={t('监控告警')} subtitle={t('阈值触发的告警：持续达到阈值时自动登记运维单，条件解除后自动处理')} />
      <ReportFilter
        from={f.from}
        to={f.to}
        detail={f.raised ? t('已触发的告警（不含观察中）') : undefined}
        onClear={() => set({ deviceId: undefined, from: undefined, to: undefined, raised: undefined })}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <AlertsTable report={f} />
        <TrapSources />
      </Space>
    </div>
  );
}
