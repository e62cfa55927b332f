// One procurement: the needs, the vendor quotes compared side by side (cheapest and best fit marked,
// the combined recommendation, a bar chart of totals), and the actions each role may take: add a
// quote and request the purchase (PM), approve or reject (agency), receive into assets.
import { CheckCircleFilled, PlusOutlined, StarFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Rate,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { RECOMMENDED_QUOTES, type TProcurement, type TQuote } from '../../../common/procure.ts';
import { call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { EChart } from '../../components/EChart.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { fmtDate, fmtMoney, fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { problemMessage } from '../../i18n/problems.ts';
import { StatusTag } from './ProcurementsPage.tsx';
import { procureApi } from '../../../common/procure.api.ts';
import { useCall } from '../../api/query.ts';

type QuoteForm = { vendor: string; model?: string; unitPrice: number; fitScore: number; functionNotes?: string; validUntil?: Dayjs };
type ReceiveForm = { classCode?: string; assets: { serial: string; mgmtIp?: string; name?: string }[] };

export function ProcurementPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [modal, setModal] = useState<'quote' | 'request' | 'decide' | 'receive' | null>(null);
  const q = useCall(procureApi.get, { params: { id } }, { queryKey: ['procurement', id] });
  if (q.isError) return <Alert type="error" showIcon title={problemMessage(q.error, lang)} />;
  if (!q.data) return <Skeleton active />;
  const p = q.data;
  const close = () => setModal(null);
  const inv = ['procurement', 'procurements'];

  const actions = (
    <Space wrap>
      {can('procure.write') && p.status === 'inquiry' && (
        <Button icon={<PlusOutlined />} onClick={() => setModal('quote')}>
          {t('添加报价')}
        </Button>
      )}
      {can('procure.write') && (p.status === 'inquiry' || p.status === 'rejected') && p.quotes.length > 0 && (
        <Button type="primary" onClick={() => setModal('request')}>
          {t('提出采购申请')}
        </Button>
      )}
      {can('procure.approve') && p.status === 'requested' && (
        <Button type="primary" onClick={() => setModal('decide')}>
          {t('审批')}
        </Button>
      )}
      {(can('asset.write') || can('procure.write')) && p.status === 'approved' && (
        <Button type="primary" onClick={() => setModal('receive')}>
          {t('到货入库')}
        </Button>
      )}
    </Space>
  );

  const columns = [
    {
      title: t('厂商 / 型号'),
      key: 'vendor',
      render: (_: unknown, r: TQuote) => (
        <div style={{ minWidth: 140 }}>
          <Space size={4} wrap>
            <strong>{r.vendor}</strong>
            {r.recommended && (
              <Tag color="blue" icon={<StarFilled />}>
                {t('推荐')}
              </Tag>
            )}
            {r.id === p.chosenQuoteId && (
              <Tag color="green" icon={<CheckCircleFilled />}>
                {t('已选')}
              </Tag>
            )}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.model}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('单价'),
      dataIndex: 'unitPrice',
      align: 'right' as const,
      responsive: ['md' as const],
      render: (v: number, r: TQuote) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {fmtMoney(v)} {r.cheapest && <Tag color="green">{t('最低价')}</Tag>}
        </span>
      ),
    },
    {
      title: t('总价'),
      dataIndex: 'total',
      align: 'right' as const,
      render: (v: number) => <strong style={{ whiteSpace: 'nowrap' }}>{fmtMoney(v)}</strong>,
    },
    { title: t('价格排名'), dataIndex: 'priceRank', align: 'center' as const, responsive: ['md' as const] },
    {
      title: t('功能评分'),
      dataIndex: 'fitScore',
      render: (v: number | null, r: TQuote) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Rate disabled value={v ?? 0} style={{ fontSize: 12 }} /> {r.bestFit && <Tag color="purple">{t('功能最佳')}</Tag>}
        </span>
      ),
    },
    { title: t('综合得分'), dataIndex: 'score', align: 'right' as const, render: (v: number) => <strong>{v}</strong> },
    {
      title: t('有效期至'),
      dataIndex: 'validUntil',
      responsive: ['md' as const],
      render: (v: string | null, r: TQuote) =>
        v ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {fmtDate(v)} {r.expired && <Tag color="red">{t('已过期')}</Tag>}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('功能说明'),
      dataIndex: 'functionNotes',
      responsive: ['lg' as const],
      render: (v: string) => <div style={{ maxWidth: 320 }}>{v}</div>,
    },
  ];

  const chart = p.quotes.length > 1 && (
    <EChart
      height={Math.max(160, p.quotes.length * 44)}
      option={{
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          axisLabel: { formatter: (v: number) => (v >= 10000 ? `${v / 10000}${lang === 'en-US' ? '×10k' : '万'}` : String(v)) },
        },
        yAxis: { type: 'category', data: p.quotes.map((x) => x.vendor), inverse: true },
        tooltip: { trigger: 'axis' },
        series: [
          {
            type: 'bar',
            name: t('总价'),
            data: p.quotes.map((x) => ({
              value: x.total,
              itemStyle: { color: x.recommended ? '#1677ff' : x.cheapest ? '#52c41a' : '#bfbfbf' },
            })),
            label: { show: true, position: 'right', formatter: (d: { value: number }) => fmtMoney(d.value) },
          },
        ],
      }}
    />
  );

  return (
    <div>
      <PageHeader title={p.title} subtitle={<StatusTag s={p.status} />} extra={actions} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16, marginBottom: 16 }}>
        <Card title={t('需求')}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('数量')}>{p.quantity}</Descriptions.Item>
            <Descriptions.Item label={t('资产分类代码')}>{p.classCode || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('需求（功能、规格）')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.needs || '—'}</span>
            </Descriptions.Item>
            {p.requestedByName && <Descriptions.Item label={t('申请人')}>{p.requestedByName}</Descriptions.Item>}
            {p.decidedByName && (
              <Descriptions.Item label={t('审批')}>
                {p.decidedByName} · {fmtTime(p.decidedAt)} {p.decisionComment && `· ${p.decisionComment}`}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        {chart && <Card title={t('总价比较')}>{chart}</Card>}
      </div>
      <Card title={t('报价比较')} style={{ marginBottom: 16 }}>
        {p.quotes.length < RECOMMENDED_QUOTES && p.status === 'inquiry' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('建议至少收集 {n} 家报价再比较（目前 {m} 家）', { n: RECOMMENDED_QUOTES, m: p.quotes.length })}
          />
        )}
        <Table<TQuote>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.quotes}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('尚无报价') }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('综合得分 = 50 × 最低单价 ÷ 本报价单价 + 50 × 功能评分 ÷ 5；已过期的报价不参与推荐。')}
        </Typography.Paragraph>
      </Card>
      {p.assets.length > 0 && (
        <Card title={t('已入库资产')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.assets}
            columns={[
              { title: t('资产编号'), dataIndex: 'number', render: (v: string) => <span className="yw-mono">{v}</span> },
              { title: t('名称'), dataIndex: 'name' },
              { title: t('序列号'), dataIndex: 'serial', render: (v: string) => <span className="yw-mono">{v}</span> },
            ]}
          />
        </Card>
      )}

      <FormModal<QuoteForm, TProcurement>
        open={modal === 'quote'}
        title={t('添加报价')}
        onClose={close}
        initialValues={{ fitScore: 3 }}
        invalidate={inv}
        submit={(v) =>
          call(procureApi.addQuote, {
            params: { id: p.id },
            body: {
              ...v,
              model: v.model ?? '',
              functionNotes: v.functionNotes ?? '',
              validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
            },
          })
        }
      >
        <Form.Item name="vendor" label={t('厂商')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="model" label={t('型号')}>
          <Input maxLength={120} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="unitPrice" label={t('单价（元）')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="fitScore" label={t('功能评分')} rules={[{ required: true }]}>
            <Rate />
          </Form.Item>
          <Form.Item name="validUntil" label={t('有效期至')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="functionNotes" label={t('功能说明')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </FormModal>

      <FormModal<{ quoteId: string }, TProcurement>
        open={modal === 'request'}
        title={t('提出采购申请')}
        okText={t('提交甲方审批')}
        onClose={close}
        initialValues={{ quoteId: p.recommendedQuoteId ?? p.quotes[0]?.id }}
        invalidate={inv}
        successText={t('已提交甲方审批')}
        submit={(v) => call(procureApi.request, { params: { id: p.id }, body: v })}
      >
        <Form.Item name="quoteId" label={t('选定报价')} rules={[{ required: true }]}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {p.quotes.map((x) => (
              <Radio key={x.id} value={x.id} disabled={x.expired}>
                {x.vendor} {x.model} · {fmtMoney(x.total)} · {t('综合得分')} {x.score} {x.recommended ? `（${t('推荐')}）` : ''}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </FormModal>

      <FormModal<{ decision: 'approve' | 'reject'; comment?: string }, TProcurement>
        open={modal === 'decide'}
        title={t('审批采购申请')}
        okText={t('提交')}
        onClose={close}
        initialValues={{ decision: 'approve' }}
        invalidate={inv}
        successText={t('已审批')}
        submit={(v) => call(procureApi.decide, { params: { id: p.id }, body: { ...v, comment: v.comment ?? '' } })}
      >
        <Form.Item name="decision" label={t('审批意见')}>
          <Radio.Group
            options={[
              { value: 'approve', label: t('批准') },
              { value: 'reject', label: t('驳回') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('说明（驳回时必填）')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>

      <FormModal<ReceiveForm, TProcurement>
        open={modal === 'receive'}
        title={t('到货入库：逐台登记资产')}
        okText={t('入库')}
        width={680}
        onClose={close}
        initialValues={{ classCode: p.classCode ?? '', assets: Array.from({ length: p.quantity }, () => ({ serial: '' })) }}
        invalidate={inv}
        successText={t('已入库')}
        submit={(v) => call(procureApi.receive, { params: { id: p.id }, body: { ...v, classCode: v.classCode || undefined } })}
      >
        <Form.Item name="classCode" label={t('资产分类代码')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.List name="assets">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'serial']} label={i === 0 ? t('序列号') : undefined} rules={[{ required: true }]}>
                  <Input placeholder={`#${i + 1}`} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'mgmtIp']} label={i === 0 ? t('管理 IP') : undefined}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? t('名称（默认为采购事项）') : undefined}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </FormModal>
    </div>
  );
}
