// 回访 (R-SD-07): the follow-up calls due after closure, recorded with reachability, satisfaction
// 1–5 and comments; and the follow-up rate and satisfaction per service line and per engineer.
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Form, Modal, Rate, Row, Segmented, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TFollowupItem } from '../../../common/desk-flow.ts';
import type { ServiceLineCode } from '../../../common/service-lines.ts';
import { call } from '../../api/client.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useFeedback } from '../../components/feedback.ts';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';
import { LineLabel } from './DeskPage.tsx';
import { useRefresh } from './flow/queries.ts';
import { FOLLOWUP_INITIAL, FollowupFields, followupBody, type FollowupValues } from './flow/FollowupFields.tsx';
import { deskFlowApi } from '../../../common/desk-flow.api.ts';
import { useCall } from '../../api/query.ts';

function FollowupModal({ item, onClose }: { item: TFollowupItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const fb = useFeedback();
  const refresh = useRefresh(item?.ticketId ?? '');
  const [form] = Form.useForm<FollowupValues>();
  const save = useMutation({
    mutationFn: (v: FollowupValues) => call(deskFlowApi.followup, { params: { id: item!.ticketId }, body: followupBody(v) }),
    onSuccess: async () => {
      fb.ok('回访已记录');
      onClose();
      await refresh();
    },
    onError: (e) => fb.fail(e, form),
  });
  return (
    <Modal
      open={!!item}
      title={t('回访')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      okText={t('保存')}
    >
      {item && (
        <Typography.Paragraph>
          <span className="yw-mono">{item.number}</span> {item.title}
          <br />
          {item.requesterName || t('报修人')}
          {item.requesterPhone && (
            <a href={`tel:${item.requesterPhone.replace(/[^\d+]/g, '')}`} style={{ marginInlineStart: 8 }}>
              <PhoneOutlined /> {item.requesterPhone}
            </a>
          )}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={FOLLOWUP_INITIAL} onFinish={(v) => save.mutate(v)}>
        <FollowupFields />
      </Form>
    </Modal>
  );
}

function Pending() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'pending' | 'done'>('pending');
  const [open, setOpen] = useState<TFollowupItem | null>(null);
  const [nowMs] = useState(() => Date.now());
  const columns: DTColumn<TFollowupItem>[] = [
    {
      title: t('编号'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <Link to={`/desk/${r.ticketId}`} className="yw-mono">
          {v}
        </Link>
      ),
    },
    {
      title: t('标题'),
      dataIndex: 'title',
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('服务项目'),
      dataIndex: 'serviceLine',
      render: (v: ServiceLineCode) => <LineLabel code={v} />,
    },
    {
      title: t('报修人'),
      dataIndex: 'requesterName',
      render: (v: string, r) => [v, r.requesterDepartment].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('电话'),
      dataIndex: 'requesterPhone',
      render: (v: string) => (v ? <a href={`tel:${v.replace(/[^\d+]/g, '')}`}>{v}</a> : '—'),
    },
    { title: t('关闭时间'), dataIndex: 'closedAt', render: (v: string | null) => fmtTime(v) },
    status === 'pending'
      ? {
          title: t('回访期限'),
          dataIndex: 'dueAt',
          render: (v: string) => (
            <span style={{ color: Date.parse(v) < nowMs ? '#cf1322' : undefined, whiteSpace: 'nowrap' }}>{fmtTime(v)}</span>
          ),
        }
      : {
          title: t('结果'),
          key: 'result',
          render: (_: unknown, r) =>
            r.reachable ? <Rate disabled value={r.satisfaction ?? 0} style={{ fontSize: 13 }} /> : <Tag>{t('未联系上')}</Tag>,
        },
    status === 'pending'
      ? {
          title: '',
          key: 'act',
          render: (_: unknown, r) => (
            <Button size="small" type="primary" icon={<PhoneOutlined />} onClick={() => setOpen(r)}>
              {t('回访')}
            </Button>
          ),
        }
      : { title: t('意见与建议'), dataIndex: 'comment', render: (v: string) => v || '—' },
  ];
  return (
    <>
      <DataTable
        queryKey="followups"
        source={deskFlowApi.followups}
        exportSource={deskFlowApi.followupsExport}
        rowKey="ticketId"
        columns={columns}
        params={{ status }}
        filters={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as 'pending' | 'done')}
            options={[
              { value: 'pending', label: t('待回访') },
              { value: 'done', label: t('已回访') },
            ]}
          />
        }
      />
      <FollowupModal item={open} onClose={() => setOpen(null)} />
    </>
  );
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function Stats() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useCall(deskFlowApi.followupStats, { query: { from, to } });
  const s = q.data;
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: (s?.byServiceLine ?? []).map((r) => lineShort(r.serviceLine, lang)) },
      yAxis: [
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: 0, max: 5, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('回访率'),
          type: 'bar',
          barMaxWidth: 32,
          data: (s?.byServiceLine ?? []).map((r) => ({
            value: Math.round(r.followupRate * 1000) / 10,
            itemStyle: { color: LINE_COLOR[r.serviceLine] },
          })),
        },
        {
          name: t('平均满意度'),
          type: 'line',
          yAxisIndex: 1,
          data: (s?.byServiceLine ?? []).map((r) => r.avgSatisfaction),
          itemStyle: { color: '#d48806' },
        },
      ],
    }),
    [s, lang, t],
  );
  return (
    <div>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        style={{ marginBottom: 16 }}
      />
      {s && s.total.closed === 0 ? (
        <Empty description={t('所选期间没有关闭的运维单')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('关闭运维单')} value={s?.total.closed ?? 0} loading={q.isPending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('已回访')} value={s?.total.followedUp ?? 0} loading={q.isPending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('回访率')} value={s ? pct(s.total.followupRate) : '—'} loading={q.isPending} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('平均满意度')}
                value={s?.total.avgSatisfaction ?? '—'}
                precision={s?.total.avgSatisfaction ? 2 : undefined}
                suffix={s?.total.avgSatisfaction ? '/ 5' : undefined}
                loading={q.isPending}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('按服务项目')}>
                <EChart option={option} height={260} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('按工程师')}>
                <Table
                  size="small"
                  rowKey="engineerId"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={s?.byEngineer ?? []}
                  columns={[
                    { title: t('工程师'), dataIndex: 'engineerName' },
                    { title: t('关闭'), dataIndex: 'closed' },
                    { title: t('已回访'), dataIndex: 'followedUp' },
                    { title: t('回访率'), dataIndex: 'followupRate', render: (v: number) => pct(v) },
                    {
                      title: t('平均满意度'),
                      dataIndex: 'avgSatisfaction',
                      render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

export function FollowupsPage() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeader title={t('回访')} subtitle={t('运维单关闭后 2 个工作日内回访报修人：是否联系上、满意度和意见')} />
      <Card>
        <Tabs
          items={[
            { key: 'list', label: t('回访任务'), children: <Pending /> },
            { key: 'stats', label: t('回访统计'), children: <Stats /> },
          ]}
        />
      </Card>
    </div>
  );
}
