// One spare part: its stock per location, the moves that changed it, and the forms to receive,
// issue (for a ticket, picked by number), return, reserve, release and adjust.
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ServiceLineCode } from '../../../common/service-lines.ts';
import {
  SPARE_MOVE_NAMES,
  type SpareMoveKind,
  type TSparePart,
  type TSparePartInput,
  type TSpareMove,
  type TSpareMoveResult,
} from '../../../common/spares.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { LineLabel } from '../desk/DeskPage.tsx';
import { SparePartFields, StockCell } from './SparesPage.tsx';
import { deskApi } from '../../../common/desk.api.ts';
import { sparesApi } from '../../../common/spares.api.ts';
import { useCall } from '../../api/query.ts';

const MOVE_COLOR: Record<SpareMoveKind, string> = {
  receipt: 'green',
  issue: 'volcano',
  return: 'cyan',
  reserve: 'gold',
  release: 'default',
  adjust: 'purple',
};
const SIGN: Record<SpareMoveKind, string> = { receipt: '+', issue: '−', return: '+', reserve: '', release: '', adjust: '' };

/** Picks a ticket by number or title through the queue API (only tickets the user may see). */
function TicketPicker({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const r = useCall(deskApi.listTickets, { query: { q: q || undefined, pageSize: 10 } }, { placeholderData: keepPreviousData });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('输入运维单编号或标题')}
      loading={r.isFetching}
      notFoundContent={t('没有匹配的运维单')}
      options={(r.data?.items ?? []).map((x) => ({
        value: x.id,
        label: (
          <span>
            <span className="yw-mono">{x.number}</span> {x.title}
          </span>
        ),
      }))}
    />
  );
}

type MoveForm = { location: string; qty: number; ticketId?: string; note?: string };

function MoveModal({ part, kind, onClose }: { part: TSparePart; kind: SpareMoveKind | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const name = kind ? pick(lang, SPARE_MOVE_NAMES[kind]) : '';
  const locations = part.locations.map((l) => l.location);
  const needsTicket = kind === 'issue';
  const mayTicket = kind === 'issue' || kind === 'return' || kind === 'reserve' || kind === 'release';
  return (
    <FormModal<MoveForm, TSpareMoveResult>
      open={!!kind}
      title={`${name} · ${part.name}`}
      onClose={onClose}
      okText={name}
      successText={t('已记录')}
      initialValues={{ location: locations[0], qty: 1 }}
      invalidate={['spare', 'spares', 'spare-moves']}
      submit={(v) =>
        call(sparesApi.move, { params: { id: part.id }, body: { kind: kind!, ...v, ticketId: v.ticketId ?? null, note: v.note ?? '' } })
      }
    >
      <Form.Item
        name="location"
        label={t('存放位置')}
        rules={[{ required: true }]}
        extra={kind === 'receipt' ? t('可选择已有位置或输入新位置') : undefined}
      >
        {kind === 'receipt' || kind === 'return' || kind === 'adjust' ? (
          <AutoComplete options={locations.map((l) => ({ value: l }))} maxLength={80} />
        ) : (
          <Select
            options={part.locations.map((l) => ({
              value: l.location,
              label: `${l.location}（${t('可用')} ${l.available}${kind === 'release' ? ` · ${t('已预留')} ${l.reserved}` : ''}）`,
            }))}
          />
        )}
      </Form.Item>
      <Form.Item name="qty" label={kind === 'adjust' ? t('调整数量（正数增加，负数减少）') : t('数量')} rules={[{ required: true }]}>
        <InputNumber precision={0} min={kind === 'adjust' ? undefined : 1} style={{ width: 160 }} addonAfter={part.unit} />
      </Form.Item>
      {mayTicket && (
        <Form.Item name="ticketId" label={t('运维单')} rules={needsTicket ? [{ required: true, message: t('领用须关联运维单') }] : []}>
          <TicketPicker />
        </Form.Item>
      )}
      <Form.Item name="note" label={kind === 'adjust' ? t('调整原因') : t('说明')} rules={kind === 'adjust' ? [{ required: true }] : []}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function SparePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [kind, setKind] = useState<SpareMoveKind | null>(null);
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState(1);
  const q = useCall(sparesApi.get, { params: { id } }, { queryKey: ['spare', id] });
  const moves = useCall(
    sparesApi.moves,
    { params: { id }, query: { page, pageSize: 20 } },
    { queryKey: ['spare-moves', id, page], placeholderData: keepPreviousData },
  );
  if (q.isError) return <Alert type="error" showIcon title={problemMessage(q.error, lang)} />;
  if (!q.data) return <Skeleton active />;
  const p = q.data;
  const write = can('spare.write');
  const kinds: SpareMoveKind[] = ['issue', 'return', 'reserve', 'receipt', 'release', 'adjust'];

  return (
    <div>
      <PageHeader
        title={`${p.name}`}
        subtitle={
          <Space wrap size={4}>
            <span className="yw-mono">{p.partNumber}</span>
            {p.belowMin && <Tag color="red">{t('低于最低库存')}</Tag>}
          </Space>
        }
        extra={
          write && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('编辑')}
            </Button>
          )
        }
      />
      {p.belowMin && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('可用 {a} {u}，低于最低库存 {m} {u}，请及时补充或发起采购咨询', { a: p.available, m: p.minLevel, u: p.unit })}
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16, marginBottom: 16 }}>
        <Card title={t('库存')} extra={<StockCell p={p} />}>
          <Table
            size="small"
            rowKey="location"
            pagination={false}
            dataSource={p.locations}
            locale={{ emptyText: t('无库存') }}
            columns={[
              { title: t('存放位置'), dataIndex: 'location' },
              { title: t('在库'), dataIndex: 'onHand', align: 'right' },
              { title: t('已预留'), dataIndex: 'reserved', align: 'right' },
              { title: t('可用'), dataIndex: 'available', align: 'right', render: (v: number) => <strong>{v}</strong> },
            ]}
            summary={() =>
              p.locations.length > 1 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('合计')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {p.onHand}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {p.reserved}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <strong>{p.available}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
          {write && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 16 }}>
              {kinds.map((k) => (
                <Button
                  key={k}
                  type={k === 'issue' ? 'primary' : 'default'}
                  onClick={() => setKind(k)}
                  disabled={k !== 'receipt' && k !== 'adjust' && k !== 'return' && !p.locations.length}
                >
                  {pick(lang, SPARE_MOVE_NAMES[k])}
                </Button>
              ))}
            </div>
          )}
        </Card>
        <Card title={t('备件信息')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('厂商')}>{p.vendor || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('型号')}>{p.model || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('服务项目')}>
              {p.serviceLine ? <LineLabel code={p.serviceLine as ServiceLineCode} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('最低库存')}>
              {p.minLevel} {p.unit}
            </Descriptions.Item>
            <Descriptions.Item label={t('分类代码')}>{p.classCode || '—'}</Descriptions.Item>
            {p.notes && <Descriptions.Item label={t('备注')}>{p.notes}</Descriptions.Item>}
          </Descriptions>
        </Card>
      </div>
      <Card title={t('出入库记录')}>
        <Table<TSpareMove>
          size="small"
          rowKey="id"
          loading={moves.isFetching}
          dataSource={moves.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: moves.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('时间'), dataIndex: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(v)}</span> },
            {
              title: t('类型'),
              dataIndex: 'kind',
              render: (v: SpareMoveKind) => (
                <Tag color={MOVE_COLOR[v]} style={{ marginInlineEnd: 0 }}>
                  {pick(lang, SPARE_MOVE_NAMES[v])}
                </Tag>
              ),
            },
            {
              title: t('数量'),
              dataIndex: 'qty',
              align: 'right',
              render: (v: number, r) => (
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {SIGN[r.kind]}
                  {r.kind === 'adjust' && v > 0 ? '+' : ''}
                  {v}
                </span>
              ),
            },
            { title: t('存放位置'), dataIndex: 'location', responsive: ['md'] },
            {
              title: t('运维单'),
              dataIndex: 'ticketNumber',
              render: (v: string | null, r) =>
                r.ticketId ? (
                  v ? (
                    <Link to={`/desk/${r.ticketId}`} className="yw-mono">
                      {v}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('（无权查看）')}</Typography.Text>
                  )
                ) : (
                  '—'
                ),
            },
            { title: t('经办人'), dataIndex: 'actorName', responsive: ['md'] },
            { title: t('说明'), dataIndex: 'note', responsive: ['lg'] },
          ]}
        />
      </Card>
      <MoveModal part={p} kind={kind} onClose={() => setKind(null)} />
      <FormModal<TSparePartInput, TSparePart>
        open={editing}
        title={t('编辑备件')}
        onClose={() => setEditing(false)}
        initialValues={{ ...p, serviceLine: p.serviceLine as ServiceLineCode | null }}
        submit={(v) => call(sparesApi.update, { params: { id: p.id }, body: { ...v, serviceLine: v.serviceLine ?? null } })}
        invalidate={['spare', 'spares']}
      >
        <SparePartFields />
      </FormModal>
    </div>
  );
}
