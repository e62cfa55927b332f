// ICMP probe pairs of monitoring (issue 12 point 3: "latency/loss by ICMP … between named node pairs"):
// a source (the monitoring node, a collector node by name, or a registered device's address) and the
// target address it pings with fping. Each pair's latest state; its chart is the metrics endpoint's.
import { z } from 'zod';
import { ZPage, ZTimestamp, text } from './api.ts';
import { ADDRESS_RE } from './configbackup.ts';
import { ICMP_STATES } from './monitoring.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const PAIR_SOURCES = ['monitor', 'node', 'device'] as const;
export type TPairSource = (typeof PAIR_SOURCES)[number];
/** A collector node's name: its host name (or its whole node id, host:pid). */
export const NODE_NAME_RE = /^[A-Za-z0-9][\w.-]{0,62}(:\d{1,10})?$/;

export const ZProbePairInput = z
  .object({
    name: text(100),
    source: z.enum(PAIR_SOURCES).default('monitor'),
    sourceNode: z.string().trim().regex(NODE_NAME_RE, '节点名称应为采集节点的主机名').optional(),
    sourceDeviceId: z.uuid().optional(),
    target: z.string().trim().min(1).max(253).regex(ADDRESS_RE, '目标应为 IP 地址或主机名'),
    intervalSec: z.number().int().min(10, '探测间隔至少 10 秒').max(86_400, '探测间隔至多 1 天').default(60),
    serviceLine: z.enum(SERVICE_LINE_CODES).default('NET'),
  })
  .superRefine((p, ctx) => {
    if (p.source === 'node' && !p.sourceNode) ctx.addIssue({ code: 'custom', path: ['sourceNode'], message: '请填写源采集节点的名称' });
    if (p.source === 'device' && !p.sourceDeviceId)
      ctx.addIssue({ code: 'custom', path: ['sourceDeviceId'], message: '请选择作为源的设备' });
  });
export type TProbePairInput = z.input<typeof ZProbePairInput>;

export const ZProbePair = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(PAIR_SOURCES),
  sourceNode: z.string().nullable(),
  sourceDeviceId: z.string().nullable(),
  /** The source in words: 监控节点, the node's name, or the device's name and address. */
  sourceLabel: z.string(),
  /** The address fping sends from (a source device's address); null: the node's own choice. */
  sourceAddress: z.string().nullable(),
  target: z.string(),
  serviceLine: z.string(),
  intervalSec: z.number().int(),
  reachable: z.boolean().nullable(),
  latencyMs: z.number().nullable(),
  lossPct: z.number().nullable(),
  icmpState: z.enum(ICMP_STATES).nullable(),
  icmpError: z.string().nullable(),
  probedAt: ZTimestamp.nullable(),
  probedBy: z.string().nullable(),
  openAlerts: z.number().int(),
  createdAt: ZTimestamp,
});
export type TProbePair = z.infer<typeof ZProbePair>;

export const ZProbePairQuery = ZPage.extend({ q: z.string().trim().max(100).optional() });
