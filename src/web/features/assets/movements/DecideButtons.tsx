// Approve / reject per approval level for whoever holds that level's permission, and the level
// matrix the UI and the server share (R-AST-01).
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  LEVEL_MATRIX,
  LEVEL_PERMISSION,
  MOVEMENT_KIND_ZH,
  type ApprovalLevel,
  type MovementKind,
  type TAssetRequest,
} from '../../../../common/asset-movements.ts';
import { call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useFeedback } from '../../../components/feedback.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { LEVEL_SHORT } from './RequestTags.tsx';
import { movementsApi } from '../../../../common/asset-movements.api.ts';

/** Approve / reject buttons for the levels the signed-in user may decide (never their own request). */
export function DecideButtons({ r, onDone }: { r: TAssetRequest; onDone?: () => void }) {
  const { t } = useI18n();
  const { can, me: user } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [reject, setReject] = useState<ApprovalLevel | null>(null);
  const [comment, setComment] = useState('');
  const m = useMutation({
    mutationFn: (b: { level: ApprovalLevel; decision: 'approve' | 'reject'; comment: string }) =>
      call(movementsApi.decide, { params: { id: r.id }, body: b }),
    onSuccess: async (x, b) => {
      fb.ok(b.decision === 'reject' ? '已驳回' : x.status === 'approved' ? '已同意，变动已生效' : '已同意');
      setReject(null);
      setComment('');
      await qc.invalidateQueries({ queryKey: ['asset-requests'] });
      await qc.invalidateQueries({ queryKey: ['assets'] });
      onDone?.();
    },
    onError: (e) => fb.fail(e),
  });
  if (r.status !== 'pending' || r.requestedBy === user?.id) return null;
  const mine = r.approvals.filter((a) => a.status === 'pending' && can(LEVEL_PERMISSION[a.level]));
  if (!mine.length) return null;
  return (
    <Space size={4} wrap>
      {mine.map((a) => (
        <Space.Compact key={a.level}>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            loading={m.isPending}
            onClick={() => m.mutate({ level: a.level, decision: 'approve', comment: '' })}
          >
            {t('同意')} · {t(LEVEL_SHORT[a.level])}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => setReject(a.level)}
            aria-label={t('驳回')}
            title={t('驳回')}
          />
        </Space.Compact>
      ))}
      <Modal
        open={!!reject}
        title={t('驳回申请')}
        okText={t('驳回')}
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        confirmLoading={m.isPending}
        onCancel={() => setReject(null)}
        onOk={() => reject && m.mutate({ level: reject, decision: 'reject', comment: comment.trim() })}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('任一层级驳回，整个申请即被驳回，资产不发生变动。')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('驳回理由（必填）')}
          maxLength={1000}
        />
      </Modal>
    </Space>
  );
}

/** The level matrix, as the rule the UI and the server share. */
export function LevelMatrix() {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="kind"
      scroll={{ x: 'max-content' }}
      dataSource={LEVEL_MATRIX}
      columns={[
        { title: t('变动'), dataIndex: 'kind', render: (k: MovementKind) => t(MOVEMENT_KIND_ZH[k]) },
        { title: t('信息化部门'), dataIndex: 'it', render: (v: string) => t(v) },
        { title: t('财务部门'), dataIndex: 'finance', render: (v: string) => t(v) },
        { title: t('业务部门'), dataIndex: 'business', render: (v: string) => t(v) },
        { title: t('生效后'), dataIndex: 'result', render: (v: string) => t(v) },
      ]}
    />
  );
}
