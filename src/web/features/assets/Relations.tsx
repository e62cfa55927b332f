// A device's neighbours (issue 4 point 5): its relations — connected-to port to port, installed-in,
// depends-on — as a list, and the assets within two hops as a small topology picture (SVG: rings
// around the device; no chart library needed for a few dozen nodes).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  RELATION_KIND_ZH,
  RELATION_KINDS,
  type RelationKind,
  type TNeighbours,
  type TRelationInput,
  type TTopoNode,
} from '../../../common/asset-movements.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { useI18n } from '../../i18n/index.tsx';
import { statusName } from './meta.ts';
import { assetsApi } from '../../../common/assets.api.ts';
import { topologyApi } from '../../../common/asset-movements.api.ts';
import { useCall } from '../../api/query.ts';

const EDGE_COLOR: Record<RelationKind, string> = { connected_to: '#1677ff', installed_in: '#8c8c8c', depends_on: '#fa8c16' };
const STATUS_COLOR: Record<string, string> = {
  in_use: '#52c41a',
  in_stock: '#1677ff',
  spare: '#13c2c2',
  in_repair: '#faad14',
  retired: '#bfbfbf',
};

/** Asset search by number, name, model, serial or IP (GET /api/assets?q=). */
export function AssetSelect({
  value,
  onChange,
  exclude,
  placeholder,
}: {
  value?: string;
  onChange?: (v?: string) => void;
  exclude?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const r = useCall(assetsApi.list, { query: { q, pageSize: 20 } }, { enabled: q.length >= 1 });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={placeholder ?? t('输入资产编号、名称或 IP 搜索')}
      loading={r.isFetching}
      notFoundContent={q ? undefined : null}
      options={(r.data?.items ?? []).filter((a) => a.id !== exclude).map((a) => ({ value: a.id, label: `${a.number} ${a.name}` }))}
    />
  );
}

interface Placed extends TTopoNode {
  x: number;
  y: number;
}

function layout(n: TNeighbours, w: number, h: number): Placed[] {
  const cx = w / 2;
  const cy = h / 2;
  const rings = [0, Math.min(w, h) * 0.27, Math.min(w, h) * 0.45];
  const out: Placed[] = [];
  for (const d of [0, 1, 2]) {
    const ring = n.nodes.filter((x) => x.depth === d);
    ring.forEach((node, i) => {
      const a = (2 * Math.PI * i) / Math.max(ring.length, 1) - Math.PI / 2 + (d === 2 ? Math.PI / Math.max(ring.length, 2) : 0);
      out.push({
        ...node,
        x: d === 0 ? cx : cx + rings[d]! * Math.cos(a) * (w / Math.min(w, h)) * 0.9,
        y: d === 0 ? cy : cy + rings[d]! * Math.sin(a),
      });
    });
  }
  return out;
}

export function TopologyPicture({ data, height = 300 }: { data: TNeighbours; height?: number }) {
  const { t } = useI18n();
  const nav = useNavigate();
  const w = 640;
  const placed = useMemo(() => layout(data, w, height), [data, height]);
  const at = new Map(placed.map((p) => [p.id, p]));
  return (
    <div>
      <svg viewBox={`0 0 ${w} ${height}`} width="100%" style={{ maxHeight: height, display: 'block' }} role="img" aria-label={t('拓扑图')}>
        <defs>
          {RELATION_KINDS.map((k) => (
            <marker
              key={k}
              id={`arrow-${k}`}
              viewBox="0 0 10 10"
              refX="22"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" fill={EDGE_COLOR[k]} />
            </marker>
          ))}
        </defs>
        {data.edges.map((e) => {
          const a = at.get(e.fromId);
          const b = at.get(e.toId);
          if (!a || !b) return null;
          return (
            <g key={e.id}>
              <line
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke={EDGE_COLOR[e.kind]}
                strokeWidth={e.kind === 'connected_to' ? 2 : 1.5}
                strokeDasharray={e.kind === 'depends_on' ? '5 4' : e.kind === 'installed_in' ? '2 3' : undefined}
                markerEnd={e.kind === 'connected_to' ? undefined : `url(#arrow-${e.kind})`}
              >
                <title>{`${t(RELATION_KIND_ZH[e.kind])} ${e.fromPort} ${e.toPort}`.trim()}</title>
              </line>
            </g>
          );
        })}
        {placed.map((p) => (
          <g key={p.id} style={{ cursor: p.depth ? 'pointer' : 'default' }} onClick={() => p.depth && void nav(`/assets/${p.id}`)}>
            <circle
              cx={p.x}
              cy={p.y}
              r={p.depth === 0 ? 16 : 11}
              fill={STATUS_COLOR[p.status] ?? '#8c8c8c'}
              stroke="#fff"
              strokeWidth={2}
            />
            <text
              x={p.x}
              y={p.y + (p.depth === 0 ? 30 : 24)}
              textAnchor="middle"
              fontSize={p.depth === 0 ? 13 : 11}
              fontWeight={p.depth === 0 ? 600 : 400}
              fill="currentColor"
            >
              {p.name.length > 12 ? `${p.name.slice(0, 11)}…` : p.name}
            </text>
            <title>{`${p.number} ${p.name}（${statusName(p.status)}）`}</title>
          </g>
        ))}
      </svg>
      <Space size={12} wrap style={{ fontSize: 12, justifyContent: 'center', width: '100%' }}>
        {RELATION_KINDS.map((k) => (
          <span key={k}>
            <svg width="22" height="8" aria-hidden>
              <line
                x1="0"
                y1="4"
                x2="22"
                y2="4"
                stroke={EDGE_COLOR[k]}
                strokeWidth="2"
                strokeDasharray={k === 'depends_on' ? '5 4' : k === 'installed_in' ? '2 3' : undefined}
              />
            </svg>{' '}
            {t(RELATION_KIND_ZH[k])}
          </span>
        ))}
        {data.truncated && <Typography.Text type="secondary">{t('节点过多，仅显示部分')}</Typography.Text>}
      </Space>
    </div>
  );
}

/** The relations of one asset: list, picture, add and remove. */
export function AssetRelations({ assetId }: { assetId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TRelationInput>();
  const key = ['asset-relations', assetId];
  const q = useCall(topologyApi.neighbours, { params: { id: assetId } }, { queryKey: key });
  const refresh = () => qc.invalidateQueries({ queryKey: ['asset-relations'] });
  const add = useMutation({
    mutationFn: (v: TRelationInput) => call(topologyApi.addRelation, { params: { id: assetId }, body: v }),
    onSuccess: async () => {
      fb.ok('关系已建立');
      setOpen(false);
      form.resetFields();
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  const del = useMutation({
    mutationFn: (id: string) => call(topologyApi.removeRelation, { params: { id: assetId, relationId: id } }),
    onSuccess: async () => {
      fb.ok('关系已解除');
      await refresh();
    },
    onError: (e) => fb.fail(e),
  });
  const data = q.data;
  const byId = new Map((data?.nodes ?? []).map((n) => [n.id, n]));
  const direct = (data?.edges ?? []).filter((e) => e.fromId === assetId || e.toId === assetId);
  return (
    <Card
      size="small"
      title={t('关系与拓扑')}
      extra={
        can('asset.write') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('建立关系')}
          </Button>
        )
      }
    >
      {data && data.nodes.length > 1 ? <TopologyPicture data={data} /> : null}
      <List
        size="small"
        loading={q.isLoading}
        dataSource={direct}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无关系')} /> }}
        renderItem={(e) => {
          const outgoing = e.fromId === assetId;
          const other = byId.get(outgoing ? e.toId : e.fromId);
          // Ports read from this asset's side: local first.
          const [mine, theirs] = outgoing ? [e.fromPort, e.toPort] : [e.toPort, e.fromPort];
          const ports = mine || theirs ? `${mine || '—'} ↔ ${theirs || '—'}` : '';
          return (
            <List.Item
              key={e.id}
              actions={
                can('asset.write')
                  ? [
                      <Popconfirm key="d" title={t('解除此关系？')} onConfirm={() => del.mutate(e.id)}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('解除')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap size={6}>
                <Tag color={EDGE_COLOR[e.kind]}>
                  {outgoing || e.kind === 'connected_to'
                    ? t(RELATION_KIND_ZH[e.kind])
                    : t(e.kind === 'installed_in' ? '安装有' : '被依赖于')}
                </Tag>
                {other ? (
                  <Link to={`/assets/${other.id}`}>
                    {other.number} {other.name}
                  </Link>
                ) : (
                  '—'
                )}
                {other && <Typography.Text type="secondary">{t(statusName(other.status))}</Typography.Text>}
                {ports && <Typography.Text code>{ports}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
      <Modal
        open={open}
        title={t('建立关系')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'connected_to', fromPort: '', toPort: '', note: '' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="kind" label={t('关系')} rules={[{ required: true }]}>
            <Select options={RELATION_KINDS.map((k) => ({ value: k, label: t(RELATION_KIND_ZH[k]) }))} />
          </Form.Item>
          <Form.Item name="toId" label={t('对端资产')} rules={[{ required: true, message: t('请选择资产') }]}>
            <AssetSelect exclude={assetId} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="fromPort" label={t('本端端口')} style={{ width: '50%' }}>
              <Input maxLength={60} placeholder="GE1/0/1" />
            </Form.Item>
            <Form.Item name="toPort" label={t('对端端口')} style={{ width: '50%' }}>
              <Input maxLength={60} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="note" label={t('备注')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
