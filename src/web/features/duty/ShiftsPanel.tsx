// 班次清单 (issue 15): a line's shifts starting in a period, overrides applied, one row each — what a
// report's 班次 opens with its line and period (the banner), so the list's total is the report's
// number. Without a report's period: the current month.
import { Button, Card, Select, Space, Typography } from 'antd';
import { DUTY_LAYERS, type TDutyLayer, type TShiftRow } from '../../../common/duty.ts';
import { dutyApi as api } from '../../../common/duty.api.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { dayjs, TZ } from '../../app/dayjs.ts';
import { DataTable, type DTColumn } from '../../components/DataTable.tsx';
import { useLineLabel } from '../../components/LineTags.tsx';
import { fmtTime } from '../../components/format.ts';
import { ReportFilter, useUrlFilters } from '../../components/ReportFilter.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LAYER_NAMES, LayerTag } from './meta.tsx';

export function ShiftsPanel() {
  const { t } = useI18n();
  const label = useLineLabel();
  const [f, set] = useUrlFilters(['line', 'from', 'to', 'layer'] as const);
  const month = dayjs().tz(TZ).startOf('month');
  const from = f.from ?? month.toISOString();
  const to = f.to ?? month.add(1, 'month').toISOString();
  const line = f.line ?? 'NET';
  const shiftMonth = (n: number) => {
    const start = dayjs(from).tz(TZ).startOf('month').add(n, 'month');
    set({ from: start.toISOString(), to: start.add(1, 'month').toISOString() });
  };
  const columns: DTColumn<TShiftRow>[] = [
    { title: t('开始'), dataIndex: 'start', render: (v: string) => fmtTime(v) },
    { title: t('结束'), dataIndex: 'end', responsive: ['sm'], render: (v: string) => fmtTime(v) },
    { title: t('班次层'), dataIndex: 'layer', render: (v: TDutyLayer) => <LayerTag layer={v} /> },
    { title: t('值班人员'), dataIndex: 'displayName' },
  ];
  return (
    <Card size="small" title={t('班次清单')}>
      <ReportFilter
        from={f.from && fmtTime(f.from)}
        to={f.to && fmtTime(new Date(Date.parse(f.to) - 1).toISOString())}
        detail={f.line ? label(f.line) : undefined}
        onClear={() => set({ from: undefined, to: undefined, line: undefined, layer: undefined })}
      />
      <DataTable
        queryKey="duty-shifts"
        source={api.shifts}
        rowKey={(r) => `${r.start}|${r.layer}|${r.username}`}
        columns={columns}
        params={{ line, from, to, layer: f.layer }}
        defaultPageSize={50}
        filters={
          <Space wrap>
            <Select
              value={line}
              onChange={(v: string) => set({ line: v })}
              style={{ width: 140 }}
              options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: label(c) }))}
              aria-label={t('服务项目')}
            />
            <Select
              allowClear
              placeholder={t('班次层')}
              value={f.layer}
              onChange={(v?: string) => set({ layer: v })}
              style={{ width: 130 }}
              options={DUTY_LAYERS.map((l) => ({ value: l, label: t(LAYER_NAMES[l]) }))}
            />
            {!f.from && (
              <>
                <Button onClick={() => shiftMonth(-1)}>‹</Button>
                <Typography.Text strong>{dayjs(from).tz(TZ).format('YYYY-MM')}</Typography.Text>
                <Button onClick={() => shiftMonth(1)}>›</Button>
              </>
            )}
          </Space>
        }
      />
    </Card>
  );
}
