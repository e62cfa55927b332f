// Security events (issue 13 points 1–2, R-SEC-01/02): what the syslog receiver stored after parsing,
// normalising and merging, the registered sources with their character sets, and the senders that
// are not registered.
import { z } from 'zod';
import { ZDateTime, ZPage, ZTimestamp, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';

/** One scale for every vendor (syslog 0–7, CEF 0–10 and vendor words map onto it). */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type TSeverity = (typeof SEVERITIES)[number];
/** Character sets a source may declare; without one, invalid UTF-8 is read as GB18030. */
export const CHARSETS = ['utf-8', 'gbk', 'gb18030'] as const;
/** Vendors with a parser (vendors/*.ts); 'generic' is key=value or CEF of anyone. */
export const EVENT_VENDORS = ['huawei', 'h3c', 'hillstone', 'sangfor', 'fortinet', 'generic'] as const;

export const ZEvent = z.object({
  id: z.string(),
  receivedAt: ZTimestamp,
  occurredAt: ZTimestamp.nullable(),
  host: z.string(),
  vendor: z.string(),
  product: z.string(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  srcIp: z.string().nullable(),
  dstIp: z.string().nullable(),
  message: z.string(),
  count: z.number().int(),
});
export type TEvent = z.infer<typeof ZEvent>;

const ZEventFilters = z.object({
  /** A substring of the message (Chinese included). */
  q: z.string().trim().max(100).optional(),
  host: z.string().trim().max(253).optional(),
  severity: z.enum(SEVERITIES).optional(),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
});
export const ZEventQuery = ZPage.extend(ZEventFilters.shape);
/** The alert queue: a report's numbers link here with a severity and the days alerts were first raised (issue 15). */
export const ZAlertQuery = ZPage.extend({ severity: z.enum(SEVERITIES).optional(), from: ZDayFrom, to: ZDayTo });
export type TEventQuery = z.input<typeof ZEventQuery>;
/** The chart's query: the list's filters without the page. */
export const ZEventStatsQuery = ZEventFilters;

/** Events (merged counts summed) per time bucket and severity, for the chart. */
export const ZEventStats = z.object({
  bucketSec: z.number().int(),
  points: z.array(
    z.object({
      at: ZTimestamp,
      critical: z.number().int(),
      high: z.number().int(),
      medium: z.number().int(),
      low: z.number().int(),
      info: z.number().int(),
    }),
  ),
});
export type TEventStats = z.infer<typeof ZEventStats>;

const ADDRESS = z
  .string()
  .trim()
  .min(1)
  .max(45)
  .regex(/^[0-9a-fA-F.:]+$/, '地址应为 IP 地址');

export const ZEventSourceInput = z.object({
  name: text(100),
  address: ADDRESS,
  vendor: z.enum(EVENT_VENDORS).default('generic'),
  /** Absent: UTF-8, and bytes that are not valid UTF-8 read as GB18030. */
  charset: z.enum(CHARSETS).nullable().default(null),
});
export type TEventSourceInput = z.input<typeof ZEventSourceInput>;

export const ZEventSource = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  vendor: z.string(),
  charset: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TEventSource = z.infer<typeof ZEventSource>;

export const ZUnknownSource = z.object({
  address: z.string(),
  count: z.number().int(),
  firstSeen: ZTimestamp,
  lastSeen: ZTimestamp,
  lastHost: z.string().nullable(),
});
export type TUnknownSource = z.infer<typeof ZUnknownSource>;

/** Fields a filter rule may test (issue 13 point 2), all of the normalised event. */
export const FILTER_FIELDS = [
  'host',
  'source',
  'vendor',
  'category',
  'severity',
  'srcIp',
  'dstIp',
  'user',
  'action',
  'rule',
  'message',
] as const;

export const ZEventFilterInput = z.object({
  /** drop: not stored; keep: stored, and later rules are not asked. */
  action: z.enum(['drop', 'keep']),
  field: z.enum(FILTER_FIELDS),
  /** eq: the whole value (case-insensitive); contains: a substring (Chinese included). */
  op: z.enum(['eq', 'contains']),
  value: text(200),
  note: text(200).nullable().default(null),
});
export type TEventFilterInput = z.input<typeof ZEventFilterInput>;

export const ZEventFilter = ZEventFilterInput.extend({ id: z.string(), note: z.string().nullable(), createdAt: ZTimestamp });
export type TEventFilter = z.infer<typeof ZEventFilter>;

/** The receiver's counters since its start on each collector node (dropped, cut, filtered, noise). */
export const ZReceiverStatus = z.object({
  nodes: z.array(z.object({ node: z.string(), state: z.string(), counters: z.record(z.string(), z.number()) })),
});
export type TReceiverStatus = z.infer<typeof ZReceiverStatus>;

/** A correlation rule (issue 13 point 3): Sigma-style YAML, versioned; hits become alerts. */
export const ZEventRuleInput = z.object({
  yaml: z.string().min(1).max(20_000),
  enabled: z.boolean().default(false),
});
export type TEventRuleInput = z.input<typeof ZEventRuleInput>;

export const ZEventRule = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(SEVERITIES),
  yaml: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: ZTimestamp,
});
export type TEventRule = z.infer<typeof ZEventRule>;

/** A rule tried on stored events (before it is enabled): what it would have raised. */
export const ZRuleTest = z.object({
  yaml: z.string().min(1).max(20_000),
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
});
export const ZRuleHit = z.object({ key: z.string(), count: z.number().int(), firstAt: ZTimestamp, lastAt: ZTimestamp, sample: z.string() });
export type TRuleHit = z.infer<typeof ZRuleHit>;

export const ZEventAlert = z.object({
  id: z.string(),
  ruleId: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  key: z.string(),
  hits: z.number().int(),
  firstAt: ZTimestamp,
  lastAt: ZTimestamp,
  sample: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
});
export type TEventAlert = z.infer<typeof ZEventAlert>;
