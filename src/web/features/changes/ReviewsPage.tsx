// 计划与制度审阅 (R-CHG-06): the annual maintenance plan, the management rules and the work
// specifications the contractor submits; the agency approves or returns each version with its
// comments, a returned document comes back as a new version, and every version stays readable.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { REVIEW_KINDS, REVIEW_KIND_NAMES, REVIEW_STATE_NAMES, type TReviewDoc, type TReviewInput } from '../../../common/changes.ts';
import { changesApi as api } from '../../../common/changes.api.ts';
import { useAuth } from '../../app/auth.tsx';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useRun } from '../../components/useRun.ts';

const STATE_COLOR: Record<TReviewDoc['state'], string> = { submitted: 'processing', approved: 'success', returned: 'warning' };

function ReviewState({ d }: { d: TReviewDoc }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[d.state]}>{t(REVIEW_STATE_NAMES[d.state])}</Tag>;
}

function Versions({ d }: { d: TReviewDoc }) {
  const { t } = useI18n();
  return (
    <Collapse
      defaultActiveKey={[String(d.version)]}
      items={[...d.versions].reverse().map((v) => ({
        key: String(v.version),
        label: (
          <Space wrap size={4}>
            {t('第 {n} 版', { n: v.version })}
            <Typography.Text type="secondary">{`${v.submittedByName} ${fmtTime(v.submittedAt)}`}</Typography.Text>
            {v.decision && <Tag color={v.decision === 'approved' ? 'success' : 'warning'}>{t(REVIEW_STATE_NAMES[v.decision])}</Tag>}
          </Space>
        ),
        children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.body}</Typography.Paragraph>
            {v.decidedByName && (
              <Typography.Text type="secondary">
                {`${t('审阅意见')}（${v.decidedByName} ${fmtTime(v.decidedAt)}）：${v.comment || t('无')}`}
              </Typography.Text>
            )}
          </Space>
        ),
      }))}
    />
  );
}

function ReviewDrawer({ d, onClose }: { d: TReviewDoc | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [comment, setComment] = useState('');
  const [body, setBody] = useState<string | null>(null);
  const { busy, run } = useRun('change-reviews', () => {
    setComment('');
    setBody(null);
    onClose();
  });
  const decide = (decision: 'approved' | 'returned') =>
    run(() => call(api.reviewDecide, { params: { id: d!.id }, body: { decision, comment } }), '已提交审阅意见');
  const last = d?.versions.at(-1);
  return (
    <Drawer open={!!d} onClose={onClose} size={640} title={d ? `${t(REVIEW_KIND_NAMES[d.kind])}《${d.title}》` : ''} destroyOnHidden>
      {d && last && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <ReviewState d={d} />
          <Versions d={d} />
          {d.state === 'submitted' && can('changes.confirm') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('审阅意见')} />
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void decide('approved')}>
                  {t('审阅通过')}
                </Button>
                <Button danger loading={busy} disabled={!comment.trim()} onClick={() => void decide('returned')}>
                  {t('退回修改')}
                </Button>
              </Space>
            </Space>
          )}
          {d.state === 'returned' && can('changes.write') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={10} value={body ?? last.body} onChange={(e) => setBody(e.target.value)} maxLength={50_000} />
              <Button
                type="primary"
                loading={busy}
                disabled={body === null || body.trim() === ''}
                onClick={() =>
                  void run(() => call(api.reviewResubmit, { params: { id: d.id }, body: { body: body ?? '' } }), '已提交新版本')
                }
              >
                {t('修改后重新提交')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

export function ReviewsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useCall(api.reviews, { query: { page, pageSize: 20 } });
  const open = list.data?.items.find((d) => d.id === openId) ?? null;
  return (
    <div>
      <PageHeader
        title={t('计划与制度审阅')}
        subtitle={t('年度运维计划、运维管理制度与工作规范报甲方审阅，退回的修改后作为新版本重新提交')}
        extra={
          can('changes.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('提交审阅')}
            </Button>
          )
        }
      />
      <Card>
        <Table<TReviewDoc>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'k', title: t('类别'), render: (_, r) => t(REVIEW_KIND_NAMES[r.kind]) },
            { key: 't', title: t('名称'), render: (_, r) => r.title },
            { key: 'v', title: t('版本'), responsive: ['md'], render: (_, r) => t('第 {n} 版', { n: r.version }) },
            { key: 's', title: t('状态'), render: (_, r) => <ReviewState d={r} /> },
            { key: 'u', title: t('更新时间'), responsive: ['md'], render: (_, r) => fmtTime(r.updatedAt) },
          ]}
        />
      </Card>
      <FormModal<TReviewInput, TReviewDoc>
        open={adding}
        onClose={() => setAdding(false)}
        width={720}
        title={t('提交审阅')}
        okText={t('提交甲方审阅')}
        successText="已提交甲方审阅"
        invalidate={['change-reviews']}
        initialValues={{ kind: 'annual_plan' }}
        submit={(body) => call(api.reviewCreate, { body })}
      >
        <Form.Item name="kind" label={t('类别')} rules={[{ required: true }]}>
          <Select options={REVIEW_KINDS.map((k) => ({ value: k, label: t(REVIEW_KIND_NAMES[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('名称')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('正文')} rules={[{ required: true }]}>
          <Input.TextArea rows={12} maxLength={50_000} />
        </Form.Item>
      </FormModal>
      <ReviewDrawer d={open} onClose={() => setOpenId(null)} />
    </div>
  );
}
