// Routes of monitoring (issue 12, "Public API (stable)"): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { topology } from './topology.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import type { Column } from '../../kernel/office/xlsx.ts';
import { monitoringApi as api } from '../../../common/monitoring.api.ts';
import type { TMonDevice } from '../../../common/monitoring.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { createDevice, getDevice, listDevices } from './devices.ts';
import { metrics } from './rollups.ts';
import { addThreshold, deleteThreshold, listAlerts, listThresholds, updateThreshold } from './thresholds.ts';
import { listTrapSources, listTraps } from './trap-events.ts';
import { createPair, deletePair, getPair, listPairs } from './pairs.ts';
import { collectorHealth } from '../../kernel/collectors/health.ts';

const READ = 'monitoring.read';
const WRITE = 'monitoring.write';

const exportColumns: Column<TMonDevice>[] = [
  { header: '名称', width: 24, value: (d) => d.name },
  { header: '管理地址', width: 18, value: (d) => d.address },
  { header: '服务项目', width: 10, value: (d) => lineLabel(d.serviceLine) },
  { header: '可达', width: 8, value: (d) => (d.reachable === null ? '' : d.reachable ? '是' : '否') },
  { header: '时延 (ms)', width: 10, value: (d) => d.latencyMs },
  { header: '丢包率 (%)', width: 10, value: (d) => d.lossPct },
  { header: 'SNMP 状态', width: 14, value: (d) => d.snmpState ?? '' },
  { header: 'SNMP 说明', width: 30, value: (d) => d.snmpError ?? '' },
  { header: 'CPU (%)', width: 8, value: (d) => d.cpuPct },
  { header: '内存 (%)', width: 8, value: (d) => d.memPct },
  { header: '未关闭告警', width: 10, value: (d) => d.openAlerts },
  { header: '最近采集', width: 18, value: (d) => shanghaiTime(d.polledAt) },
];

export async function monitoringRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['monitoring'];
  defineRoute(app, {
    ...api.topology,
    summary: '网络拓扑：已登记设备与其 LLDP 邻居、链路（双方上报的同一链路只画一次）',
    tags,
    access: READ,
    handler: (ctx) => topology(ctx),
  });
  defineRoute(app, {
    ...api.list,
    summary: '监控设备列表（含实时状态）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listDevices(ctx, query),
  });
  defineRoute(app, {
    ...api.export,
    summary: '导出筛选后的监控设备（Excel）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '监控设备',
        objectType: 'mon_device',
        query,
        list: (page, pageSize) => listDevices(ctx, { ...query, page, pageSize }),
        columns: exportColumns,
      }),
  });
  defineRoute(app, {
    ...api.create,
    summary: '登记监控设备（SNMP 密钥加密保存，此后不再显示；立即开始首次采集）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createDevice(ctx, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '监控设备详情与接口',
    tags,
    access: READ,
    handler: (ctx, { params }) => getDevice(ctx, params.id),
  });
  defineRoute(app, {
    ...api.metrics,
    summary: '时延或接口速率曲线（两天内为原始样本，更长为 5 分钟汇总）',
    tags,
    access: READ,
    handler: (ctx, { params, query }) => metrics(ctx, params.id, query),
  });
  defineRoute(app, { ...api.alerts, summary: '监控告警', tags, access: READ, handler: (ctx, { query }) => listAlerts(ctx, query) });
  defineRoute(app, {
    ...api.thresholds,
    summary: '告警阈值（默认值与设备、接口、探测对的单独设置）',
    tags,
    access: READ,
    handler: (ctx) => listThresholds(ctx),
  });
  defineRoute(app, {
    ...api.addThreshold,
    summary: '为设备、接口或探测对单独设置告警阈值（规则须适用于该对象）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => addThreshold(ctx, body),
  });
  defineRoute(app, {
    ...api.updateThreshold,
    summary: '修改告警阈值（默认值也可修改或停用）；下一次告警评估即生效',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => updateThreshold(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.deleteThreshold,
    summary: '删除单独设置的告警阈值（恢复使用默认值）；默认阈值不能删除',
    tags,
    access: WRITE,
    handler: async (ctx, { params }) => deleteThreshold(ctx, params.id),
  });
  defineRoute(app, {
    ...api.traps,
    summary: '设备发来的 SNMP Trap（新的在前）',
    tags,
    access: READ,
    handler: (ctx, { params, query }) => listTraps(ctx, params.id, query),
  });
  defineRoute(app, {
    ...api.trapSources,
    summary: '未登记设备发来的 Trap 与无法解析的报文（按来源地址计数）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listTrapSources(ctx, query),
  });
  defineRoute(app, {
    ...api.pairs,
    summary: 'ICMP 探测对（源节点或设备到目标地址）及其最新状态',
    tags,
    access: READ,
    handler: (ctx, { query }) => listPairs(ctx, query),
  });
  defineRoute(app, {
    ...api.createPair,
    summary: '登记 ICMP 探测对：由指定的源（监控节点、采集节点或设备地址）探测目标地址',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createPair(ctx, body),
  });
  defineRoute(app, { ...api.pair, summary: '探测对详情', tags, access: READ, handler: (ctx, { params }) => getPair(ctx, params.id) });
  defineRoute(app, {
    ...api.deletePair,
    summary: '删除探测对（样本按保留期清理）',
    tags,
    access: WRITE,
    handler: async (ctx, { params }) => deletePair(ctx, params.id),
  });
  defineRoute(app, {
    ...api.pairMetrics,
    summary: '探测对的时延与丢包曲线',
    tags,
    access: READ,
    handler: (ctx, { params, query }) => metrics(ctx, params.id, { ...query, ifIndex: undefined, sensor: undefined }, 'pair'),
  });
  defineRoute(app, {
    ...api.nodes,
    summary: '在线的采集节点（探测对的源可指定其一）',
    tags,
    access: READ,
    handler: async (ctx) => ({
      items: (await collectorHealth(ctx.db, ctx.now())).nodes.map((n) => ({ node: n.node, name: n.node.split(':')[0]! })),
    }),
  });
}
