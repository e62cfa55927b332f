// R-AST-01 on an asset's page: its movement requests with each level's decision, the form for a new
// request (the levels it will need shown as it is filled in), and approve / reject per level for
// whoever holds that level's permission; the requester may withdraw a pending request.
import { PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MOVEMENT_KIND_ZH } from '../../../common/asset-movements.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RequestStatusTag, ApprovalTags, PayloadText } from './movements/RequestTags.tsx';
import { DecideButtons, LevelMatrix } from './movements/DecideButtons.tsx';
import { NewRequest } from './movements/NewRequest.tsx';
import { movementsApi } from '../../../common/asset-movements.api.ts';
import { assetsApi } from '../../../common/assets.api.ts';
import { useCall } from '../../api/query.ts';

/** The movements of one asset (its page). `asset` is what the level rule needs. */
export function AssetMovements({ assetId, asset }: { assetId: string; asset?: { status: string; usingDepartmentId: string | null } }) {
  const { t } = useI18n();
  const { can, me: user } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [rules, setRules] = useState(false);
  const q = useCall(
    movementsApi.ofAsset,
    { params: { id: assetId }, query: { pageSize: 50 } },
    { queryKey: ['asset-requests', 'asset', assetId] },
  );
  const cancel = useMutation({
    mutationFn: (id: string) => call(movementsApi.cancel, { params: { id } }),
    onSuccess: async () => {
      fb.ok('申请已撤回');
      await qc.invalidateQueries({ queryKey: ['asset-requests'] });
    },
    onError: (e) => fb.fail(e),
  });
  const items = q.data?.items ?? [];
  const pending = items.some((r) => r.status === 'pending');
  // Without the asset from the page, read the two fields the level rule needs.
  const head = useCall(
    assetsApi.get,
    { params: { id: assetId } },
    { queryKey: ['asset-requests', 'asset-head', assetId], enabled: !asset },
  );
  const current =
    asset ??
    (head.data
      ? { status: head.data.status, usingDepartmentId: head.data.usingDepartmentId }
      : { status: items[0]?.assetStatus ?? 'in_stock', usingDepartmentId: null });
  return (
    <Card
      size="small"
      title={t('资产变动')}
      extra={
        <Space>
          <Button size="small" type="link" onClick={() => setRules(true)}>
            {t('审批规则')}
          </Button>
          {can('asset.write') && current.status !== 'retired' && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={pending}
              title={pending ? t('已有待审批的申请') : undefined}
              onClick={() => setOpen(true)}
            >
              {t('提出申请')}
            </Button>
          )}
        </Space>
      }
    >
      <List
        loading={q.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无变动申请')} /> }}
        renderItem={(r) => (
          <List.Item
            key={r.id}
            actions={[
              <DecideButtons key="d" r={r} />,
              r.status === 'pending' && r.requestedBy === user?.id ? (
                <Button key="c" size="small" icon={<RollbackOutlined />} loading={cancel.isPending} onClick={() => cancel.mutate(r.id)}>
                  {t('撤回')}
                </Button>
              ) : null,
            ].filter(Boolean)}
            style={{ flexWrap: 'wrap' }}
          >
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <strong>{t(MOVEMENT_KIND_ZH[r.kind])}</strong>
                  <RequestStatusTag s={r.status} />
                  <ApprovalTags r={r} />
                </Space>
              }
              description={
                <div>
                  <div>
                    <PayloadText r={r} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.requestedByName} · {fmtTime(r.createdAt)}
                    {r.reason ? ` · ${r.reason}` : ''}
                  </Typography.Text>
                </div>
              }
            />
          </List.Item>
        )}
      />
      <NewRequest assetId={assetId} asset={current} open={open} onClose={() => setOpen(false)} />
      <Modal open={rules} title={t('资产变动审批规则（三级管理）')} footer={null} onCancel={() => setRules(false)} width={760}>
        <LevelMatrix />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('同一资产同时只能有一个待审批的申请；申请人不能审批本人的申请。')} <Link to="/assets/requests">{t('待审批列表')}</Link>
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
