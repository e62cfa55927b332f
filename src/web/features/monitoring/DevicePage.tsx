// One monitored device: its live state, the interfaces with rates and utilisation, charts of latency
// and of an interface's bit rates over a chosen range (raw samples up to two days, rollups beyond),
// its temperature, fan and power sensors, and its alerts.
import { Card, Descriptions, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TMetrics, TMonInterface } from '../../../common/monitoring.ts';
import { useCall } from '../../api/query.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { fmtTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AlertsTable } from './AlertsPage.tsx';
import { DeviceSensors } from './Sensors.tsx';
import { DeviceTraps } from './Traps.tsx';
import { ReachTag, SnmpTag, fmtBps } from './labels.tsx';
import { useChartRange } from './ranges.tsx';

function option(
  m: TMetrics | undefined,
  span: { from: string; to: string },
  series: { key: 'latencyMs' | 'inBps' | 'outBps'; name: string }[],
  unit: string,
): EChartOption {
  const pts = m?.points ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'time', min: span.from, max: span.to },
    yAxis: { type: 'value', name: unit, axisLabel: { formatter: unit === 'bit/s' ? (v: number) => fmtBps(v) : undefined } },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: pts.length < 60,
      data: pts.map((p) => [p.at, p[s.key] ?? null]),
    })),
  };
}

function Charts({ id, interfaces }: { id: string; interfaces: TMonInterface[] }) {
  const { t } = useI18n();
  const { span, rangeSwitch } = useChartRange();
  const [ifIndex, setIfIndex] = useState<number | undefined>(undefined);
  const chosen = ifIndex ?? interfaces[0]?.ifIndex;
  const latency = useCall(api.metrics, { params: { id }, query: span });
  const rates = useCall(api.metrics, { params: { id }, query: { ...span, ifIndex: chosen } }, { enabled: chosen !== undefined });
  return (
    <Card size="small" title={t('曲线')} extra={rangeSwitch}>
      <EChart option={option(latency.data, span, [{ key: 'latencyMs', name: t('时延') }], 'ms')} height={220} />
      {interfaces.length > 0 && (
        <>
          <Space style={{ margin: '12px 0 4px' }}>
            {t('接口')}
            <Select
              size="small"
              style={{ minWidth: 200 }}
              value={chosen}
              onChange={setIfIndex}
              options={interfaces.map((i) => ({ value: i.ifIndex, label: i.name }))}
            />
          </Space>
          <EChart
            option={option(
              rates.data,
              span,
              [
                { key: 'inBps', name: t('入方向') },
                { key: 'outBps', name: t('出方向') },
              ],
              'bit/s',
            )}
            height={240}
          />
        </>
      )}
    </Card>
  );
}

export function DevicePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  // Live: the collectors poll every interval; the page reads again every 30 s.
  const q = useCall(api.get, { params: { id } }, { refetchInterval: 30_000 });
  const d = q.data;
  return (
    <div>
      <PageHeader
        title={d?.name ?? t('监控设备')}
        subtitle={d ? `${d.address} · ${t('轮询间隔')} ${d.intervalSec} s` : undefined}
        extra={<Link to={`/monitoring/thresholds?deviceId=${id}`}>{t('告警阈值')}</Link>}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card loading={q.isLoading} size="small">
          {d && (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label={t('可达')}>
                <ReachTag d={d} />
              </Descriptions.Item>
              <Descriptions.Item label={t('时延')}>{d.latencyMs === null ? '—' : `${d.latencyMs} ms`}</Descriptions.Item>
              <Descriptions.Item label={t('丢包率')}>{d.lossPct === null ? '—' : `${d.lossPct}%`}</Descriptions.Item>
              <Descriptions.Item label="SNMP">
                <SnmpTag d={d} /> {d.snmp && <Tag>v{d.snmp.version}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="CPU">{d.cpuPct === null ? '—' : `${d.cpuPct}%`}</Descriptions.Item>
              <Descriptions.Item label={t('内存')}>{d.memPct === null ? '—' : `${d.memPct}%`}</Descriptions.Item>
              <Descriptions.Item label={t('最近采集')}>{fmtTime(d.polledAt)}</Descriptions.Item>
              <Descriptions.Item label={t('未关闭告警')}>{d.openAlerts}</Descriptions.Item>
              {d.snmpError && <Descriptions.Item label={t('说明')}>{d.snmpError}</Descriptions.Item>}
            </Descriptions>
          )}
        </Card>
        {d && <Charts id={id} interfaces={d.interfaces} />}
        {d && d.sensors.length > 0 && <DeviceSensors id={id} sensors={d.sensors} />}
        <Card size="small" title={t('接口')}>
          <Table<TMonInterface>
            rowKey="ifIndex"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            dataSource={d?.interfaces ?? []}
            columns={[
              { title: t('接口'), dataIndex: 'name', fixed: 'left' },
              {
                title: t('状态'),
                dataIndex: 'operStatus',
                render: (v: string) => <Tag color={v === 'up' ? 'success' : v === 'down' ? 'error' : 'default'}>{v}</Tag>,
              },
              { title: t('速率'), dataIndex: 'speedBps', align: 'right', render: fmtBps },
              { title: t('入方向'), dataIndex: 'inBps', align: 'right', render: fmtBps },
              { title: t('出方向'), dataIndex: 'outBps', align: 'right', render: fmtBps },
              {
                title: t('利用率'),
                dataIndex: 'utilisation',
                width: 140,
                render: (v: number | null) =>
                  v === null ? '—' : <Progress percent={Math.min(100, v)} size="small" status={v > 80 ? 'exception' : 'normal'} />,
              },
              { title: t('入错误'), dataIndex: 'inErrors', align: 'right', responsive: ['lg'] },
              { title: t('出错误'), dataIndex: 'outErrors', align: 'right', responsive: ['lg'] },
              { title: t('说明'), dataIndex: 'counterNote', responsive: ['md'], render: (v: string | null) => (v ? t(NOTE[v] ?? v) : '') },
            ]}
          />
        </Card>
        <AlertsTable deviceId={id} />
        <DeviceTraps deviceId={id} />
      </Space>
    </div>
  );
}

const NOTE: Record<string, string> = {
  restarted: '设备重启，本轮无速率',
  counter_backwards: '计数器回退，样本已丢弃',
  wrapped: '32 位计数器回绕',
};
