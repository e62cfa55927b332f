// The board's charts (issue 13 point 9; R-SEC-04): findings still owing work by severity, by when they
// are due (the overdue bar red), and the addresses carrying the most; a click on a bar filters the list.
import { Card, Col, Grid, Row, Statistic } from 'antd';
import { SEVERITIES, SEVERITY_ZH, type TSummary } from '../../../common/vulns.ts';
import { vulnsApi } from '../../../common/vulns.api.ts';
import { useCall } from '../../api/query.ts';
import { EChart, type EChartClick } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { SEVERITY_COLOR } from './labels.tsx';

/** What a click on a chart asks the list to show. */
export type BoardPick = { severity: string } | { overdue: true } | { dueWithin: number } | { address: string };

const DUE_BARS = [
  { key: 'overdue', label: '已逾期', color: '#cf1322' },
  { key: 'week', label: '7 天内到期', color: '#fa8c16' },
  { key: 'month', label: '30 天内到期', color: '#fadb14' },
  { key: 'later', label: '更晚或无期限', color: '#8c8c8c' },
] as const;

const grid = { left: 8, right: 24, top: 24, bottom: 8, containLabel: true };
const pickOf = (e: EChartClick): BoardPick | null => (e.data as { pick?: BoardPick } | undefined)?.pick ?? null;

function BySeverity({ s, onPick }: { s: TSummary; onPick: (p: BoardPick) => void }) {
  const { t } = useI18n();
  const option = {
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: SEVERITIES.map((l) => t(SEVERITY_ZH[l])) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('未关闭漏洞'),
        data: SEVERITIES.map((l) => ({ value: s.open[l], itemStyle: { color: SEVERITY_COLOR[l] }, pick: { severity: l } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return <EChart option={option} height={200} onClick={(e) => (pickOf(e) ? onPick(pickOf(e)!) : undefined)} />;
}

function ByDue({ s, onPick }: { s: TSummary; onPick: (p: BoardPick) => void }) {
  const { t } = useI18n();
  const picks: Record<(typeof DUE_BARS)[number]['key'], BoardPick | undefined> = {
    overdue: { overdue: true },
    week: { dueWithin: 7 },
    month: { dueWithin: 30 },
    later: undefined,
  };
  const option = {
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: DUE_BARS.map((b) => t(b.label)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: t('未关闭漏洞'),
        data: DUE_BARS.map((b) => ({ value: s.byDue[b.key], itemStyle: { color: b.color }, pick: picks[b.key] })),
        label: { show: true, position: 'top' },
      },
    ],
  };
  return <EChart option={option} height={200} onClick={(e) => (pickOf(e) ? onPick(pickOf(e)!) : undefined)} />;
}

function ByAsset({ s, onPick }: { s: TSummary; onPick: (p: BoardPick) => void }) {
  const { t } = useI18n();
  const wide = Grid.useBreakpoint().md === true;
  const rows = [...s.byAsset].reverse(); // the largest on top
  const name = (r: TSummary['byAsset'][number]) => `${r.assetName ?? t('未匹配')} ${r.address}`;
  const option = {
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 10 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: wide ? 240 : 130, overflow: 'truncate' } },
    series: SEVERITIES.map((l) => ({
      type: 'bar',
      stack: 'n',
      name: t(SEVERITY_ZH[l]),
      itemStyle: { color: SEVERITY_COLOR[l] },
      barMaxWidth: 18,
      data: rows.map((r) => ({ value: r[l] || null, pick: { address: r.address } })),
    })),
  };
  const height = Math.max(160, 40 + rows.length * 26);
  return <EChart option={option} height={height} onClick={(e) => (pickOf(e) ? onPick(pickOf(e)!) : undefined)} />;
}

export function Board({ onPick }: { onPick: (p: BoardPick) => void }) {
  const { t } = useI18n();
  const q = useCall(vulnsApi.summary, {});
  const s = q.data;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={6}>
        <Card size="small" style={{ height: '100%' }} loading={!s}>
          <Row gutter={[8, 16]}>
            <Col span={12}>
              <Statistic
                title={t('已逾期')}
                value={s?.overdue ?? 0}
                valueStyle={{ color: (s?.overdue ?? 0) > 0 ? '#cf1322' : undefined }}
              />
            </Col>
            <Col span={12}>
              <Statistic title={t('待甲方审批')} value={s?.pending ?? 0} />
            </Col>
            <Col span={12}>
              <Statistic title={t('未关闭漏洞')} value={s ? SEVERITIES.reduce((n, l) => n + s.open[l], 0) : 0} />
            </Col>
            <Col span={12}>
              <Statistic title={t('未匹配资产')} value={s?.unmatched ?? 0} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={12} lg={9}>
        <Card size="small" title={t('未关闭漏洞（按等级）')} loading={!s}>
          {s && <BySeverity s={s} onPick={onPick} />}
        </Card>
      </Col>
      <Col xs={24} md={12} lg={9}>
        <Card size="small" title={t('未关闭漏洞（按整改期限）')} loading={!s}>
          {s && <ByDue s={s} onPick={onPick} />}
        </Card>
      </Col>
      {s && s.byAsset.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('未关闭漏洞最多的资产')}>
            <ByAsset s={s} onPick={onPick} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
