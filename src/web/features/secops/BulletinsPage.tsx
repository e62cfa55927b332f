// 安全通告 (R-SEC-08): bulletins with the vendor, product and version range they affect, the devices of
// the asset register found affected, and the SEC-line task opened for them.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { BULLETIN_SEVERITIES, type TBulletin } from '../../../common/secops.ts';
import { secopsApi as api } from '../../../common/secops.api.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ALERT_SEVERITY } from './labels.tsx';

type Values = Omit<TBulletin, 'id' | 'number' | 'affected' | 'ticketId' | 'ticketNumber' | 'createdByName' | 'createdAt'>;

function BulletinForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const req = [{ required: true, whitespace: true }];
  return (
    <FormModal<Values>
      open={open}
      title={t('登记安全通告')}
      onClose={onClose}
      invalidate={['secops']}
      width={640}
      initialValues={{ severity: 'high' }}
      submit={(v) => call(api.createBulletin, { body: v })}
    >
      <Form.Item name="title" label={t('标题')} rules={req}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="source" label={t('发布方')} rules={req}>
          <Input maxLength={200} placeholder="CNVD / CNNVD / PSIRT" />
        </Form.Item>
        <Form.Item name="cve" label="CVE">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="severity" label={t('严重级别')}>
          <Select style={{ width: 120 }} options={BULLETIN_SEVERITIES.map((s) => ({ value: s, label: t(ALERT_SEVERITY[s]!) }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="vendor" label={t('厂商')} rules={req}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="product" label={t('产品（型号关键字）')} rules={req}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="versionFrom" label={t('起始版本')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="versionTo" label={t('截止版本')}>
          <Input maxLength={60} />
        </Form.Item>
      </Space>
      <Form.Item name="advice" label={t('处置建议')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}

export function BulletinsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const columns: DTColumn<TBulletin>[] = [
    { title: t('编号'), dataIndex: 'number' },
    { title: t('标题'), dataIndex: 'title', render: (v: string, r) => `${v}${r.cve ? `（${r.cve}）` : ''}` },
    { title: t('严重级别'), dataIndex: 'severity', render: (v: string) => t(ALERT_SEVERITY[v] ?? v) },
    {
      title: t('影响范围'),
      dataIndex: 'product',
      responsive: ['md'],
      render: (_: unknown, r) => `${r.vendor} ${r.product} ${r.versionFrom || '…'} ~ ${r.versionTo || '…'}`,
    },
    {
      title: t('受影响设备'),
      dataIndex: 'affected',
      render: (v: TBulletin['affected']) =>
        v.length ? v.map((a) => <Tag key={a.id}>{`${a.name} ${a.firmware}`}</Tag>) : <Tag color="success">{t('无')}</Tag>,
    },
    {
      title: t('运维单'),
      dataIndex: 'ticketNumber',
      render: (v: string | null, r) => (v && r.ticketId ? <Link to={`/desk/${r.ticketId}`}>{v}</Link> : ''),
    },
    { title: t('登记时间'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => fmtTime(v) },
  ];
  return (
    <div>
      <PageHeader
        title={t('安全通告')}
        subtitle={t('按厂商、产品与版本范围匹配资产台账，受影响设备自动派发安全运维单')}
        extra={
          can('secops.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('登记安全通告')}
            </Button>
          )
        }
      />
      <Card>
        <DataTable queryKey="secops" source={api.bulletins} rowKey="id" columns={columns} />
      </Card>
      <BulletinForm open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
