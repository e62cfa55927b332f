// 运维报告: every report form generated, filtered by kind and period, paged, exported to Excel; the
// pm and engineers generate a new one (or a new version of one) from the evidence.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { REPORT_KINDS, REPORT_KIND_NAMES, type ReportKind, type TReport } from '../../../common/reports.ts';
import { reportsApi as api } from '../../../common/reports.api.ts';
import { useCall } from '../../api/query.ts';
import { useAuth } from '../../app/auth.tsx';
import { fmtTime } from '../../components/format.ts';
import { ExportButton } from '../../components/ListButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { GenerateDialog } from './GenerateDialog.tsx';

export function ReportsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const nav = useNavigate();
  const [kind, setKind] = useState<ReportKind | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const filters = {
    ...(kind ? { kind } : {}),
    ...(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
  };
  const list = useCall(api.list, { query: { page, pageSize: 20, ...filters } });
  return (
    <div>
      <PageHeader
        title={t('运维报告')}
        subtitle={t('日监控表、周巡检表与月度、季度、年度运维报告，由各模块记录自动汇总')}
        extra={
          <Space wrap>
            <ExportButton route={api.exportList} query={filters} />
            {can('reports.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                {t('生成报告')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('报告类型')}
            style={{ width: 160 }}
            value={kind}
            onChange={(v) => (setKind(v), setPage(1))}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(REPORT_KIND_NAMES[k]) }))}
          />
          <DatePicker.RangePicker value={range} onChange={(v) => (setRange(v && v[0] && v[1] ? [v[0], v[1]] : null), setPage(1))} />
        </Space>
        <Table<TReport>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          onRow={(r) => ({ onClick: () => void nav(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'n', title: t('编号'), responsive: ['md'], render: (_, r) => <span className="yw-mono">{r.number}</span> },
            { key: 't', title: t('报告'), render: (_, r) => r.title },
            { key: 'k', title: t('报告类型'), responsive: ['md'], render: (_, r) => <Tag>{t(REPORT_KIND_NAMES[r.kind])}</Tag> },
            {
              key: 'p',
              title: t('报告期'),
              render: (_, r) => (r.periodStart === r.periodEnd ? r.periodStart : `${r.periodStart} ~ ${r.periodEnd}`),
            },
            { key: 'v', title: t('版本'), render: (_, r) => r.versions },
            { key: 'at', title: t('最近生成'), responsive: ['lg'], render: (_, r) => `${fmtTime(r.latestAt)} ${r.latestByName}` },
          ]}
        />
      </Card>
      <GenerateDialog open={open} onClose={() => setOpen(false)} onDone={(r) => (setOpen(false), void nav(`/reports/${r.id}`))} />
    </div>
  );
}
