// 采购咨询: inquiries and purchase requests, newest first, by status.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  PROCUREMENT_STATUS,
  PROCUREMENT_STATUSES,
  type ProcurementStatus,
  type TProcurement,
  type TProcurementSummary,
} from '../../../common/procure.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtMoney, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { procureApi } from '../../../common/procure.api.ts';

export function StatusTag({ s }: { s: ProcurementStatus }) {
  const { lang } = useI18n();
  return (
    <Tag color={PROCUREMENT_STATUS[s].color} style={{ marginInlineEnd: 0 }}>
      {pick(lang, PROCUREMENT_STATUS[s])}
    </Tag>
  );
}

export function ProcurementsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>('all');
  const [creating, setCreating] = useState(false);
  const columns: DTColumn<TProcurementSummary>[] = [
    {
      title: t('采购事项'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div style={{ minWidth: 160, maxWidth: 360 }}>
          <Link to={`/assets/procurements/${r.id}`}>{v}</Link>
        </div>
      ),
    },
    {
      title: t('状态'),
      dataIndex: 'status',
      render: (v: ProcurementStatus) => <StatusTag s={v} />,
    },
    { title: t('数量'), dataIndex: 'quantity', align: 'right', responsive: ['md'] },
    {
      title: t('报价'),
      dataIndex: 'quoteCount',
      align: 'right',
      responsive: ['md'],
      render: (v: number) => (v < 3 ? <Tag color="warning">{v}</Tag> : v),
    },
    {
      title: t('最低单价'),
      dataIndex: 'lowestUnitPrice',
      align: 'right',
      responsive: ['md'],
      render: (v: number | null) => (v === null ? '—' : fmtMoney(v)),
    },
    {
      title: t('申请采购'),
      key: 'chosen',
      render: (_: unknown, r) => (r.chosenVendor ? `${r.chosenVendor} · ${fmtMoney(r.chosenTotal)}` : '—'),
    },
    { title: t('更新时间'), dataIndex: 'updatedAt', responsive: ['lg'], render: (v: string) => fmtTime(v) },
  ];
  return (
    <div>
      <PageHeader title={t('采购咨询')} subtitle={t('询价比价（价格与功能），选定报价提出采购申请，甲方审批，到货后逐台登记为资产')} />
      <Card>
        <DataTable
          queryKey="procurements"
          source={procureApi.list}
          exportSource={procureApi.export}
          rowKey="id"
          columns={columns}
          params={{ status: status === 'all' ? undefined : status }}
          searchPlaceholder={t('采购事项')}
          filters={
            <Segmented
              value={status}
              onChange={(v) => setStatus(String(v))}
              options={[
                { value: 'all', label: t('全部') },
                ...PROCUREMENT_STATUSES.filter((s) => s !== 'cancelled').map((s) => ({
                  value: s,
                  label: pick(lang, PROCUREMENT_STATUS[s]),
                })),
              ]}
            />
          }
          actions={
            can('procure.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('发起询价')}
              </Button>
            )
          }
        />
      </Card>
      <FormModal<{ title: string; needs?: string; classCode?: string; quantity: number }, TProcurement>
        open={creating}
        title={t('发起询价')}
        onClose={() => setCreating(false)}
        initialValues={{ quantity: 1 }}
        submit={(v) => call(procureApi.create, { body: { ...v, needs: v.needs ?? '', classCode: v.classCode || null } })}
        invalidate={['procurements']}
        onDone={(r) => void navigate(`/assets/procurements/${r.id}`)}
      >
        <Form.Item name="title" label={t('采购事项')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="needs" label={t('需求（功能、规格）')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="quantity" label={t('数量')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="classCode" label={t('资产分类代码')} style={{ flex: 1 }}>
            <Input maxLength={40} />
          </Form.Item>
        </div>
      </FormModal>
    </div>
  );
}
