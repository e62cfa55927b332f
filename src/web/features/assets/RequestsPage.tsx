// 资产变动审批 (R-AST-01): the requests waiting for a level the signed-in user approves (待审批), and
// every request with filters; approve or reject per level in the row. The level rule is shown on top.
import { Card, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  LEVEL_PERMISSION,
  MOVEMENT_KIND_ZH,
  MOVEMENT_KINDS,
  type ApprovalLevel,
  type TAssetRequest,
} from '../../../common/asset-movements.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DecideButtons, LevelMatrix } from './movements/DecideButtons.tsx';
import { ApprovalTags, PayloadText, RequestStatusTag } from './movements/RequestTags.tsx';
import { movementsApi } from '../../../common/asset-movements.api.ts';

type View = 'todo' | 'mine' | 'all';

export function RequestsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const approver = (Object.keys(LEVEL_PERMISSION) as ApprovalLevel[]).some((l) => can(LEVEL_PERMISSION[l]));
  const [view, setView] = useState<View>(approver ? 'todo' : can('asset.write') ? 'mine' : 'all');
  const [status, setStatus] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [showRules, setShowRules] = useState(false);
  const columns: DTColumn<TAssetRequest>[] = [
    {
      title: t('资产'),
      key: 'asset',
      render: (_: unknown, r) => (
        <Link to={`/assets/${r.assetId}`}>
          <div style={{ whiteSpace: 'nowrap' }}>{r.assetNumber}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.assetName}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('变动'),
      dataIndex: 'kind',
      render: (k: TAssetRequest['kind']) => t(MOVEMENT_KIND_ZH[k]),
    },
    { title: t('内容'), key: 'payload', responsive: ['md'], render: (_: unknown, r) => <PayloadText r={r} /> },
    {
      title: t('审批层级'),
      key: 'levels',
      render: (_: unknown, r) => <ApprovalTags r={r} />,
    },
    { title: t('状态'), dataIndex: 'status', responsive: ['sm'], render: (s: TAssetRequest['status']) => <RequestStatusTag s={s} /> },
    {
      title: t('申请人'),
      key: 'by',
      responsive: ['lg'],
      render: (_: unknown, r) => (
        <div>
          <div>{r.requestedByName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {fmtTime(r.createdAt)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('理由'), dataIndex: 'reason', ellipsis: true, width: 180, responsive: ['xl'] },
    { title: t('操作'), key: 'act', fixed: 'right', render: (_: unknown, r) => <DecideButtons r={r} /> },
  ];
  const params = { todo: view === 'todo' || undefined, mine: view === 'mine' || undefined, status, kind };
  return (
    <div>
      <PageHeader
        title={t('资产变动审批')}
        subtitle={
          <span>
            {t('入库、领用、调拨、送修、报废按涉及的层级审批：信息化部门、财务部门、业务部门，全部同意后生效。')}{' '}
            <Typography.Link onClick={() => setShowRules((x) => !x)}>{showRules ? t('收起规则') : t('查看规则')}</Typography.Link>
          </span>
        }
      />
      {showRules && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <LevelMatrix />
        </Card>
      )}
      <DataTable
        queryKey="asset-requests"
        source={movementsApi.list}
        exportSource={movementsApi.export}
        rowKey="id"
        columns={columns}
        params={params}
        filters={
          <Space wrap>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                ...(approver ? [{ value: 'todo' as View, label: t('待我审批') }] : []),
                ...(can('asset.write') ? [{ value: 'mine' as View, label: t('我提出的') }] : []),
                { value: 'all' as View, label: t('全部') },
              ]}
            />
            {view !== 'todo' && (
              <Select
                allowClear
                placeholder={t('状态')}
                style={{ width: 110 }}
                value={status}
                onChange={setStatus}
                options={[
                  { value: 'pending', label: t('待审批') },
                  { value: 'approved', label: t('已生效') },
                  { value: 'rejected', label: t('已驳回') },
                  { value: 'cancelled', label: t('已撤回') },
                ]}
              />
            )}
            <Select
              allowClear
              placeholder={t('变动类型')}
              style={{ width: 130 }}
              value={kind}
              onChange={setKind}
              options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(MOVEMENT_KIND_ZH[k]) }))}
            />
          </Space>
        }
      />
    </div>
  );
}
