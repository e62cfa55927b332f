// 网络拓扑 (R-MON-06): the network as the devices' LLDP describes it, drawn as a graph. Registered
// devices are coloured by state (as on the wall screen) and open their page on a click; neighbours
// nobody registered are grey; each link carries its two ports.
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TTopology } from '../../../common/monitoring.ts';
import { useCall } from '../../api/query.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Node = TTopology['nodes'][number];
const COLOUR = { ok: '#2f9e6f', warn: '#d4a017', down: '#e5484d', idle: '#94a3b8', external: '#cbd5e1' };

function colourOf(n: Node): string {
  if (!n.registered) return COLOUR.external;
  if (n.reachable === false || n.openAlerts > 0) return COLOUR.down;
  if (n.snmpState && n.snmpState !== 'ok') return COLOUR.warn;
  return n.snmpState || n.reachable ? COLOUR.ok : COLOUR.idle;
}

export function topologyOption(t: TTopology, unregistered: string): EChartOption {
  return {
    tooltip: {
      formatter: (p: { dataType: string; data: { name?: string; sysName?: string; sourcePort?: string; targetPort?: string } }) =>
        p.dataType === 'edge'
          ? `${p.data.sourcePort ?? ''} ⟷ ${p.data.targetPort ?? ''}`
          : `${p.data.name ?? ''}${p.data.sysName && p.data.sysName !== p.data.name ? `<br/>${p.data.sysName}` : ''}`,
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 420, edgeLength: [90, 180] },
        label: { show: true, position: 'bottom', fontSize: 12 },
        edgeLabel: { show: false },
        lineStyle: { color: '#94a3b8', width: 2 },
        data: t.nodes.map((n) => ({
          id: n.id,
          name: n.name,
          sysName: n.sysName,
          registered: n.registered,
          symbolSize: n.registered ? 42 : 30,
          symbol: n.registered ? 'roundRect' : 'circle',
          itemStyle: { color: colourOf(n) },
          ...(n.registered ? {} : { label: { formatter: `${n.name}\n（${unregistered}）` } }),
        })),
        links: t.links.map((l) => ({ source: l.source, target: l.target, sourcePort: l.sourcePort, targetPort: l.targetPort })),
      },
    ],
  };
}

export function TopologyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useCall(api.topology, {}, { refetchInterval: 60_000 });
  const option = useMemo(() => (q.data ? topologyOption(q.data, t('未登记')) : null), [q.data, t]);
  const registered = q.data?.nodes.filter((n) => n.registered).length ?? 0;
  return (
    <>
      <PageHeader title={t('网络拓扑')} subtitle={t('由设备 LLDP 邻居信息自动绘制；点击设备查看详情，可拖动与缩放')} />
      <Card>
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {t('设备')} {registered} · {t('链路')} {q.data?.links.length ?? 0}
          </Typography.Text>
          <Tag color={COLOUR.ok}>{t('运行正常')}</Tag>
          <Tag color={COLOUR.warn}>{t('需关注')}</Tag>
          <Tag color={COLOUR.down}>{t('故障设备')}</Tag>
          <Tag>{t('未登记')}</Tag>
        </Space>
        {q.isSuccess && !q.data.links.length && (
          <Empty description={t('尚无 LLDP 邻居信息：设备开启 LLDP 并完成一次 SNMP 采集后显示链路')} style={{ margin: '8px 0 16px' }} />
        )}
        {option && (
          <div data-testid="topology">
            <EChart
              option={option}
              height={560}
              onClick={(e) => {
                const d = e.data as { id?: string; registered?: boolean } | undefined;
                if (e.dataType === 'node' && d?.registered && d.id) void navigate(`/monitoring/${d.id}`);
              }}
            />
          </div>
        )}
      </Card>
    </>
  );
}
