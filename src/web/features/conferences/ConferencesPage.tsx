// 视频会议保障: the meeting calendar (a month at a glance) and list with each meeting's joint-test
// progress, and the endpoints of the five systems. Filters by state and system; a meeting opens its
// page, where the test is recorded.
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import {
  CONF_SYSTEMS,
  CONF_SYSTEM_NAMES,
  MEETING_STATES,
  MEETING_STATE_NAMES,
  type ConfSystem,
  type MeetingState as State,
  type TEndpoint,
  type TMeeting,
} from '../../../common/conferences.ts';
import { conferencesApi as api } from '../../../common/conferences.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MeetingState, TestProgress } from './meta.tsx';
import { NewMeeting } from './NewMeeting.tsx';

function MonthView({ open }: { open: (id: string) => void }) {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const from = month.startOf('month').subtract(7, 'day');
  const list = useCall(api.list, { query: { from: from.format(), to: from.add(45, 'day').format(), pageSize: 200 } });
  const byDay = new Map<string, TMeeting[]>();
  for (const m of list.data?.items ?? []) {
    const d = dayjs(m.startAt).format('YYYY-MM-DD');
    byDay.set(d, [...(byDay.get(d) ?? []), m]);
  }
  return (
    <Calendar
      value={month}
      onPanelChange={(d) => setMonth(d)}
      onSelect={(d, info) => info.source !== 'date' && setMonth(d)}
      cellRender={(d, info) =>
        info.type === 'date' ? (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((m) => (
              <Badge
                key={m.id}
                status={m.state === 'tested' || m.state === 'done' ? 'success' : m.state === 'cancelled' ? 'default' : 'processing'}
                text={
                  <a onClick={() => open(m.id)} style={{ fontSize: 12 }}>
                    {`${dayjs(m.startAt).format('HH:mm')} ${m.title}`}
                  </a>
                }
              />
            ))}
          </Space>
        ) : null
      }
    />
  );
}

function Endpoints() {
  const { t } = useI18n();
  const list = useCall(api.endpoints, {});
  return (
    <Table<TEndpoint>
      rowKey="id"
      size="small"
      loading={list.isFetching}
      dataSource={list.data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'n', title: t('会场'), render: (_, e) => e.name },
        {
          key: 's',
          title: t('接入系统'),
          render: (_, e) => e.systems.map((s) => <Tag key={s}>{t(CONF_SYSTEM_NAMES[s])}</Tag>),
        },
        { key: 'c', title: t('联系人'), responsive: ['md'], render: (_, e) => [e.contact, e.phone].filter(Boolean).join(' ') || '—' },
        { key: 'a', title: t('状态'), render: (_, e) => (e.active ? t('启用') : <Tag>{t('停用')}</Tag>) },
      ]}
    />
  );
}

export function ConferencesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [state, setState] = useState<State | undefined>((params.get('state') as State | null) ?? undefined);
  const [system, setSystem] = useState<ConfSystem | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  // A report's 保障会议 links here with its period and held=true (issue 15): shown in the banner.
  const [report, setReport] = useUrlFilters(['from', 'to', 'held'] as const);
  const list = useCall(api.list, {
    query: {
      page,
      pageSize: 20,
      ...(state ? { state } : {}),
      ...(system ? { system } : {}),
      ...report,
      held: report.held ? 'true' : undefined,
    },
  });
  const open = (id: string) => void nav(`/conferences/${id}`);
  const table = (
    <>
      <ReportFilter
        from={report.from && fmtTime(report.from)}
        to={report.to && fmtTime(new Date(Date.parse(report.to) - 1).toISOString())}
        detail={report.held ? t('已召开的会议（不含取消）') : undefined}
        onClear={() => (setReport({ from: undefined, to: undefined, held: undefined }), setPage(1))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('状态')}
          style={{ width: 130 }}
          value={state}
          onChange={(v) => (setState(v), setPage(1))}
          options={MEETING_STATES.map((s) => ({ value: s, label: t(MEETING_STATE_NAMES[s]) }))}
        />
        <Select
          allowClear
          placeholder={t('视频会议系统')}
          style={{ width: 220 }}
          value={system}
          onChange={(v) => (setSystem(v), setPage(1))}
          options={CONF_SYSTEMS.map((s) => ({ value: s, label: t(CONF_SYSTEM_NAMES[s]) }))}
        />
      </Space>
      <Table<TMeeting>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(m) => ({ onClick: () => open(m.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'n', title: t('编号'), responsive: ['md'], render: (_, m) => <span className="yw-mono">{m.number}</span> },
          { key: 't', title: t('会议'), render: (_, m) => m.title },
          { key: 'sys', title: t('系统'), responsive: ['lg'], render: (_, m) => t(CONF_SYSTEM_NAMES[m.system]) },
          { key: 'at', title: t('开始时间'), render: (_, m) => fmtTime(m.startAt) },
          { key: 'test', title: t('会前联调'), responsive: ['md'], render: (_, m) => <TestProgress m={m} /> },
          { key: 'p', title: t('会中问题'), responsive: ['md'], render: (_, m) => m.problems.length || '—' },
          { key: 's', title: t('状态'), render: (_, m) => <MeetingState m={m} /> },
        ]}
      />
    </>
  );
  return (
    <div>
      <PageHeader
        title={t('视频会议保障')}
        subtitle={t('每次会议前与各区县会场联调音频、视频、双流（加密会议含加密），并检查会议室显示、音响与投影设备')}
        extra={
          can('conferences.schedule') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('登记会议')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'list', label: t('会议列表'), children: table },
            { key: 'month', label: t('会议日历'), children: <MonthView open={open} /> },
            { key: 'endpoints', label: t('会场'), children: <Endpoints /> },
          ]}
        />
      </Card>
      <NewMeeting open={adding} onClose={() => setAdding(false)} onDone={(m) => open(m.id)} />
    </div>
  );
}
