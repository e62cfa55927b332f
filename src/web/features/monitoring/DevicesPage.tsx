// 网络监控: the monitored devices with their live state (reachability, latency, SNMP, open alerts),
// filters and the Excel export; registering a device (SNMP secrets sent once, never shown again).
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TMonDevice, TMonDeviceDetail } from '../../../common/monitoring.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DeviceFields, toInput, type Form } from './DeviceFields.tsx';
import { ReachTag, SnmpTag } from './labels.tsx';

export function DevicesPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [f, setF] = useState<{ serviceLine?: string; state?: string }>({});
  const columns: DTColumn<TMonDevice>[] = [
    { title: t('名称'), dataIndex: 'name', fixed: 'left', render: (v: string, r) => <Link to={`/monitoring/${r.id}`}>{v}</Link> },
    { title: t('管理地址'), dataIndex: 'address', responsive: ['md'], render: (v: string) => <span className="yw-mono">{v}</span> },
    { title: t('可达'), dataIndex: 'reachable', render: (_: unknown, r) => <ReachTag d={r} /> },
    { title: t('时延'), dataIndex: 'latencyMs', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v} ms`) },
    { title: 'SNMP', dataIndex: 'snmpState', responsive: ['md'], render: (_: unknown, r) => <SnmpTag d={r} /> },
    { title: t('告警'), dataIndex: 'openAlerts', align: 'right', render: (v: number) => (v ? <Badge count={v} /> : '0') },
    { title: t('最近采集'), dataIndex: 'polledAt', responsive: ['md'], render: (v: string | null) => fmtTime(v) },
  ];
  return (
    <div>
      <PageHeader title={t('网络监控')} subtitle={t('网络与安全设备的 7×24 可达性、时延与接口流量；超过阈值自动告警并登记运维单')} />
      <Card>
        <DataTable
          queryKey="monitoring"
          source={api.list}
          rowKey="id"
          columns={columns}
          params={f}
          searchPlaceholder={t('名称或地址')}
          exportSource={api.export}
          filters={
            <>
              <Select
                allowClear
                placeholder={t('服务项目')}
                style={{ width: 120 }}
                value={f.serviceLine}
                onChange={(v?: string) => setF((p) => ({ ...p, serviceLine: v }))}
                options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
              />
              <Select
                allowClear
                placeholder={t('状态')}
                style={{ width: 120 }}
                value={f.state}
                onChange={(v?: string) => setF((p) => ({ ...p, state: v }))}
                options={[
                  { value: 'up', label: t('状态正常') },
                  { value: 'down', label: t('异常') },
                  { value: 'alerting', label: t('有告警') },
                ]}
              />
            </>
          }
          actions={
            can('monitoring.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('登记设备')}
              </Button>
            )
          }
        />
      </Card>
      <FormModal<Form, TMonDeviceDetail>
        open={creating}
        width={720}
        title={t('登记监控设备')}
        onClose={() => setCreating(false)}
        initialValues={{ icmp: true, intervalSec: 60, serviceLine: 'NET', snmp: { enabled: false, version: '2c' } }}
        submit={(v) => call(api.create, { body: toInput(v) })}
        invalidate={['monitoring']}
        onDone={(r) => void navigate(`/monitoring/${r.id}`)}
      >
        <DeviceFields />
      </FormModal>
    </div>
  );
}
