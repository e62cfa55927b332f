// Routes of the event centre (issue 13, "Public API (stable)"): thin, each from its contract.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import type { Column } from '../../kernel/office/xlsx.ts';
import { eventsApi as api } from '../../../common/events.api.ts';
import type { TEvent } from '../../../common/events.ts';
import { correlationRoutes } from './correlation/routes.ts';
import { addFilter, listFilters, removeFilter } from './filters.ts';
import { addSource, eventStats, listEvents, listSources, receiverStatus, removeSource, unknownSources } from './service.ts';

const READ = 'events.read';
const ADMIN = 'events.admin';

const SEVERITY_ZH: Record<TEvent['severity'], string> = { critical: '严重', high: '高', medium: '中', low: '低', info: '信息' };

const exportColumns: Column<TEvent>[] = [
  { header: '接收时间', width: 18, value: (e) => shanghaiTime(e.receivedAt) },
  { header: '发生时间', width: 18, value: (e) => shanghaiTime(e.occurredAt) },
  { header: '设备', width: 18, value: (e) => e.host },
  { header: '厂商', width: 10, value: (e) => e.vendor },
  { header: '产品', width: 12, value: (e) => e.product },
  { header: '类别', width: 10, value: (e) => e.category },
  { header: '级别', width: 6, value: (e) => SEVERITY_ZH[e.severity] },
  { header: '源地址', width: 16, value: (e) => e.srcIp ?? '' },
  { header: '目的地址', width: 16, value: (e) => e.dstIp ?? '' },
  { header: '次数', width: 6, value: (e) => e.count },
  { header: '内容', width: 60, value: (e) => e.message },
];

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['events'];
  defineRoute(app, {
    ...api.list,
    summary: '安全事件列表（可按内容、设备、级别、时间筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listEvents(ctx, query),
  });
  defineRoute(app, {
    ...api.stats,
    summary: '按时间与级别统计安全事件（含合并次数）',
    tags,
    access: READ,
    handler: (ctx, { query }) => eventStats(ctx, query),
  });
  defineRoute(app, {
    ...api.export,
    summary: '导出筛选后的安全事件（Excel）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '安全事件',
        objectType: 'evt_event',
        query,
        list: (page, pageSize) => listEvents(ctx, { ...query, page, pageSize }),
        columns: exportColumns,
      }),
  });
  defineRoute(app, { ...api.sources, summary: '已登记的日志源', tags, access: READ, handler: (ctx) => listSources(ctx) });
  defineRoute(app, {
    ...api.addSource,
    summary: '登记日志源（按地址，指定厂商与字符集）',
    tags,
    access: ADMIN,
    handler: (ctx, { body }) => addSource(ctx, body),
  });
  defineRoute(app, {
    ...api.removeSource,
    summary: '删除日志源',
    tags,
    access: ADMIN,
    handler: (ctx, { params }) => removeSource(ctx, params.id),
  });
  defineRoute(app, {
    ...api.filters,
    summary: '过滤规则（按顺序，首条匹配决定丢弃或保留）',
    tags,
    access: READ,
    handler: (ctx) => listFilters(ctx),
  });
  defineRoute(app, {
    ...api.addFilter,
    summary: '新增过滤规则',
    tags,
    access: ADMIN,
    handler: (ctx, { body }) => addFilter(ctx, body),
  });
  defineRoute(app, {
    ...api.removeFilter,
    summary: '删除过滤规则',
    tags,
    access: ADMIN,
    handler: (ctx, { params }) => removeFilter(ctx, params.id),
  });
  defineRoute(app, {
    ...api.receiver,
    summary: '接收器计数（接收、UDP 丢弃、截断、过滤、噪声）',
    tags,
    access: READ,
    handler: (ctx) => receiverStatus(ctx),
  });
  correlationRoutes(app);
  defineRoute(app, {
    ...api.unknown,
    summary: '未登记的日志发送方（次数、最近时间）',
    tags,
    access: READ,
    handler: (ctx) => unknownSources(ctx),
  });
}
