// A device's temperature, fan and power sensors (R-MON-07): the last poll's table with its states in
// colour, and the chosen sensor's readings over the last day (a row's click chooses it).
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TSensor, TSensorState } from '../../../common/monitoring.ts';
import { useCall } from '../../api/query.ts';
import { EChart } from '../../components/EChart.tsx';
import { useI18n } from '../../i18n/index.tsx';

const KIND: Record<TSensor['kind'], string> = { temperature: '温度', fan: '风扇', power: '电源' };
const STATE: Record<TSensorState, { text: string; color: string }> = {
  ok: { text: '运行正常', color: 'success' },
  warning: { text: '设备报警', color: 'warning' },
  failed: { text: '故障', color: 'error' },
  absent: { text: '不在位', color: 'default' },
  unknown: { text: '状态未知', color: 'default' },
};
const DAY = 86_400_000;

export function DeviceSensors({ id, sensors }: { id: string; sensors: TSensor[] }) {
  const { t } = useI18n();
  const withValue = sensors.filter((s) => s.value !== null);
  const [key, setKey] = useState<string | undefined>(undefined);
  const chosen = withValue.find((s) => s.key === key) ?? withValue.find((s) => s.kind === 'temperature') ?? withValue[0];
  const [span] = useState(() => {
    const to = Math.ceil(Date.now() / 60_000) * 60_000;
    return { from: new Date(to - DAY).toISOString(), to: new Date(to).toISOString() };
  });
  const m = useCall(api.metrics, { params: { id }, query: { ...span, sensor: chosen?.key } }, { enabled: !!chosen });
  const pts = m.data?.points ?? [];
  return (
    <Card size="small" title={t('温度、风扇与电源')}>
      <Table<TSensor>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={sensors}
        onRow={(s) => ({ onClick: () => s.value !== null && setKey(s.key), style: { cursor: s.value !== null ? 'pointer' : undefined } })}
        rowClassName={(s) => (s.key === chosen?.key ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('名称'), dataIndex: 'name' },
          { title: t('类别'), dataIndex: 'kind', render: (k: TSensor['kind']) => t(KIND[k]) },
          {
            title: t('读数'),
            dataIndex: 'value',
            align: 'right',
            render: (v: number | null, s) => (v === null ? '—' : `${v} ${s.unit ?? ''}`),
          },
          {
            title: t('状态'),
            dataIndex: 'state',
            render: (v: TSensorState) => <Tag color={STATE[v].color}>{t(STATE[v].text)}</Tag>,
          },
        ]}
      />
      {chosen && (
        <EChart
          height={200}
          option={{
            title: { text: `${chosen.name}（${t('近 24 小时')}）`, textStyle: { fontSize: 13 } },
            tooltip: { trigger: 'axis' },
            grid: { left: 48, right: 16, top: 36, bottom: 28 },
            xAxis: { type: 'time', min: span.from, max: span.to },
            yAxis: { type: 'value', name: chosen.unit ?? '', scale: true },
            series: [{ name: chosen.name, type: 'line', showSymbol: pts.length < 60, data: pts.map((p) => [p.at, p.value ?? null]) }],
          }}
        />
      )}
    </Card>
  );
}
