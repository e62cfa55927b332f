// 巡检模板: the templates as data — line, device kinds, schedule and each item's expected value or
// range, evidence and prefill source; new and edited in the template editor by who may manage them.
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ASSET_KIND_NAMES, type AssetKind } from '../../../common/assets.ts';
import { EVIDENCE_NAMES, PREFILL_NAMES, SCHEDULE_NAMES, type TItem, type TTemplate } from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { LineTag } from '../../components/LineTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

function Items({ items }: { items: TItem[] }) {
  const { t } = useI18n();
  return (
    <Table<TItem>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { key: 'l', title: t('检查项'), render: (_, i) => i.label },
        {
          key: 'e',
          title: t('期望'),
          render: (_, i) => (i.kind === 'check' ? t('正常') : i.kind === 'range' ? `${i.min ?? ''}～${i.max ?? ''} ${i.unit}` : t('记录')),
        },
        { key: 'v', title: t('证据'), render: (_, i) => t(EVIDENCE_NAMES[i.evidence]) },
        { key: 'p', title: t('预填来源'), render: (_, i) => (i.prefill ? t(PREFILL_NAMES[i.prefill]) : '') },
      ]}
    />
  );
}

export function TemplatesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<TTemplate | 'new' | null>(null);
  const list = useCall(api.templates, { query: { page, pageSize: 20 } });
  const manage = can('inspections.manage');
  return (
    <div>
      <PageHeader
        title={t('巡检模板')}
        subtitle={t('按服务线与设备类型定义检查项、正常范围、证据要求与监控预填来源')}
        extra={
          manage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('新建巡检模板')}
            </Button>
          )
        }
      />
      {editing && <TemplateEditor template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <Card>
        <Table<TTemplate>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          expandable={{ expandedRowRender: (r) => <Items items={r.items} />, defaultExpandAllRows: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('模板'), render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
            { key: 'l', title: t('服务线'), render: (_, r) => <LineTag code={r.serviceLine} /> },
            {
              key: 'k',
              title: t('设备类型'),
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.deviceKinds.length
                    ? r.deviceKinds.map((k) => <Tag key={k}>{t(ASSET_KIND_NAMES[k as AssetKind] ?? k)}</Tag>)
                    : t('系统')}
                </Space>
              ),
            },
            { key: 's', title: t('周期'), render: (_, r) => t(SCHEDULE_NAMES[r.schedule]) },
            { key: 'i', title: t('检查项'), render: (_, r) => r.items.length },
            { key: 'a', title: t('状态'), render: (_, r) => (r.active ? <Tag color="green">{t('启用')}</Tag> : <Tag>{t('停用')}</Tag>) },
            ...(manage
              ? [
                  {
                    key: 'op',
                    title: t('操作'),
                    render: (_: unknown, r: TTemplate) => (
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('编辑')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
