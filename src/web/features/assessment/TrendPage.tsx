// 考核趋势: each line's score rate over the last 12 months (signed months), and one criterion's scores,
// as ECharts line charts; the pass mark drawn as a dashed line.
import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { LINE_PASS_RATE } from '../../../common/assessment.ts';
import { assessmentApi as api } from '../../../common/assessment.api.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { useCall } from '../../api/query.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { LINE_COLOR, lineShort } from '../contract/lines.ts';

export function TrendPage() {
  const { t, lang } = useI18n();
  const [line, setLine] = useState<ServiceLineCode | undefined>();
  const [criterion, setCriterion] = useState<string | undefined>();
  const criteria = useCall(api.criteria, {});
  const trend = useCall(api.trend, { query: { ...(line ? { line } : {}), ...(criterion ? { criterion } : {}) } });
  const d = trend.data;
  const lines = Object.entries(d?.lines ?? {});
  const mark = LINE_PASS_RATE * 100;
  return (
    <div>
      <PageHeader title={t('考核趋势')} subtitle={t('近 12 个月已签署考核的得分率（虚线为合格线 80%）')} />
      <Card style={{ marginBottom: 12 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            allowClear
            placeholder={t('服务项目')}
            style={{ width: 140 }}
            value={line}
            onChange={setLine}
            options={SERVICE_LINE_CODES.map((c) => ({ value: c, label: lineShort(c, lang) }))}
          />
        </Space>
        <EChart
          height={300}
          option={{
            animation: false,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, top: 36, bottom: 28 },
            xAxis: { type: 'category', data: d?.months ?? [] },
            yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            series: [
              ...lines.map(([code, data]) => ({
                type: 'line',
                name: lineShort(code as ServiceLineCode, lang),
                data,
                connectNulls: false,
                itemStyle: { color: LINE_COLOR[code as ServiceLineCode] },
              })),
              {
                type: 'line',
                name: t('合格线'),
                data: (d?.months ?? []).map(() => mark),
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#cf1322' },
              },
            ],
          }}
        />
      </Card>
      <Card title={t('单项考核趋势')}>
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          placeholder={t('选择考核项')}
          style={{ width: '100%', maxWidth: 560, marginBottom: 8 }}
          value={criterion}
          onChange={setCriterion}
          options={(criteria.data?.items ?? [])
            .filter((c) => !line || c.line === line)
            .map((c) => ({ value: c.id, label: `${lineShort(c.line, lang)} ${c.item}.${c.no} ${c.text}` }))}
        />
        {d?.criterion ? (
          <EChart
            height={240}
            option={{
              animation: false,
              tooltip: { trigger: 'axis' },
              grid: { left: 40, right: 16, top: 16, bottom: 28 },
              xAxis: { type: 'category', data: d.months },
              yAxis: { type: 'value', min: 0, max: 10 },
              series: [{ type: 'line', name: d.criterion.text, data: d.criterion.scores }],
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('选择一个考核项查看其逐月得分')}</Typography.Text>
        )}
      </Card>
    </div>
  );
}
