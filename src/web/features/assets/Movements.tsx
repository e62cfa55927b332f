// R-AST-01 on an asset's page: its movement requests with each level's decision, the form for a new
// request (the levels it will need shown as it is filled in), and approve / reject per level for
// whoever holds that level's permission; the requester may withdraw a pending request.
import { CheckOutlined, CloseOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  LEVEL_MATRIX,
  LEVEL_PERMISSION,
  LEVEL_ZH,
  levelsFor,
  MOVEMENT_KIND_ZH,
  MOVEMENT_KINDS,
  type ApprovalLevel,
  type MovementKind,
  type TAssetRequest,
  type TAssetRequestList,
  type TMovementOptions,
} from '../../../common/asset-movements.ts';
import { ASSET_STATUS_NAMES } from '../../../common/assets.ts';
import { MONEY } from '../../../common/patterns.ts';
import { api } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const LEVEL_SHORT: Record<ApprovalLevel, string> = { it: '信息化', finance: '财务', business: '业务' };

export const statusName = (s: string) => ASSET_STATUS_NAMES[s as keyof typeof ASSET_STATUS_NAMES] ?? s;

const REQ_STATUS: Record<TAssetRequest['status'], { zh: string; color: string }> = {
  pending: { zh: '待审批', color: 'processing' },
  approved: { zh: '已生效', color: 'success' },
  rejected: { zh: '已驳回', color: 'error' },
  cancelled: { zh: '已撤回', color: 'default' },
};

export function RequestStatusTag({ s }: { s: TAssetRequest['status'] }) {
  const { t } = useI18n();
  return <Tag color={REQ_STATUS[s].color}>{t(REQ_STATUS[s].zh)}</Tag>;
}

/** Each level as a tag: grey pending, green approved, red rejected, with who and when on hover. */
export function ApprovalTags({ r }: { r: TAssetRequest }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {r.approvals.map((a) => (
        <Tag
          key={a.level}
          color={a.status === 'approved' ? 'green' : a.status === 'rejected' ? 'red' : r.status === 'pending' ? 'gold' : 'default'}
          title={a.byName ? `${a.byName} ${fmtTime(a.at)}${a.comment ? `：${a.comment}` : ''}` : undefined}
        >
          {t(LEVEL_ZH[a.level])}
          {a.status === 'approved' ? ' ✓' : a.status === 'rejected' ? ' ✗' : ''}
        </Tag>
      ))}
    </Space>
  );
}

/** What the request changes, in words. */
export function PayloadText({ r }: { r: TAssetRequest }) {
  const { t } = useI18n();
  const p = r.payload;
  const name = (v: unknown) => (typeof v === 'string' ? (r.names[v] ?? v.slice(0, 8)) : v === null ? t('无') : '');
  const parts: string[] = [];
  if (p.usingDepartmentId !== undefined)
    parts.push(`${t('使用部门')}：${p.fromDepartmentId ? `${name(p.fromDepartmentId)} → ` : ''}${name(p.usingDepartmentId)}`);
  if (p.custodianPersonId !== undefined) parts.push(`${t('保管人')}：${name(p.custodianPersonId)}`);
  if (p.siteId !== undefined) parts.push(`${t('地点')}：${name(p.siteId)}`);
  if (p.roomId !== undefined) parts.push(`${t('房间')}：${name(p.roomId)}`);
  for (const [k, label] of [
    ['building', '楼宇'],
    ['floor', '楼层'],
    ['rack', '机柜'],
    ['rackUnit', 'U 位'],
    ['assetCardNumber', '固定资产卡片号'],
    ['originalValue', '原值'],
    ['acquiredOn', '取得日期'],
    ['repairer', '维修单位'],
    ['expectedReturn', '预计返回'],
    ['method', '处置方式'],
  ] as const)
    if (typeof p[k] === 'string' && p[k]) parts.push(`${t(label)}：${p[k]}`);
  if (p.returnFromRepair) parts.push(t('修复返回'));
  return <span>{parts.join('；') || '—'}</span>;
}

export const useMovementOptions = (enabled = true) =>
  useQuery({
    queryKey: ['asset-requests', 'options'],
    queryFn: ({ signal }) => api.get<TMovementOptions>('/api/asset-requests/options', undefined, signal),
    enabled,
    staleTime: 300_000,
  });

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
      api.post<TAssetRequest>(`/api/asset-requests/${r.id}/decide`, b),
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

interface FormValues {
  kind: MovementKind;
  reason: string;
  usingDepartmentId?: string;
  custodianPersonId?: string;
  siteId?: string;
  roomId?: string;
  rack?: string;
  rackUnit?: string;
  assetCardNumber?: string;
  originalValue?: string;
  acquiredOn?: { format: (f: string) => string };
  repairer?: string;
  method?: string;
}

function NewRequest({
  assetId,
  asset,
  open,
  onClose,
}: {
  assetId: string;
  asset: { status: string; usingDepartmentId: string | null };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'assignment';
  const dept = Form.useWatch('usingDepartmentId', form);
  const site = Form.useWatch('siteId', form);
  const opts = useMovementOptions(open);
  const o = opts.data;
  const levels = levelsFor(kind, asset.usingDepartmentId, kind === 'assignment' ? (dept ?? asset.usingDepartmentId) : dept);
  const m = useMutation({
    mutationFn: (v: FormValues) => {
      const payload: Record<string, unknown> = {};
      const put = (k: keyof FormValues) => {
        const x = v[k];
        if (x !== undefined && x !== '' && x !== null) payload[k] = x;
      };
      if (kind === 'receipt')
        ['siteId', 'roomId', 'rack', 'rackUnit', 'assetCardNumber', 'originalValue'].forEach((k) => put(k as keyof FormValues));
      if (kind === 'receipt' && v.acquiredOn) payload.acquiredOn = v.acquiredOn.format('YYYY-MM-DD');
      if (kind === 'assignment' || kind === 'transfer')
        ['usingDepartmentId', 'custodianPersonId', 'siteId', 'roomId', 'rack', 'rackUnit'].forEach((k) => put(k as keyof FormValues));
      if (kind === 'assignment' && asset.status === 'in_repair') payload.returnFromRepair = true;
      if (kind === 'repair') put('repairer');
      if (kind === 'retirement') put('method');
      return api.post<TAssetRequest>(`/api/assets/${assetId}/requests`, { kind, payload, reason: v.reason ?? '' });
    },
    onSuccess: async () => {
      fb.ok('申请已提交，等待审批');
      await qc.invalidateQueries({ queryKey: ['asset-requests'] });
      await qc.invalidateQueries({ queryKey: ['assets'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => fb.fail(e, form),
  });
  const deptSel = (
    <Form.Item name="usingDepartmentId" label={t('使用部门')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        loading={opts.isLoading}
        options={o?.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
    </Form.Item>
  );
  const location = (
    <>
      <Space.Compact block>
        <Form.Item name="siteId" label={t('地点')} style={{ width: '50%' }}>
          <Select
            allowClear
            options={o?.sites.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('roomId', undefined)}
          />
        </Form.Item>
        <Form.Item name="roomId" label={t('房间')} style={{ width: '50%' }}>
          <Select allowClear options={o?.rooms.filter((r) => !site || r.siteId === site).map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="rack" label={t('机柜')} style={{ width: '50%' }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="rackUnit" label={t('U 位')} style={{ width: '50%' }}>
          <Input maxLength={20} />
        </Form.Item>
      </Space.Compact>
    </>
  );
  return (
    <Modal
      open={open}
      title={t('提出资产变动申请')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交申请')}
      confirmLoading={m.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: asset.status === 'in_repair' ? 'assignment' : 'transfer', reason: '' }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item name="kind" label={t('变动类型')} rules={[{ required: true }]}>
          <Select options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(MOVEMENT_KIND_ZH[k]) }))} />
        </Form.Item>
        {kind === 'assignment' && asset.status === 'in_repair' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('资产维修中：本申请作为“修复返回”，生效后恢复在用。')} />
        )}
        {(kind === 'assignment' || kind === 'transfer') && (
          <>
            {deptSel}
            <Form.Item name="custodianPersonId" label={t('保管人')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={o?.people.filter((p) => !dept || p.departmentId === dept).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
            {location}
          </>
        )}
        {kind === 'receipt' && (
          <>
            {location}
            <Space.Compact block>
              <Form.Item name="assetCardNumber" label={t('固定资产卡片号')} style={{ width: '50%' }}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item
                name="originalValue"
                label={t('原值（元）')}
                style={{ width: '50%' }}
                rules={[{ pattern: MONEY, message: t('金额格式不正确') }]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="acquiredOn" label={t('取得日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {kind === 'repair' && (
          <Form.Item name="repairer" label={t('维修单位')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'retirement' && (
          <Form.Item name="method" label={t('处置方式')}>
            <Select allowClear options={['报废', '捐赠', '调剂', '更换'].map((x) => ({ value: x, label: t(x) }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('申请理由')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Alert
          type="warning"
          showIcon
          message={
            <span>
              {t('需审批')}：{levels.map((l) => t(LEVEL_ZH[l])).join('、')}
            </span>
          }
          description={t('各层级均同意后变动才生效；任一层级驳回即被驳回。')}
        />
      </Form>
    </Modal>
  );
}

/** The movements of one asset (its page). `asset` is what the level rule needs. */
export function AssetMovements({ assetId, asset }: { assetId: string; asset?: { status: string; usingDepartmentId: string | null } }) {
  const { t } = useI18n();
  const { can, me: user } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [rules, setRules] = useState(false);
  const q = useQuery({
    queryKey: ['asset-requests', 'asset', assetId],
    queryFn: ({ signal }) => api.get<TAssetRequestList>(`/api/assets/${assetId}/requests`, { pageSize: 50 }, signal),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.post(`/api/asset-requests/${id}/cancel`, {}),
    onSuccess: async () => {
      fb.ok('申请已撤回');
      await qc.invalidateQueries({ queryKey: ['asset-requests'] });
    },
    onError: (e) => fb.fail(e),
  });
  const items = q.data?.items ?? [];
  const pending = items.some((r) => r.status === 'pending');
  // Without the asset from the page, read the two fields the level rule needs.
  const head = useQuery({
    queryKey: ['asset-requests', 'asset-head', assetId],
    queryFn: ({ signal }) => api.get<{ status: string; usingDepartmentId: string | null }>(`/api/assets/${assetId}`, undefined, signal),
    enabled: !asset,
  });
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
