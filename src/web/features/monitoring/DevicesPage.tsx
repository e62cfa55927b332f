// 网络监控: the monitored devices with their live state (reachability, latency, SNMP, open alerts),
// filters and the Excel export; registering a device (SNMP secrets sent once, never shown again).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ADDRESS_RE } from '../../../common/configbackup.ts';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import { SNMP_AUTH, SNMP_PRIV, type TMonDevice, type TMonDeviceDetail, type TMonDeviceInput } from '../../../common/monitoring.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { ReachTag, SnmpTag } from './labels.tsx';

type Form = Omit<TMonDeviceInput, 'snmp'> & { snmp?: Partial<NonNullable<TMonDeviceInput['snmp']>> & { enabled?: boolean } };
const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== '' && x !== null && x !== undefined));

function toInput(v: Form): TMonDeviceInput {
  const { snmp, ...rest } = v;
  const s = snmp?.enabled ? (clean({ ...snmp, enabled: undefined }) as NonNullable<TMonDeviceInput['snmp']>) : undefined;
  return { ...(clean(rest) as TMonDeviceInput), ...(s ? { snmp: s } : {}) };
}

function DeviceFields() {
  const { t, lang } = useI18n();
  const enabled = Form.useWatch(['snmp', 'enabled']) as boolean | undefined;
  const version = Form.useWatch(['snmp', 'version']) as string | undefined;
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', columnGap: 12 } as const;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('SNMP 团体名与密钥加密保存，保存后不再显示。登记后立即开始首次采集。')}
      />
      <div style={grid}>
        <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('管理地址')}
          rules={[{ required: true }, { pattern: ADDRESS_RE, message: t('地址应为 IP 地址或主机名') }]}
        >
          <Input maxLength={253} placeholder="10.0.0.1" />
        </Form.Item>
        <Form.Item name="serviceLine" label={t('服务项目')}>
          <Select options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))} />
        </Form.Item>
        <Form.Item name="intervalSec" label={t('轮询间隔（秒）')}>
          <InputNumber min={10} max={86400} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="icmp" label="ICMP (ping)" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name={['snmp', 'enabled']} label="SNMP" valuePropName="checked">
          <Switch />
        </Form.Item>
      </div>
      {enabled && (
        <div style={grid}>
          <Form.Item name={['snmp', 'version']} label={t('版本')}>
            <Select
              options={[
                { value: '2c', label: 'v2c' },
                { value: '3', label: 'v3' },
              ]}
            />
          </Form.Item>
          <Form.Item name={['snmp', 'port']} label={t('端口')}>
            <InputNumber min={1} max={65535} precision={0} placeholder="161" style={{ width: '100%' }} />
          </Form.Item>
          {version === '3' ? (
            <>
              <Form.Item name={['snmp', 'user']} label={t('用户名')} rules={[{ required: true }]}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
              <Form.Item name={['snmp', 'authProtocol']} label={t('认证算法')}>
                <Select options={SNMP_AUTH.map((a) => ({ value: a, label: a.toUpperCase() }))} />
              </Form.Item>
              <Form.Item name={['snmp', 'authKey']} label={t('认证密钥')}>
                <Input.Password maxLength={200} autoComplete="new-password" />
              </Form.Item>
              <Form.Item name={['snmp', 'privProtocol']} label={t('加密算法')}>
                <Select options={SNMP_PRIV.map((a) => ({ value: a, label: a.toUpperCase() }))} />
              </Form.Item>
              <Form.Item name={['snmp', 'privKey']} label={t('加密密钥')}>
                <Input.Password maxLength={200} autoComplete="new-password" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name={['snmp', 'community']} label={t('团体名')} rules={[{ required: true }]}>
              <Input.Password maxLength={200} autoComplete="new-password" />
            </Form.Item>
          )}
        </div>
      )}
    </>
  );
}

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
