// Monitoring (R-MON-01/02/07, issue 12 point 3): devices watched by ICMP (fping) and SNMP (v2c, v3),
// their interfaces' state and rates, and the alerts thresholds raise. Counters, speeds and bit rates
// are decimal strings: 64-bit counters exceed 2^53 and must stay exact.
import { z } from 'zod';
import { ZDateTime, ZPage, ZTimestamp, text } from './api.ts';
import { ADDRESS_RE } from './configbackup.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const SNMP_AUTH = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export const SNMP_PRIV = ['des', 'aes', 'aes256b', 'aes256r'] as const;

const port = z.number().int().min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间');
const secret = (min: number) => z.string().min(min, `至少 ${min} 个字符`).max(200);

export const ZSnmpInput = z
  .object({
    version: z.enum(['2c', '3']),
    community: secret(1).optional(),
    port: port.optional(),
    user: text(100).optional(),
    authProtocol: z.enum(SNMP_AUTH).optional(),
    authKey: secret(8).optional(),
    privProtocol: z.enum(SNMP_PRIV).optional(),
    privKey: secret(8).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.version === '2c' && !s.community) ctx.addIssue({ code: 'custom', path: ['community'], message: 'SNMP v2c 需要团体名' });
    if (s.version === '3' && !s.user) ctx.addIssue({ code: 'custom', path: ['user'], message: 'SNMP v3 需要用户名' });
    if (s.version === '3' && s.privKey && !s.authKey)
      ctx.addIssue({ code: 'custom', path: ['authKey'], message: '加密需要同时提供认证密钥' });
  });
export type TSnmpInput = z.input<typeof ZSnmpInput>;

export const ZMonDeviceInput = z.object({
  name: text(100),
  address: z.string().trim().min(1).max(253).regex(ADDRESS_RE, '地址应为 IP 地址或主机名'),
  snmp: ZSnmpInput.optional(),
  icmp: z.boolean().default(true),
  /** Seconds between polls (R-MON-01): at least 10. */
  intervalSec: z.number().int().min(10, '轮询间隔至少 10 秒').max(86_400, '轮询间隔至多 1 天').default(60),
  serviceLine: z.enum(SERVICE_LINE_CODES).default('NET'),
  assetId: z.uuid().optional(),
});
export type TMonDeviceInput = z.input<typeof ZMonDeviceInput>;

/** Why a poll did not give values; each shown in words on the device page (labels in the web feature). */
export const ICMP_STATES = ['ok', 'unreachable', 'unresolved', 'no_fping', 'error'] as const;
export const SNMP_STATES = ['ok', 'timeout', 'auth_failed', 'garbage', 'error', 'restarted', 'counter_backwards'] as const;
export type TIcmpState = (typeof ICMP_STATES)[number];
export type TSnmpState = (typeof SNMP_STATES)[number];

export const ZMonInterface = z.object({
  ifIndex: z.number().int(),
  name: z.string(),
  /** IF-MIB ifOperStatus: up, down, testing, unknown, dormant, notPresent, lowerLayerDown. */
  operStatus: z.string(),
  speedBps: z.string().nullable(),
  inOctets: z.string().nullable(),
  outOctets: z.string().nullable(),
  inBps: z.string().nullable(),
  outBps: z.string().nullable(),
  /** Percent of the speed, max(in, out); null without a rate or a speed. */
  utilisation: z.number().nullable(),
  inErrors: z.string().nullable(),
  outErrors: z.string().nullable(),
  inDiscards: z.string().nullable(),
  outDiscards: z.string().nullable(),
  /** 64 = ifHC*Octets, 32 = ifIn/OutOctets (wraps at 2^32). */
  counterBits: z.number().int().nullable(),
  /** Why this round has no rate: 'restarted', 'counter_backwards', 'wrapped' (rate kept), or null. */
  counterNote: z.string().nullable(),
  sampledAt: ZTimestamp.nullable(),
});
export type TMonInterface = z.infer<typeof ZMonInterface>;

export const ZMonDevice = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  serviceLine: z.string(),
  assetId: z.string().nullable(),
  icmp: z.boolean(),
  intervalSec: z.number().int(),
  /** SNMP without its secrets: version, port, user and protocols; whether secrets are stored. */
  snmp: z
    .object({
      version: z.enum(['2c', '3']),
      port: z.number().int(),
      user: z.string().nullable(),
      authProtocol: z.string().nullable(),
      privProtocol: z.string().nullable(),
      hasCommunity: z.boolean(),
      hasAuthKey: z.boolean(),
      hasPrivKey: z.boolean(),
    })
    .nullable(),
  reachable: z.boolean().nullable(),
  latencyMs: z.number().nullable(),
  lossPct: z.number().nullable(),
  icmpState: z.enum(ICMP_STATES).nullable(),
  snmpState: z.enum(SNMP_STATES).nullable(),
  /** The SNMP library's own words for the failure (e.g. the v3 report kind), short. */
  snmpError: z.string().nullable(),
  sysUpTime: z.string().nullable(),
  cpuPct: z.number().nullable(),
  memPct: z.number().nullable(),
  polledAt: ZTimestamp.nullable(),
  openAlerts: z.number().int(),
  createdAt: ZTimestamp,
});
export type TMonDevice = z.infer<typeof ZMonDevice>;

export const SENSOR_KINDS = ['temperature', 'fan', 'power'] as const;
export type TSensorKind = (typeof SENSOR_KINDS)[number];
/** ok; warning (the device says so); failed (a fan stopped, a supply not supplying, a sensor non-operational); absent (an empty slot); unknown. */
export const SENSOR_STATES = ['ok', 'warning', 'failed', 'absent', 'unknown'] as const;
export type TSensorState = (typeof SENSOR_STATES)[number];
/** A temperature, fan or power sensor of a device as last polled (R-MON-07). */
export const ZSensor = z.object({
  key: z.string(),
  kind: z.enum(SENSOR_KINDS),
  name: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  state: z.enum(SENSOR_STATES),
  sampledAt: ZTimestamp,
});
export type TSensor = z.infer<typeof ZSensor>;
export const ZMonDeviceDetail = ZMonDevice.extend({ interfaces: z.array(ZMonInterface), sensors: z.array(ZSensor) });
export type TMonDeviceDetail = z.infer<typeof ZMonDeviceDetail>;

export const ZMonDeviceQuery = ZPage.extend({
  q: z.string().trim().max(100).optional(),
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  /** 'down': unreachable or SNMP failing; 'alerting': with open alerts. */
  state: z.enum(['up', 'down', 'alerting']).optional(),
});

export const ZMetricsQuery = z.object({
  from: ZDateTime,
  to: ZDateTime,
  /** An interface's rates; without it, the device's latency and loss. */
  ifIndex: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  /** The chart's width in points (about its pixels): longer ranges are averaged in SQL to at most this many. */
  points: z.coerce.number().int().min(50).max(2000).optional(),
  /** A sensor's readings (its key, as in the device's `sensors`), from the raw samples (at most 30 days). */
  sensor: z.string().min(1).max(100).optional(),
});
/** One point of a chart: raw samples for ranges up to two days, rollups beyond (at most `points`, default 720: 30 days as hourly averages). */
export const ZMetricPoint = z.object({
  at: ZTimestamp,
  latencyMs: z.number().nullable().optional(),
  lossPct: z.number().nullable().optional(),
  inBps: z.number().nullable().optional(),
  outBps: z.number().nullable().optional(),
  /** A sensor's reading (℃, rpm, W…). */
  value: z.number().nullable().optional(),
});
export const ZMetrics = z.object({ source: z.enum(['raw', 'rollup']), points: z.array(ZMetricPoint) });
export type TMetrics = z.infer<typeof ZMetrics>;

export const ALERT_RULES = [
  'unreachable',
  'if_down',
  'utilisation',
  'snmp_failing',
  'link_down',
  'temperature',
  'hardware_failed',
  'rate_surge',
  /** A probe pair's average latency above the threshold (ms). */
  'latency',
  /** A probe pair's packet loss above the threshold (percent) while the target still answers. */
  'loss',
] as const;
/** The rules a probe pair's own thresholds may set (pair-alerts.ts). */
export const PAIR_ALERT_RULES = ['unreachable', 'latency', 'loss'] as const satisfies readonly TAlertRule[];
/** The rules held per interface (alerts.ts, surge.ts): only these read an interface's own threshold. */
export const IFACE_ALERT_RULES = ['if_down', 'utilisation', 'link_down', 'rate_surge'] as const satisfies readonly TAlertRule[];
/** The rules a device's own threshold may set: every rule but the probe pairs' latency and loss. */
export const DEVICE_ALERT_RULES = ALERT_RULES.filter((r) => r !== 'latency' && r !== 'loss');
/** What a threshold is for: the rule's default, a device, one of its interfaces, or a probe pair. */
export type TThresholdTarget = 'default' | 'device' | 'interface' | 'pair';
export const RULES_OF_TARGET: Record<TThresholdTarget, readonly TAlertRule[]> = {
  default: ALERT_RULES,
  device: DEVICE_ALERT_RULES,
  interface: IFACE_ALERT_RULES,
  pair: PAIR_ALERT_RULES,
};
/** Why a rule cannot apply to the target (the evaluation would never read it), or null when it can. */
export function ruleMismatch(rule: TAlertRule, target: TThresholdTarget): string | null {
  if (RULES_OF_TARGET[target].includes(rule)) return null;
  if (target === 'pair') return '探测对只能设置不可达、时延和丢包率阈值';
  if (target === 'interface') return '接口只能设置接口断开、带宽利用率、链路断开和流量突增阈值';
  return '时延和丢包率阈值只适用于探测对，不能设置在设备上';
}
export type TAlertRule = (typeof ALERT_RULES)[number];
/** Each alert rule's name, as alerts, their tickets and the monitoring pages show it. */
export const ALERT_RULE_ZH: Record<TAlertRule, string> = {
  unreachable: '设备不可达',
  if_down: '接口断开',
  utilisation: '带宽利用率过高',
  snmp_failing: 'SNMP 采集失败',
  link_down: '链路断开（Trap）',
  rate_surge: '接口流量突增',
  temperature: '设备温度过高',
  hardware_failed: '风扇或电源故障',
  latency: '探测时延过高',
  loss: '探测丢包率过高',
};
export const ALERT_STATES = ['pending', 'open', 'closed'] as const;

export const ZMonAlert = z.object({
  id: z.string(),
  /** The device, or null for a probe pair's alert (pairId). */
  deviceId: z.string().nullable(),
  pairId: z.string().nullable(),
  /** The device's (or the probe pair's) name. */
  deviceName: z.string(),
  rule: z.enum(ALERT_RULES),
  /** The interface's ifIndex as text, or '' for the device itself. */
  object: z.string(),
  state: z.enum(ALERT_STATES),
  message: z.string(),
  value: z.number().nullable(),
  since: ZTimestamp,
  openedAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
});
export type TMonAlert = z.infer<typeof ZMonAlert>;
export const ZMonAlertQuery = ZPage.extend({
  deviceId: z.uuid().optional(),
  pairId: z.uuid().optional(),
  state: z.enum(ALERT_STATES).optional(),
  /** Raised in the days [from, to] (China time): the report's alerts per device link here (issue 15). */
  from: ZDayFrom,
  to: ZDayTo,
  /** Only alerts that were raised (open or closed), not those still pending: what a report counts. */
  raised: z.enum(['true']).optional(),
});

/** A threshold's values, as a new one and a change take them (each adds its own optionality and defaults). */
const TH = {
  /** Percent for utilisation and loss (at most 100), ms for latency. */
  value: z.number().min(0).max(600_000),
  minDurationSec: z.number().int().min(0).max(86_400),
  floorValue: z.number().min(0).max(10_000_000),
  baselinePolls: z.number().int().min(3).max(288),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
};
export const ZThreshold = z.object({
  id: z.string(),
  rule: z.enum(ALERT_RULES),
  deviceId: z.string().nullable(),
  ifIndex: z.number().int().nullable(),
  /** A probe pair's own threshold; deviceId and pairId both null: the default of the rule. */
  pairId: z.string().nullable(),
  /** Raise at this value (utilisation, loss: percent; latency: ms; rate_surge: times the baseline); clear below `clearValue` (hysteresis). */
  raiseValue: z.number().nullable(),
  clearValue: z.number().nullable(),
  minDurationSec: z.number().int(),
  /** rate_surge: no surge below this rate (Mbit/s); the baseline is the median of this many polls before. */
  floorValue: z.number().nullable(),
  baselinePolls: z.number().int().nullable(),
  severity: TH.severity,
  enabled: z.boolean(),
  /** What it is for (from deviceId, ifIndex and pairId). */
  target: z.enum(['default', 'device', 'interface', 'pair']),
  /** The device's or the probe pair's name; null for a default. */
  targetName: z.string().nullable(),
  /** The interface's name as last polled, when known. */
  ifName: z.string().nullable(),
});
export type TThreshold = z.infer<typeof ZThreshold>;
/** The rules whose values are percentages (at most 100). */
export const PERCENT_RULES: readonly TAlertRule[] = ['utilisation', 'loss'];
const percentOver = (v: { rule: TAlertRule; raiseValue?: number | undefined; clearValue?: number | undefined }) =>
  PERCENT_RULES.includes(v.rule) && Math.max(v.raiseValue ?? 0, v.clearValue ?? 0) > 100;
/** A threshold of one device (or interface) or of one probe pair (`pairId`, PAIR_ALERT_RULES only). */
export const ZThresholdInput = z
  .object({
    rule: z.enum(ALERT_RULES),
    deviceId: z.uuid().optional(),
    pairId: z.uuid().optional(),
    ifIndex: z.number().int().min(0).max(2_147_483_647).optional(),
    raiseValue: TH.value.optional(),
    clearValue: TH.value.optional(),
    minDurationSec: TH.minDurationSec.default(0),
    floorValue: TH.floorValue.optional(),
    baselinePolls: TH.baselinePolls.optional(),
    severity: TH.severity.default('medium'),
    enabled: z.boolean().default(true),
  })
  .refine((v) => (v.deviceId === undefined) !== (v.pairId === undefined), {
    message: '请指定一台设备或一个探测对（只能选其一）',
    path: ['deviceId'],
  })
  .refine((v) => v.pairId === undefined || v.ifIndex === undefined, { message: '探测对没有接口', path: ['ifIndex'] })
  .superRefine((v, ctx) => {
    const why = ruleMismatch(v.rule, v.pairId !== undefined ? 'pair' : v.ifIndex !== undefined ? 'interface' : 'device');
    if (why) ctx.addIssue({ code: 'custom', message: why, path: ['rule'] });
  })
  .refine((v) => !percentOver(v), { message: '百分比阈值不能超过 100', path: ['raiseValue'] });
export type TThresholdInput = z.input<typeof ZThresholdInput>;

/**
 * A change of a threshold (defaults too): its values, duration, severity and whether it is on. The rule
 * and what it is for never change (delete the override and add another). `null` empties a value (the
 * rule's built-in one applies). Hysteresis and percent are checked against the stored row merged with this.
 */
export const ZThresholdPatch = z
  .object({
    raiseValue: TH.value.nullable().optional(),
    clearValue: TH.value.nullable().optional(),
    minDurationSec: TH.minDurationSec.optional(),
    floorValue: TH.floorValue.nullable().optional(),
    baselinePolls: TH.baselinePolls.nullable().optional(),
    severity: TH.severity.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type TThresholdPatch = z.input<typeof ZThresholdPatch>;
/** The same checks as a new threshold's, on the values a threshold would have: messages by field. */
export function thresholdValueProblems(v: {
  rule: TAlertRule;
  raiseValue: number | null;
  clearValue: number | null;
}): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (v.raiseValue !== null && v.clearValue !== null && v.clearValue > v.raiseValue)
    out.push({ path: 'clearValue', message: '解除值不能高于告警值' });
  if (percentOver({ rule: v.rule, raiseValue: v.raiseValue ?? undefined, clearValue: v.clearValue ?? undefined }))
    out.push({ path: 'raiseValue', message: '百分比阈值不能超过 100' });
  return out;
}

/** The network as LLDP draws it (R-MON-06): registered devices, the neighbours they name, the links. */
export const ZTopologyNode = z.object({
  /** A device's id, or "lldp:<name>" for a neighbour nobody registered. */
  id: z.string(),
  name: z.string(),
  sysName: z.string().nullable(),
  registered: z.boolean(),
  reachable: z.boolean().nullable(),
  snmpState: z.string().nullable(),
  openAlerts: z.number().int(),
});
export const ZTopologyLink = z.object({ source: z.string(), target: z.string(), sourcePort: z.string(), targetPort: z.string() });
export const ZTopology = z.object({ nodes: z.array(ZTopologyNode), links: z.array(ZTopologyLink) });
export type TTopology = z.infer<typeof ZTopology>;

/** An SNMP trap a registered device sent (issue 12 point 3). */
export const ZTrapEvent = z.object({
  id: z.string(),
  receivedAt: ZTimestamp,
  address: z.string(),
  version: z.string(),
  trapOid: z.string(),
  /** linkDown, linkUp, coldStart… or '' for a vendor's own trap. */
  trapName: z.string(),
  ifIndex: z.number().int().nullable(),
  varbinds: z.string(),
});
export type TTrapEvent = z.infer<typeof ZTrapEvent>;

/** A sender that is no registered device, or that sent datagrams that were no SNMP message. */
export const ZTrapSource = z.object({
  address: z.string(),
  unknownTraps: z.number().int(),
  garbage: z.number().int(),
  lastTrapOid: z.string().nullable(),
  firstAt: ZTimestamp,
  lastAt: ZTimestamp,
});
export type TTrapSource = z.infer<typeof ZTrapSource>;
