// SNMP traps (issue 12 point 3): what a device sent (its page), and the senders that are no
// registered device or sent datagrams that were no SNMP message (the alerts page).
import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TTrapEvent, TTrapSource } from '../../../common/monitoring.ts';
import { useCall } from '../../api/query.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const TRAP_COLOR: Record<string, string> = { linkDown: 'error', linkUp: 'success', coldStart: 'warning', warmStart: 'warning' };

export function DeviceTraps({ deviceId }: { deviceId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useCall(api.traps, { params: { id: deviceId }, query: { page, pageSize: 10 } }, { refetchInterval: 30_000 });
  return (
    <Card size="small" title={t('SNMP Trap 事件')}>
      <Table<TTrapEvent>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: q.data?.total ?? 0, onChange: setPage, size: 'small' }}
        columns={[
          { title: t('接收时间'), dataIndex: 'receivedAt', render: (v: string) => fmtTime(v) },
          {
            title: 'Trap',
            dataIndex: 'trapName',
            render: (v: string, r) => (v ? <Tag color={TRAP_COLOR[v]}>{v}</Tag> : <span className="yw-mono">{r.trapOid}</span>),
          },
          { title: 'ifIndex', dataIndex: 'ifIndex', render: (v: number | null) => v ?? '—' },
          { title: t('版本'), dataIndex: 'version', render: (v: string) => `v${v}`, responsive: ['md'] },
          {
            title: t('变量'),
            dataIndex: 'varbinds',
            responsive: ['md'],
            render: (v: string) => (
              <Typography.Text className="yw-mono" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function TrapSources() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useCall(api.trapSources, { query: { page, pageSize: 10 } });
  if (!q.data?.total) return null;
  return (
    <Card size="small" title={t('未登记的 Trap 来源与无法解析的报文')}>
      <Table<TTrapSource>
        rowKey="address"
        size="small"
        dataSource={q.data.items}
        pagination={{ current: page, pageSize: 10, total: q.data.total, onChange: setPage, size: 'small' }}
        columns={[
          { title: t('来源地址'), dataIndex: 'address', render: (v: string) => <span className="yw-mono">{v}</span> },
          { title: t('未登记设备的 Trap'), dataIndex: 'unknownTraps', align: 'right' },
          { title: t('无法解析的报文'), dataIndex: 'garbage', align: 'right' },
          { title: t('最近的 Trap'), dataIndex: 'lastTrapOid', render: (v: string | null) => <span className="yw-mono">{v ?? '—'}</span> },
          { title: t('最近收到'), dataIndex: 'lastAt', render: (v: string) => fmtTime(v) },
        ]}
      />
    </Card>
  );
}
