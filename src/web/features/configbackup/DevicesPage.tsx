// 配置备份: the devices with their last backup and its state, and registering a device (its
// credentials are sent once and never shown again).
import { DiffOutlined, HistoryOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ADDRESS_RE, VENDORS, VENDOR_NAMES, type TDevice, type TDeviceInput } from '../../../common/configbackup.ts';
import { configBackupApi } from '../../../common/configbackup.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { StateTag, TelnetWarning } from './labels.tsx';

const dropEmpty = (v: object) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null && x !== undefined));
const vendorOptions = VENDORS.map((v) => ({ value: v, label: VENDOR_NAMES[v] }));
const PROTOCOLS = [
  { value: 'ssh', label: 'SSH' },
  { value: 'telnet', label: 'Telnet' },
];

function DeviceFields() {
  const { t, lang } = useI18n();
  const telnet = Form.useWatch('protocol') === 'telnet';
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('凭据加密保存，保存后不再显示。首次连接时记录设备的主机密钥。')}
      />
      {telnet && <TelnetWarning />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', columnGap: 12 }}>
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
        <Form.Item name="protocol" label={t('协议')} rules={[{ required: true }]}>
          <Select options={PROTOCOLS} />
        </Form.Item>
        <Form.Item name="port" label={t('端口')}>
          <InputNumber min={1} max={65535} precision={0} placeholder={telnet ? '23' : '22'} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="vendor" label={t('厂商系统')} rules={[{ required: true }]}>
          <Select options={vendorOptions} />
        </Form.Item>
        <Form.Item name="serviceLine" label={t('服务项目')}>
          <Select options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))} />
        </Form.Item>
        <Form.Item name="username" label={t('用户名')} rules={[{ required: true }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('密码')}>
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="enablePassword" label={t('enable 密码')}>
          <Input.Password maxLength={200} autoComplete="new-password" />
        </Form.Item>
      </div>
      {!telnet && (
        <Form.Item name="privateKey" label={t('私钥（可代替密码）')}>
          <Input.TextArea rows={3} maxLength={20000} className="yw-mono" />
        </Form.Item>
      )}
    </>
  );
}

export function DevicesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const columns: DTColumn<TDevice>[] = [
    { title: t('名称'), dataIndex: 'name', fixed: 'left', render: (v: string, r) => <Link to={`/config-backup/${r.id}`}>{v}</Link> },
    {
      title: t('管理地址'),
      dataIndex: 'address',
      render: (v: string, r) => (
        <span className="yw-mono">
          {r.port === (r.protocol === 'telnet' ? 23 : 22) ? v : `${v}:${r.port}`}
          {r.protocol === 'telnet' && (
            <Tag color="warning" style={{ marginLeft: 6 }}>
              Telnet
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('厂商系统'), dataIndex: 'vendor', responsive: ['md'], render: (v: TDevice['vendor']) => VENDOR_NAMES[v] },
    { title: t('最近成功备份'), dataIndex: 'lastSuccessAt', responsive: ['md'], render: (v: string | null) => fmtTime(v) },
    { title: t('状态'), dataIndex: 'lastState', render: (_: unknown, r) => <StateTag state={r.lastState} failure={r.lastFailure} /> },
    { title: t('版本数'), dataIndex: 'versions', align: 'right', responsive: ['md'] },
  ];
  return (
    <div>
      <PageHeader
        title={t('配置备份')}
        subtitle={t('网络与安全设备的配置定时备份；只有配置真正变化时才保存新版本，未经批准的变化会提醒工程师')}
        extra={
          <>
            <Link to="/config-backup/runs">
              <Button icon={<HistoryOutlined />}>{t('备份记录')}</Button>
            </Link>
            <Link to="/config-backup/changes">
              <Button icon={<DiffOutlined />}>{t('配置变化')}</Button>
            </Link>
            <Link to="/config-backup/groups">
              <Button icon={<ScheduleOutlined />}>{t('设备分组与备份计划')}</Button>
            </Link>
          </>
        }
      />
      <Card>
        <DataTable
          queryKey="config-backup"
          source={configBackupApi.list}
          rowKey="id"
          columns={columns}
          searchPlaceholder={t('名称或地址')}
          actions={
            can('configbackup.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('登记设备')}
              </Button>
            )
          }
        />
      </Card>
      <FormModal<TDeviceInput, TDevice>
        open={creating}
        width={720}
        title={t('登记设备')}
        onClose={() => setCreating(false)}
        initialValues={{ protocol: 'ssh', vendor: 'huawei-vrp', serviceLine: 'NET' }}
        // Empty secret fields are left out, not sent as empty text.
        submit={(v) => call(configBackupApi.create, { body: dropEmpty(v) as TDeviceInput })}
        invalidate={['config-backup']}
        onDone={(r) => void navigate(`/config-backup/${r.id}`)}
      >
        <DeviceFields />
      </FormModal>
    </div>
  );
}
