// 备品备件: the parts with their stock (on hand, reserved, available) summed over locations, parts
// below their minimum highlighted; filters, Excel export, and the Excel import with an upload
// progress bar and a table of every error the server found.
import { PlusOutlined, UploadOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Grid, Input, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import type { TSparePart, TSparePartInput } from '../../../common/spares.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { ExcelImportModal } from '../../components/ExcelImportModal.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { lineShort } from '../contract/lines.ts';
import { LineLabel } from '../desk/DeskPage.tsx';
import { sparesApi } from '../../../common/spares.api.ts';

type Filters = { serviceLine?: string; belowMin?: boolean };

/** Stock figures: available in red with a warning when below the minimum. */
export function StockCell({ p }: { p: Pick<TSparePart, 'available' | 'minLevel' | 'belowMin' | 'unit'> }) {
  const { t } = useI18n();
  return p.belowMin ? (
    <Tooltip title={t('低于最低库存 {n}', { n: p.minLevel })}>
      <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }}>
        <WarningFilled /> {p.available} {p.unit}
      </Typography.Text>
    </Tooltip>
  ) : (
    <span style={{ whiteSpace: 'nowrap' }}>
      {p.available} {p.unit}
    </span>
  );
}

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <ExcelImportModal
      open={open}
      onClose={onClose}
      title={t('导入备品备件')}
      hint={t(
        '先校验全部行：有任何错误则逐行列出且不写入任何数据；无误则一次全部写入。已存在的备件编号将更新该备件，填写了存放位置和入库数量的行按“入库”记入库存。',
      )}
      template={sparesApi.importTemplate}
      upload={sparesApi.import}
      queryKey={['spares']}
      done={(r) => t('已导入 {rows} 行：新增 {created}，更新 {updated}，入库 {received} 笔', { ...r })}
    />
  );
}

export function SparePartFields() {
  const { t, lang } = useI18n();
  return (
    <>
      <Form.Item name="partNumber" label={t('备件编号')} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', columnGap: 12 }}>
        <Form.Item name="vendor" label={t('厂商')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="model" label={t('型号')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="unit" label={t('单位')}>
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="minLevel" label={t('最低库存')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="serviceLine" label={t('服务项目')}>
          <Select allowClear options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))} />
        </Form.Item>
        <Form.Item name="classCode" label={t('分类代码')}>
          <Input maxLength={40} />
        </Form.Item>
      </div>
      <Form.Item name="notes" label={t('备注')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}

export function SparesPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [f, setF] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const write = can('spare.write');
  const phone = Grid.useBreakpoint().md === false;

  const columns: DTColumn<TSparePart>[] = [
    {
      title: t('备件编号'),
      dataIndex: 'partNumber',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/assets/spares/${r.id}`} className="yw-mono" style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Link>
      ),
    },
    {
      title: t('名称'),
      dataIndex: 'name',
      render: (v: string, r) => (
        <div style={{ minWidth: 140, maxWidth: 300 }}>
          <Link to={`/assets/spares/${r.id}`} style={{ color: 'inherit' }}>
            {v}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {[r.vendor, r.model].filter(Boolean).join(' · ')}
          </Typography.Text>
          {phone && (
            <span style={{ fontSize: 12 }}>
              {t('可用')} <StockCell p={r} />
            </span>
          )}
        </div>
      ),
    },
    {
      title: t('服务项目'),
      dataIndex: 'serviceLine',
      responsive: ['md'],
      render: (v: ServiceLineCode | null) => (v ? <LineLabel code={v} /> : '—'),
    },
    { title: t('在库'), dataIndex: 'onHand', responsive: ['md'], align: 'right' },
    { title: t('已预留'), dataIndex: 'reserved', responsive: ['md'], align: 'right' },
    { title: t('可用'), dataIndex: 'available', align: 'right', responsive: ['md'], render: (_: number, r) => <StockCell p={r} /> },
    { title: t('最低库存'), dataIndex: 'minLevel', responsive: ['md'], align: 'right' },
    {
      title: t('存放位置'),
      key: 'locations',
      responsive: ['lg'],
      render: (_: unknown, r) =>
        r.locations.length ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, maxWidth: 360 }}>
            {r.locations.map((l) => (
              <Tag key={l.location} style={{ marginInlineEnd: 0 }}>
                {l.location} · {l.onHand}
              </Tag>
            ))}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('无库存')}</Typography.Text>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('备品备件')}
        subtitle={t('按存放位置管理备件库存；领用、归还、预留关联运维单，可用库存低于最低库存时提醒项目经理')}
      />
      <Card>
        <DataTable
          queryKey="spares"
          source={sparesApi.list}
          rowKey="id"
          columns={columns}
          params={f}
          searchPlaceholder={t('编号、名称、厂商或型号')}
          exportSource={sparesApi.export}
          filters={
            <>
              <Select
                allowClear
                placeholder={t('服务项目')}
                style={{ width: 130 }}
                value={f.serviceLine}
                onChange={(v?: string) => setF((p) => ({ ...p, serviceLine: v }))}
                options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
              />
              <Checkbox checked={!!f.belowMin} onChange={(e) => setF((p) => ({ ...p, belowMin: e.target.checked || undefined }))}>
                {t('低于最低库存')}
              </Checkbox>
            </>
          }
          actions={
            write && (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('导入')}
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  {t('新增备件')}
                </Button>
              </>
            )
          }
        />
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      <FormModal<TSparePartInput, TSparePart>
        open={creating}
        title={t('新增备件')}
        onClose={() => setCreating(false)}
        initialValues={{ unit: '个', minLevel: 0 }}
        submit={(v) => call(sparesApi.create, { body: { ...v, serviceLine: v.serviceLine ?? null } })}
        invalidate={['spares']}
        onDone={(r) => void navigate(`/assets/spares/${r.id}`)}
      >
        <SparePartFields />
      </FormModal>
    </div>
  );
}
