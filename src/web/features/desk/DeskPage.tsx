// 运维单: the queue of tickets, newest call first, with the most urgent open SLA counting down live.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Grid, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TTicket } from '../../../common/desk.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { useAuth } from '../../app/auth.tsx';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReportFilter } from '../../components/ReportFilter.tsx';
import { SavedViews } from '../../components/SavedViews.tsx';
import { pick, useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';
import { SlaCountdown, mostUrgent } from './clock.tsx';
import { CATEGORY, SEVERITY, STATUS } from './meta.ts';
import { deskApi } from '../../../common/desk.api.ts';

type Filters = {
  serviceLine?: string;
  status?: string;
  severity?: string;
  category?: string;
  sla?: string;
  open?: boolean;
  assignee?: string;
  mine?: boolean;
} & Partial<Record<(typeof REPORT_KEYS)[number], string>>;

// What a number in a report links with (issue 15): its days, merged duplicates left out, an SLA clock.
const REPORT_KEYS = ['from', 'to', 'merged', 'clock', 'clockState', 'dueFrom', 'dueTo'] as const;
const URL_KEYS = ['serviceLine', 'status', 'severity', 'category', 'sla', ...REPORT_KEYS] as const;
const CLOCK_STATE: Record<string, string> = { met: '按时达成', met_late: '超时达成', breached: '未达成' };
const TARGET: Record<string, string> = { callback: '响应回电', onsite: '到场', resolve: '解决', report: '报告' };

export function LineLabel({ code }: { code: ServiceLineCode }) {
  const { lang } = useI18n();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: LINE_COLOR[code], marginInlineEnd: 6 }} />
      {lineShort(code, lang)}
    </span>
  );
}

function SlaCell({ r }: { r: TTicket }) {
  const { t } = useI18n();
  const s = mostUrgent(r.slas);
  if (s) return <SlaCountdown sla={s} />;
  return r.slas.length ? (
    <Typography.Text type="success">{t('全部达成')}</Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

export function DeskPage() {
  const phone = Grid.useBreakpoint().md === false;
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [f, setF] = useState<Filters>(() => Object.fromEntries(URL_KEYS.flatMap((k) => (search.get(k) ? [[k, search.get(k)]] : []))));
  const clearReport = () => {
    setF((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !(REPORT_KEYS as readonly string[]).includes(k))));
    setSearch({}, { replace: true });
  };
  const set = (k: keyof Filters) => (v: string | undefined) => setF((p) => ({ ...p, [k]: v }));
  const who = f.assignee === 'me' ? 'assigned' : f.mine ? 'mine' : 'all';
  const setWho = (w: string) =>
    setF((p) => ({ ...p, assignee: w === 'assigned' ? 'me' : undefined, mine: w === 'mine' ? true : undefined }));

  const columns: DTColumn<TTicket>[] = [
    {
      title: t('编号'),
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/desk/${r.id}`} className="yw-mono" style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Link>
      ),
    },
    {
      title: t('服务项目'),
      responsive: ['md'],
      dataIndex: 'serviceLine',
      render: (v: ServiceLineCode) => <LineLabel code={v} />,
    },
    {
      title: t('类别'),
      responsive: ['md'],
      dataIndex: 'category',
      render: (v: TTicket['category']) => pick(lang, CATEGORY[v]),
    },
    {
      title: t('级别'),
      dataIndex: 'severity',
      render: (v: TTicket['severity']) => (
        <Tag color={SEVERITY[v].color} style={{ marginInlineEnd: 0 }}>
          {pick(lang, SEVERITY[v])}
        </Tag>
      ),
    },
    {
      title: t('标题'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div style={{ maxWidth: phone ? 190 : 360, minWidth: phone ? 150 : 180 }}>
          <Typography.Text ellipsis={{ tooltip: v }} style={{ display: 'block' }}>
            <Link to={`/desk/${r.id}`} style={{ color: 'inherit' }}>
              {v}
            </Link>
          </Typography.Text>
          {phone ? (
            <SlaCell r={r} />
          ) : (
            (r.requesterName || r.requesterDepartment) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {[r.requesterName, r.requesterDepartment].filter(Boolean).join(' · ')}
              </Typography.Text>
            )
          )}
        </div>
      ),
    },
    {
      title: t('来电时间'),
      responsive: ['md'],
      dataIndex: 'reportedAt',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{fmtTime(v)}</span>,
    },
    {
      title: t('状态'),
      responsive: ['md'],
      dataIndex: 'status',
      render: (v: TTicket['status']) => (
        <Tag color={STATUS[v].color} style={{ marginInlineEnd: 0 }}>
          {pick(lang, STATUS[v])}
        </Tag>
      ),
    },
    {
      title: t('SLA 计时'),
      key: 'sla',
      width: 190,
      responsive: ['md'],
      render: (_: unknown, r) => <SlaCell r={r} />,
    },
  ];

  const opts = <K extends string>(m: Record<K, { zh: string; en: string }>) =>
    (Object.keys(m) as K[]).map((k) => ({ value: k, label: pick(lang, m[k]) }));

  return (
    <div>
      <PageHeader title={t('运维单')} subtitle={t('热线、网页、现场与监控登记的运维单；倒计时为最紧迫的未达成 SLA')} />
      <ReportFilter
        from={f.from ?? f.dueFrom}
        to={f.to ?? f.dueTo}
        detail={
          f.clock
            ? `${t('SLA 计时')}：${t(TARGET[f.clock] ?? f.clock)}${f.clockState ? ` · ${t(CLOCK_STATE[f.clockState] ?? f.clockState)}` : ''}`
            : undefined
        }
        onClear={clearReport}
      />
      <Card>
        <DataTable
          queryKey="tickets"
          source={deskApi.listTickets}
          rowKey="id"
          columns={columns}
          params={f}
          searchPlaceholder={t('编号、标题或来电号码')}
          exportSource={deskApi.exportTickets}
          filters={
            <>
              <SavedViews scope="desk.queue" current={f} onApply={(q) => setF(q)} />
              <Segmented
                value={who}
                onChange={(v) => setWho(String(v))}
                options={[
                  { value: 'all', label: t('全部') },
                  { value: 'assigned', label: t('分派给我') },
                  { value: 'mine', label: t('与我有关') },
                ]}
              />
              <Checkbox checked={!!f.open} onChange={(e) => setF((p) => ({ ...p, open: e.target.checked || undefined }))}>
                {t('未关闭')}
              </Checkbox>
              <Select
                allowClear
                placeholder={t('服务项目')}
                style={{ width: 130 }}
                value={f.serviceLine}
                onChange={set('serviceLine')}
                options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
              />
              <Select
                allowClear
                placeholder={t('状态')}
                style={{ width: 110 }}
                value={f.status}
                onChange={set('status')}
                options={opts(STATUS)}
              />
              <Select
                allowClear
                placeholder={t('级别')}
                style={{ width: 100 }}
                value={f.severity}
                onChange={set('severity')}
                options={(Object.keys(SEVERITY) as TTicket['severity'][]).map((k) => ({
                  value: k,
                  label: <Tag color={SEVERITY[k].color}>{pick(lang, SEVERITY[k])}</Tag>,
                }))}
              />
              <Select
                allowClear
                placeholder={t('类别')}
                style={{ width: 120 }}
                value={f.category}
                onChange={set('category')}
                options={opts(CATEGORY)}
              />
              <Select
                allowClear
                placeholder={t('SLA')}
                style={{ width: 120 }}
                value={f.sla}
                onChange={set('sla')}
                options={[
                  { value: 'at_risk', label: t('预警或超时') },
                  { value: 'warning', label: t('预警') },
                  { value: 'breached', label: t('已超时') },
                ]}
              />
            </>
          }
          actions={
            can('desk.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/desk/new')}>
                {t('登记运维单')}
              </Button>
            )
          }
        />
      </Card>
    </div>
  );
}
