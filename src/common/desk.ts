// The service desk (R-SD): tickets and their SLA clocks — request/response schemas shared by
// server and web.
import { z } from 'zod';
import { SLA_TARGETS, SEVERITIES, TICKET_CATEGORIES } from './sla.ts';
import { ZPhone } from './patterns.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';
import { ZDateTime, ZTimestamp, optText, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';

export const CHANNELS = ['hotline', 'web', 'onsite', 'monitoring', 'security'] as const;
/** new → in_progress (arrival or work) → resolved (fixed, awaiting the agency's test) → closed (confirmed); a rejection reopens to in_progress; a duplicate is merged. */
export const TICKET_STATUSES = ['new', 'in_progress', 'resolved', 'closed', 'merged'] as const;
export const STATUS_NAMES = { new: '待处理', in_progress: '处理中', resolved: '待确认', closed: '已关闭', merged: '已合并' } as const;

export const SEVERITY_NAMES = { critical: '紧急', high: '高', medium: '中', low: '低' } as const;

export const ZTicketCreate = z.object({
  serviceLine: z.enum(SERVICE_LINE_CODES),
  category: z.enum(TICKET_CATEGORIES),
  severity: z.enum(SEVERITIES),
  title: text(200),
  description: optText(8000).default(''),
  /** When the call came in: defaults to now; earlier for a call logged afterwards or an import. */
  reportedAt: ZDateTime.optional(),
  channel: z.enum(CHANNELS).default('web'),
  requesterName: optText(60).default(''),
  requesterPhone: ZPhone.default(''),
  requesterDepartment: optText(100).default(''),
  siteId: z.uuid().nullable().default(null),
  roomId: z.uuid().nullable().default(null),
  assetsText: optText(2000).default(''),
});
export type TTicketCreate = z.input<typeof ZTicketCreate>;

export const ZSla = z.object({
  target: z.enum(SLA_TARGETS),
  dueAt: ZTimestamp.nullable(),
  metAt: ZTimestamp.nullable(),
  state: z.enum(['running', 'paused', 'warning', 'breached', 'met', 'met_late']),
  pausedMs: z.number(),
  remainingMs: z.number(),
  percent: z.number(),
  profile: z.enum(['5x9', '7x24']),
  /** The target's length in business time under `profile`. */
  durationMs: z.number(),
  /** Paused now (a breached clock may be paused too). */
  paused: z.boolean(),
  pauseReason: z.string().nullable(),
});
export type TSla = z.infer<typeof ZSla>;

export const ZTicket = z.object({
  id: z.string(),
  number: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES),
  category: z.enum(TICKET_CATEGORIES),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  description: z.string(),
  reportedAt: ZTimestamp,
  channel: z.enum(CHANNELS),
  status: z.enum(TICKET_STATUSES),
  requesterName: z.string(),
  requesterPhone: z.string(),
  requesterDepartment: z.string(),
  siteId: z.string().nullable(),
  roomId: z.string().nullable(),
  assetsText: z.string(),
  assigneeId: z.string().nullable(),
  emergency: z.boolean(),
  docsDueAt: ZTimestamp.nullable(),
  reopenCount: z.number(),
  resolvedAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  mergedIntoId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  slas: z.array(ZSla),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketQuery = z.object({
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  q: z.string().trim().max(100).optional(),
  /** 'me' or a user id: the engineer who owns the work. */
  assignee: z.union([z.literal('me'), z.uuid()]).optional(),
  /** "My work": assigned to me or filed by me. */
  mine: z.stringbool().optional(),
  /** Only tickets still open (not closed or merged). */
  open: z.stringbool().optional(),
  /** Only tickets with an SLA clock in this state (at_risk = warning or breached). */
  sla: z.enum(['warning', 'breached', 'at_risk']).optional(),
  /** Reported on these days (China time, inclusive): a report's period. */
  from: ZDayFrom,
  to: ZDayTo,
  /** false: leave out duplicates merged into another ticket (a report counts each piece of work once). */
  merged: z.stringbool().optional(),
  /** Only tickets with this SLA clock (a report's SLA table), optionally in a state and due on these days. */
  clock: z.enum(SLA_TARGETS).optional(),
  clockState: z.enum(['met', 'met_late', 'breached']).optional(),
  dueFrom: ZDayFrom,
  dueTo: ZDayTo,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TTicketQuery = z.output<typeof ZTicketQuery>;

/**
 * A page of the queue. `total` counts at most 10,000 tickets (or just past the page asked for);
 * `totalCapped` says there are more than `total` (show "10,000+").
 */
export const ZTicketList = z.object({ items: z.array(ZTicket), total: z.number().int(), totalCapped: z.boolean().optional() });
export type TTicketList = z.infer<typeof ZTicketList>;

/** The SLA risk board: open clocks, the nearest breach first. */
export const ZRiskQuery = z.object({
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  target: z.enum(SLA_TARGETS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZRiskItem = z.object({
  ticketId: z.string(),
  number: z.string(),
  title: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES),
  severity: z.enum(SEVERITIES),
  status: z.enum(TICKET_STATUSES),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  sla: ZSla,
});
export type TRiskItem = z.infer<typeof ZRiskItem>;
export const ZRiskSummary = z.object({
  items: z.array(ZRiskItem),
  total: z.number(),
  counts: z.array(z.object({ serviceLine: z.string(), state: z.string(), n: z.number() })),
});

/** An engineer or project manager who may take a ticket of its service line. */
export const ZAssigneeCandidate = z.object({
  id: z.string(),
  displayName: z.string(),
  username: z.string(),
  phone: z.string(),
  role: z.string(),
});
export type TAssigneeCandidate = z.infer<typeof ZAssigneeCandidate>;

/** What happened on a ticket that moves its clocks (R-SD-02..04; R-CON-09 force majeure is a pause). */
export const ZTicketEvent = z.object({
  kind: z.enum(['callback', 'arrive', 'resolve', 'report', 'pause', 'resume']),
  reason: optText(500).optional(),
  at: ZDateTime.optional(),
});
export type TTicketEvent = z.infer<typeof ZTicketEvent>;

// Knowledge base (R-SD-08): problem / cause / solution, found again by Chinese substring search.
export const ZKbInput = z.object({
  title: text(200),
  serviceLine: z.enum(SERVICE_LINE_CODES).nullable().default(null),
  problem: text(8000),
  cause: optText(8000).default(''),
  solution: text(8000),
  /** Labels to browse by; each a short phrase, without commas or spaces at the ends. */
  tags: z
    .array(text(20).regex(/^[^,，;；]+$/, '标签不能含逗号或分号'))
    .max(10)
    .transform((l) => [...new Set(l)])
    .default([]),
  sourceTicketId: z.uuid().nullable().default(null),
});
export const ZKbArticle = z.object({
  id: z.string(),
  title: z.string(),
  serviceLine: z.string().nullable(),
  problem: z.string(),
  cause: z.string(),
  solution: z.string(),
  tags: z.array(z.string()),
  sourceTicketId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  score: z.number().optional(),
});
export type TKbArticle = z.infer<typeof ZKbArticle>;
export const ZKbQuery = z.object({
  q: z.string().trim().max(100).optional(),
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  tag: z.string().trim().max(20).optional(),
  /** Articles filed from this ticket. */
  sourceTicketId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** What there is to browse: articles per service line and per tag (the most used tags first). */
export const ZKbFacets = z.object({
  total: z.number().int(),
  lines: z.array(z.object({ code: z.string(), count: z.number().int() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type TKbFacets = z.infer<typeof ZKbFacets>;
