// The registration form of a monitored device: address and name, line and interval, ICMP and SNMP
// (v2c community or v3 user with its keys, sent once and never shown again).
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { ADDRESS_RE } from '../../../common/configbackup.ts';
import { SNMP_AUTH, SNMP_PRIV, type TMonDeviceInput } from '../../../common/monitoring.ts';
import { lineShort } from '../contract/lines.ts';
import { useI18n } from '../../i18n/index.tsx';

export type Form = Omit<TMonDeviceInput, 'snmp'> & { snmp?: Partial<NonNullable<TMonDeviceInput['snmp']>> & { enabled?: boolean } };
const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== '' && x !== null && x !== undefined));

export function toInput(v: Form): TMonDeviceInput {
  const { snmp, ...rest } = v;
  const s = snmp?.enabled ? (clean({ ...snmp, enabled: undefined }) as NonNullable<TMonDeviceInput['snmp']>) : undefined;
  return { ...(clean(rest) as TMonDeviceInput), ...(s ? { snmp: s } : {}) };
}

export function DeviceFields() {
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
        <Form.Item
          name="address"
          label={t('管理地址')}
          rules={[{ required: true }, { pattern: ADDRESS_RE, message: t('地址应为 IP 地址或主机名') }]}
        >
          <Input maxLength={253} placeholder="10.0.0.1" />
        </Form.Item>
        <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
          <Input maxLength={100} />
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
