// Configuration backup (R-MON-05/06, issue 12): network and security devices reached over SSH, their
// configurations kept as versions that change only when the configuration really does.
import { z } from 'zod';
import { ZPage, ZTimestamp, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

/** The vendor profiles the server knows (modules/configbackup/vendors.ts holds their commands and patterns). */
export const VENDORS = [
  'huawei-vrp',
  'h3c-comware',
  'cisco-ios',
  'ruijie-rgos',
  'hillstone-stoneos',
  'fortinet-fortios',
  'juniper-junos',
] as const;
export type TVendor = (typeof VENDORS)[number];

export const VENDOR_NAMES: Record<TVendor, string> = {
  'huawei-vrp': 'Huawei VRP',
  'h3c-comware': 'H3C Comware',
  'cisco-ios': 'Cisco IOS',
  'ruijie-rgos': 'Ruijie RGOS',
  'hillstone-stoneos': 'Hillstone StoneOS',
  'fortinet-fortios': 'Fortinet FortiOS',
  'juniper-junos': 'Juniper Junos',
};

/**
 * A management address: an IPv4 or IPv6 address, or a host name (RFC 1123 labels). One pattern rather
 * than a union, so no schema-built sample ever names a real address (the hostile-input suite).
 */
export const ADDRESS_RE =
  /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*|(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

/** What the last run of a device ended with. */
export const RUN_STATES = ['running', 'ok', 'failed'] as const;
/** Why a run failed: each shown on the device page in words (web en-US.ts / zh strings). */
export const FAILURE_CODES = [
  'auth_failed',
  'timeout',
  'prompt',
  'hostkey_changed',
  'too_large',
  'command_refused',
  'unreachable',
  'error',
] as const;

export const ZDeviceInput = z
  .object({
    name: text(100),
    address: z.string().trim().min(1).max(253).regex(ADDRESS_RE, '地址应为 IP 地址或主机名'),
    port: z.number().int().min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间').optional(),
    protocol: z.enum(['ssh', 'telnet']),
    vendor: z.enum(VENDORS),
    serviceLine: z.enum(SERVICE_LINE_CODES).default('NET'),
    username: text(100),
    password: z.string().min(1).max(200).optional(),
    privateKey: z.string().min(1).max(20_000).optional(),
    enablePassword: z.string().min(1).max(200).optional(),
  })
  .refine((d) => d.password !== undefined || d.privateKey !== undefined, { message: '请提供密码或私钥', path: ['password'] });
export type TDeviceInput = z.input<typeof ZDeviceInput>;

export const ZDevice = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  port: z.number(),
  protocol: z.enum(['ssh', 'telnet']),
  vendor: z.enum(VENDORS),
  serviceLine: z.string(),
  /** The backup schedule group (configbackup-groups.ts); null: the default nightly schedule. */
  groupId: z.string().nullable(),
  username: z.string(),
  /** Which secrets are stored (never the secrets themselves). */
  hasPassword: z.boolean(),
  hasPrivateKey: z.boolean(),
  hasEnablePassword: z.boolean(),
  hostKey: z.string().nullable(),
  /** A different host key the device offered, refused until accepted (trust on first use). */
  pendingHostKey: z.string().nullable(),
  lastRunAt: ZTimestamp.nullable(),
  lastState: z.enum(RUN_STATES).nullable(),
  lastFailure: z.enum(FAILURE_CODES).nullable(),
  lastSuccessAt: ZTimestamp.nullable(),
  versions: z.number().int(),
  createdAt: ZTimestamp,
});
export type TDevice = z.infer<typeof ZDevice>;

export const ZDeviceQuery = ZPage.extend({ q: z.string().trim().max(100).optional(), groupId: z.uuid().optional() });

export const ZRun = z.object({
  id: z.string(),
  startedAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
  state: z.enum(RUN_STATES),
  failure: z.enum(FAILURE_CODES).nullable(),
  message: z.string(),
  /** The session as the device answered, credentials masked; kept for failures. */
  transcript: z.string().nullable(),
  versionId: z.string().nullable(),
});
export type TRun = z.infer<typeof ZRun>;

export const ZVersion = z.object({ id: z.string(), takenAt: ZTimestamp, sha256: z.string(), lines: z.number().int() });
export type TVersion = z.infer<typeof ZVersion>;
export const ZVersionText = ZVersion.extend({ text: z.string() });

/**
 * Backup runs across devices (issue 15: a report's 备份成功/备份失败 links here): started in the days
 * [from, to] (China time), in a state, of a device.
 */
export const ZRunQuery = ZPage.extend({ from: ZDayFrom, to: ZDayTo, state: z.enum(RUN_STATES).optional(), deviceId: z.uuid().optional() });
export const ZRunRow = ZRun.omit({ transcript: true }).extend({ deviceId: z.string(), deviceName: z.string() });
export type TRunRow = z.infer<typeof ZRunRow>;

/**
 * Configuration changes detected (issue 15: a report's 检测到配置变化 / 无变更单说明 link here): the
 * versions taken in the days [from, to] (China time) that differ from the one before (not a device's
 * first), only those no approved change explains (`unexplained=true`: each raised the alert), of a device.
 */
export const ZChangeQuery = ZPage.extend({
  from: ZDayFrom,
  to: ZDayTo,
  unexplained: z.enum(['true']).optional(),
  deviceId: z.uuid().optional(),
});
export const ZChangeRow = ZVersion.omit({ sha256: true }).extend({
  deviceId: z.string(),
  deviceName: z.string(),
  seq: z.number().int(),
  /** The approved change that explains it; null: none does (an alert was raised). */
  coveredBy: z.string().nullable(),
});
export type TChangeRow = z.infer<typeof ZChangeRow>;

export const ZRunStarted = z.object({ runId: z.string(), state: z.enum(RUN_STATES) });
export const ZVersionParams = z.object({ id: z.uuid(), versionId: z.uuid() });
export const ZDiffParams = z.object({ id: z.uuid(), a: z.uuid(), b: z.uuid() });
export const ZHostKeyAccept = z.object({ fingerprint: z.string().trim().min(1).max(200) });
