// Fee share per service line (donut) and staffing filled vs required (bars).
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import type { TLineOverview } from '../../../common/contract.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { fmtMoney } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';

export function HomeCharts({ lines }: { lines: TLineOverview[] }) {
  const { t, lang } = useI18n();
  const fee = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (v: number) => fmtMoney(v) },
      legend: { bottom: 0, icon: 'circle', itemWidth: 10 },
      color: lines.map((l) => LINE_COLOR[l.code]),
      series: [
        {
          type: 'pie',
          radius: ['48%', '72%'],
          center: ['50%', '44%'],
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { formatter: '{d}%', fontSize: 12 },
          data: lines.map((l) => ({ name: lineShort(l.code, lang), value: l.fee })),
        },
      ],
    }),
    [lines, lang],
  );
  const staff = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, itemWidth: 12 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: lines.map((l) => (lang === 'en-US' ? l.code : lineShort(l.code, lang))), axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      series: [
        {
          name: t('应配'),
          type: 'bar',
          barGap: '10%',
          barMaxWidth: 28,
          itemStyle: { color: '#d6e4f5', borderRadius: [3, 3, 0, 0] },
          data: lines.map((l) => l.staffRequired),
        },
        {
          name: t('已到岗'),
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: '#1554ad', borderRadius: [3, 3, 0, 0] },
          data: lines.map((l) => ({ value: l.staffFilled, itemStyle: { color: l.staffFilled < l.staffRequired ? '#f5222d' : '#1554ad' } })),
        },
      ],
    }),
    [lines, lang, t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('年度服务费构成')}>
          <EChart option={fee} height={280} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('人员配置：已到岗 / 应配')}>
          <EChart option={staff} height={280} />
        </Card>
      </Col>
    </Row>
  );
}
