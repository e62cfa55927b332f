// 巡检单: the sheets by day, line and state (mine, overdue), each with its progress and anomalies.
import { DatePicker, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { SCHEDULE_NAMES, type TSheet } from '../../../common/inspections.ts';
import { inspectionsApi as api } from '../../../common/inspections.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { useCall } from '../../api/query.ts';
import { fmtTime } from '../../components/format.ts';
import { LineTag, useLineLabel } from '../../components/LineTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SheetStateTag } from './meta.tsx';

type StateFilter = 'open' | 'submitted' | 'overdue';
const OUTCOME: Record<string, string> = { on_time: '按时完成', late: '逾期完成', missing: '未完成' };

export function SheetsPage() {
  const { t } = useI18n();
  const nav = useNavigate();
  const lineLabel = useLineLabel();
  const [params, setParams] = useSearchParams();
  const [date, setDate] = useState<string | undefined>();
  const [line, setLine] = useState<(typeof SERVICE_LINE_CODES)[number] | undefined>(
    (params.get('line') as (typeof SERVICE_LINE_CODES)[number] | null) ?? undefined,
  );
  // A report's numbers link here with the schedule, the days the sheets fell due and how they went (issue 15).
  const [report, setReport] = useState(() =>
    Object.fromEntries(['schedule', 'dueFrom', 'dueTo', 'outcome'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))),
  );
  const [state, setState] = useState<StateFilter | undefined>((params.get('state') as StateFilter | null) ?? undefined);
  const [mine, setMine] = useState(params.get('mine') === '1');
  const [page, setPage] = useState(1);
  const query = {
    page,
    pageSize: 20,
    ...(date ? { date } : {}),
    ...(line ? { line } : {}),
    ...(state ? { state } : {}),
    ...(mine ? { mine } : {}),
    ...report,
  };
  const showTotal = (n: number) => t('共 {n} 条', { n });
  const list = useCall(api.sheets, { query });
  const done = (s: TSheet) => s.items.filter((i) => i.value !== null || i.output !== '').length;
  return (
    <div>
      <PageHeader title={t('巡检单')} subtitle={t('按业务日历生成：日监控单每工作日，周巡检单每周，逾期提醒项目经理')} />
      <ReportFilter
        from={report.dueFrom}
        to={report.dueTo}
        detail={report.outcome ? t(OUTCOME[report.outcome] ?? report.outcome) : undefined}
        onClear={() => (setReport({}), setPage(1), setParams({}, { replace: true }))}
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            placeholder={t('巡检日期')}
            value={date ? dayjs(date) : null}
            onChange={(d) => (setDate(d ? d.format('YYYY-MM-DD') : undefined), setPage(1))}
          />
          <Select
            allowClear
            placeholder={t('服务线')}
            style={{ width: 160 }}
            value={line}
            onChange={(v) => (setLine(v), setPage(1))}
            options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineLabel(c) }))}
          />
          <Select
            allowClear
            placeholder={t('状态')}
            style={{ width: 120 }}
            value={state}
            onChange={(v) => (setState(v), setPage(1))}
            options={[
              { value: 'open', label: t('待填写') },
              { value: 'overdue', label: t('已逾期') },
              { value: 'submitted', label: t('已提交') },
            ]}
          />
          <Space>
            <Switch checked={mine} onChange={(v) => (setMine(v), setPage(1))} />
            {t('只看我的')}
          </Space>
        </Space>
        <Table<TSheet>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => void nav(`/inspections/sheets/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('编号'), responsive: ['md'], render: (_, r) => <span className="yw-mono">{r.number}</span> },
            {
              key: 'name',
              title: t('巡检单'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.templateName}</span>
                  <Typography.Text type="secondary">
                    {r.periodStart === r.periodEnd ? r.periodStart : `${r.periodStart} ~ ${r.periodEnd}`} · {t(SCHEDULE_NAMES[r.schedule])}
                  </Typography.Text>
                </Space>
              ),
            },
            { key: 'line', title: t('服务线'), responsive: ['md'], render: (_, r) => <LineTag code={r.serviceLine} /> },
            { key: 'who', title: t('执行人'), render: (_, r) => r.assigneeName },
            { key: 'due', title: t('截止'), responsive: ['md'], render: (_, r) => fmtTime(r.dueAt) },
            {
              key: 'p',
              title: t('进度'),
              render: (_, r) => (
                <Space size={4}>
                  <span>
                    {done(r)}/{r.items.length}
                  </span>
                  {r.anomalies > 0 && <Tag color="red">{t('{n} 项异常', { n: r.anomalies })}</Tag>}
                </Space>
              ),
            },
            { key: 's', title: t('状态'), render: (_, r) => <SheetStateTag s={r} /> },
          ]}
        />
      </Card>
    </div>
  );
}
