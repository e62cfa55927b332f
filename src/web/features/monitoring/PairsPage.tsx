// 探测对 (issue 12 point 3, "between named node pairs"): ICMP probes from a source (the monitoring node,
// a collector node by name, or a device's address) to a target, with their live state, refreshed every
// 15 s, and the latency and loss chart of the chosen pair over a chosen range. The line's engineers add and remove pairs.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TProbePair, TProbePairInput } from '../../../common/monitoring-pairs.ts';
import type { TMetrics } from '../../../common/monitoring.ts';
import { call } from '../../api/client.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ICMP_TEXT } from './labels.tsx';
import { useChartRange } from './ranges.tsx';

function StateTag({ p }: { p: TProbePair }) {
  const { t } = useI18n();
  if (p.icmpState === null) return <Tag>{t('等待探测')}</Tag>;
  if (p.reachable) return <Tag color="success">{t('可达')}</Tag>;
  const tag = <Tag color={p.icmpState === 'unreachable' ? 'error' : 'warning'}>{t(ICMP_TEXT[p.icmpState] ?? p.icmpState)}</Tag>;
  return p.icmpError ? <span title={p.icmpError}>{tag}</span> : tag;
}

function chart(m: TMetrics | undefined, from: string, to: string, names: [string, string]): EChartOption {
  const pts = m?.points ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 32, bottom: 28 },
    xAxis: { type: 'time', min: from, max: to },
    yAxis: [
      { type: 'value', name: 'ms' },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: names[0], type: 'line', showSymbol: pts.length < 60, data: pts.map((p) => [p.at, p.latencyMs ?? null]) },
      { name: names[1], type: 'line', yAxisIndex: 1, showSymbol: pts.length < 60, data: pts.map((p) => [p.at, p.lossPct ?? null]) },
    ],
  };
}

function PairChart({ p }: { p: TProbePair }) {
  const { t } = useI18n();
  // The device page's ranges (ranges.tsx): the server reads raw samples, 5-minute or hourly rollups by the span.
  const { span, rangeSwitch } = useChartRange();
  const m = useCall(api.pairMetrics, { params: { id: p.id }, query: span }, { refetchInterval: 60_000 });
  return (
    <Card
      size="small"
      title={`${p.name}：${t('时延与丢包')}`}
      extra={
        <Space wrap>
          <Link to={`/monitoring/thresholds?pairId=${p.id}`}>{t('告警阈值')}</Link>
          {rangeSwitch}
        </Space>
      }
      style={{ marginTop: 16 }}
      data-testid="pair-chart"
    >
      <EChart option={chart(m.data, span.from, span.to, [t('时延'), t('丢包率')])} height={220} />
    </Card>
  );
}

type Form = TProbePairInput;

function PairFields() {
  const { t } = useI18n();
  const source = Form.useWatch<Form['source']>('source');
  const nodes = useCall(api.nodes, {});
  const devices = useCall(api.list, { query: { page: 1, pageSize: 200 } }, { enabled: source === 'device' });
  return (
    <>
      <Form.Item name="name" label={t('名称')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="source" label={t('源')}>
        <Select
          options={[
            { value: 'monitor', label: t('监控节点') },
            { value: 'node', label: t('指定采集节点') },
            { value: 'device', label: t('设备地址') },
          ]}
        />
      </Form.Item>
      {source === 'node' && (
        <Form.Item
          name="sourceNode"
          label={t('采集节点名称')}
          rules={[{ required: true }]}
          extra={t('采集节点的主机名；只有该节点执行此探测')}
        >
          <Select
            showSearch
            options={[...new Set((nodes.data?.items ?? []).map((n) => n.name))].map((n) => ({ value: n, label: n }))}
            notFoundContent={t('暂无在线的采集节点')}
          />
        </Form.Item>
      )}
      {source === 'device' && (
        <Form.Item
          name="sourceDeviceId"
          label={t('作为源的设备')}
          rules={[{ required: true }]}
          extra={t('以设备地址为源地址发送（须为本监控节点上的地址）')}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(devices.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.address}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="target" label={t('目标地址')} rules={[{ required: true }]}>
        <Input className="yw-mono" maxLength={253} />
      </Form.Item>
      <Form.Item name="intervalSec" label={t('探测间隔（秒）')}>
        <InputNumber min={10} max={86_400} style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

export function PairsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const fb = useFeedback();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const focus = params.get('focus');
  const chosen = useCall(api.pair, { params: { id: focus ?? '' } }, { enabled: !!focus });
  const del = useMutation({
    mutationFn: (id: string) => call(api.deletePair, { params: { id } }),
    onSuccess: async () => {
      fb.ok('已删除');
      await qc.invalidateQueries({ queryKey: ['monitoring-pairs'] });
    },
    onError: (e) => fb.fail(e),
  });
  const columns: DTColumn<TProbePair>[] = [
    {
      title: t('名称'),
      dataIndex: 'name',
      fixed: 'left',
      render: (v: string, r) => (
        <a onClick={() => setParams({ focus: r.id })} data-testid="pair-name">
          {v}
        </a>
      ),
    },
    { title: t('源'), dataIndex: 'sourceLabel', responsive: ['md'], render: (v: string) => t(v) },
    { title: t('目标地址'), dataIndex: 'target', render: (v: string) => <span className="yw-mono">{v}</span> },
    { title: t('状态'), dataIndex: 'icmpState', render: (_: unknown, r) => <StateTag p={r} /> },
    { title: t('时延'), dataIndex: 'latencyMs', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v} ms`) },
    {
      title: t('丢包率'),
      dataIndex: 'lossPct',
      align: 'right',
      responsive: ['md'],
      render: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    { title: t('告警'), dataIndex: 'openAlerts', align: 'right', render: (v: number) => (v ? <Badge count={v} /> : '0') },
    {
      title: t('最近探测'),
      dataIndex: 'probedAt',
      responsive: ['lg'],
      render: (v: string | null, r) => `${fmtTime(v)}${r.probedBy ? ` · ${r.probedBy}` : ''}`,
    },
    ...(can('monitoring.write')
      ? [
          {
            title: '',
            dataIndex: 'id',
            render: (id: string) => (
              <Popconfirm title={t('删除此探测对？')} onConfirm={() => del.mutate(id)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('删除')} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      <PageHeader
        title={t('探测对')}
        subtitle={t('从监控节点、指定采集节点或设备地址到目标地址的 ICMP 时延与丢包；超过阈值自动告警并登记运维单')}
      />
      <Card>
        <DataTable
          queryKey="monitoring-pairs"
          source={api.pairs}
          rowKey="id"
          columns={columns}
          refreshMs={15_000}
          searchPlaceholder={t('名称、目标或节点')}
          actions={
            can('monitoring.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('新建探测对')}
              </Button>
            )
          }
        />
      </Card>
      {chosen.data && <PairChart key={chosen.data.id} p={chosen.data} />}
      <FormModal<Form, TProbePair>
        open={creating}
        title={t('新建探测对')}
        onClose={() => setCreating(false)}
        initialValues={{ source: 'monitor', intervalSec: 60 }}
        submit={(v) => call(api.createPair, { body: v })}
        invalidate={['monitoring-pairs']}
        onDone={(r) => setParams({ focus: r.id })}
      >
        <PairFields />
      </FormModal>
    </div>
  );
}
