// Tables of the desk module: tickets (运维单), their SLA clocks, and the SLA policies as data.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1 });

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    serviceLine: text('service_line').notNull(),
    category: text('category').notNull(),
    severity: text('severity').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    reportedAt: ts('reported_at').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('new'),
    requesterName: text('requester_name').notNull().default(''),
    requesterPhone: text('requester_phone').notNull().default(''),
    requesterDepartment: text('requester_department').notNull().default(''),
    siteId: uuid('site_id'),
    roomId: uuid('room_id'),
    assetsText: text('assets_text').notNull().default(''),
    /** The engineer who owns the work now (null: the line's queue). */
    assigneeId: uuid('assignee_id'),
    /** R-SD-05 emergency mode: fix first, the documents are back-filled by docsDueAt. */
    emergency: boolean('emergency').notNull().default(false),
    docsDueAt: ts('docs_due_at'),
    /** Times the agency rejected the fix and the ticket reopened. */
    reopenCount: integer('reopen_count').notNull().default(0),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** A duplicate merged into another ticket: its work and events moved there. */
    mergedIntoId: uuid('merged_into_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('tickets_queue_idx').on(t.serviceLine, t.status, t.reportedAt),
    index('tickets_reported_idx').on(t.reportedAt),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    index('tickets_created_by_idx').on(t.createdBy, t.reportedAt),
    // The working queue (open=true, my work): only tickets neither closed nor merged, newest first.
    index('tickets_open_idx')
      .on(t.serviceLine, t.reportedAt)
      .where(sql`${t.status} NOT IN ('closed', 'merged')`),
    // With the id, the SLA filter's capped count is an index-only walk probing the clocks at risk.
    index('tickets_open_reported_idx')
      .on(t.reportedAt, t.id)
      .where(sql`${t.status} NOT IN ('closed', 'merged')`),
    // The working queue of one line and severity (open SM high, the duty operator's usual view), newest
    // first, and its capped count, without reading the line's other open tickets (docs/performance.md).
    index('tickets_open_line_severity_idx')
      .on(t.serviceLine, t.severity, t.reportedAt)
      .where(sql`${t.status} NOT IN ('closed', 'merged')`),
    // The queue filtered by severity, newest first, and its capped count (docs/performance.md).
    index('tickets_severity_idx').on(t.severity, t.reportedAt),
    // q= (substring of title, number or phone, ILIKE '%…%'): one trigram index per column, so the
    // OR of the three is a BitmapOr instead of a sequential scan (terms of 3+ characters).
    index('tickets_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    index('tickets_number_trgm').using('gin', sql`${t.number} gin_trgm_ops`),
    index('tickets_phone_trgm').using('gin', sql`${t.requesterPhone} gin_trgm_ops`),
  ],
);

// One clock per ticket and target; its events are kept so the state can be recomputed at any time.
export const ticketClocks = pgTable(
  'ticket_clocks',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    target: text('target').notNull(), // callback | onsite | resolve | report
    durationMs: bigint('duration_ms', { mode: 'number' }).notNull(),
    profile: text('profile').notNull(), // 5x9 | 7x24
    events: jsonb('events').notNull().$type<{ at: string; kind: string; reason?: string }[]>(),
    dueAt: ts('due_at'),
    metAt: ts('met_at'),
    state: text('state').notNull(),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    /** Escalation reached: 0 none, 1 warned the engineers (80%), 2 the project manager (100%), 3 the agency contact. */
    escalation: integer('escalation').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.target] }),
    index('ticket_clocks_due_idx').on(t.state, t.dueAt),
    // The SLA job walks the clocks not yet met in key order (reevaluateOpenClocks): a partial index
    // of only those, instead of the whole primary key with a filter on every row.
    index('ticket_clocks_open_idx')
      .on(t.ticketId, t.target)
      .where(sql`state IN ('running', 'paused', 'warning', 'breached')`),
    // The queue's SLA filter (sla=warning|breached|at_risk): the tickets of the clocks at risk, read
    // from the index alone instead of from clocks scattered over the whole table (docs/performance.md).
    index('ticket_clocks_at_risk_idx')
      .on(t.ticketId)
      .where(sql`state IN ('warning', 'breached')`),
  ],
);

// SLA policies as data (issue 3 point 2), seeded from the contract; the agency edits them.
export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceLine: text('service_line').notNull(),
  severity: text('severity').notNull(),
  category: text('category'),
  targets: jsonb('targets').notNull().$type<{ target: string; durationMs: number; profile: string }[]>(),
  sort: integer('sort').notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
});

// R-SD-08: articles filed from resolved tickets. Chinese search is ILIKE '%…%' on a trigram GIN
// index over all the text (used for terms of 3+ characters; shorter terms scan, ARCHITECTURE.md).
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    serviceLine: text('service_line'),
    problem: text('problem').notNull(),
    cause: text('cause').notNull().default(''),
    solution: text('solution').notNull(),
    /** Free labels to browse by (设备型号, 故障现象…), besides the service line. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sourceTicketId: uuid('source_ticket_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('kb_articles_text_trgm').using(
      'gin',
      sql`(${t.title} || ' ' || ${t.problem} || ' ' || ${t.cause} || ' ' || ${t.solution}) gin_trgm_ops`,
    ),
    index('kb_articles_tags_idx').using('gin', t.tags),
    index('kb_articles_source_idx').on(t.sourceTicketId),
  ],
);

// The ticket's timeline: everything that happened, in order, with who did it (shown on the ticket
// page; the audit log keeps the tamper-evident copy).
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    data: jsonb('data'),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

// R-SD-05 fault flow documents: diagnosis report, recovery plan, maintenance report. Each save is
// a new version; the latest version is the document.
export const ticketDocuments = pgTable(
  'ticket_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // diagnosis | plan | report
    version: integer('version').notNull(),
    content: jsonb('content').notNull().$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('ticket_documents_uq').on(t.ticketId, t.kind, t.version)],
);

// R-SD-06 work log: each visit or remote session once; a merge moves the rows, never copies them.
export const ticketWorkLogs = pgTable(
  'ticket_work_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(), // onsite | remote
    engineerId: uuid('engineer_id'),
    engineerName: text('engineer_name').notNull(),
    startAt: ts('start_at').notNull(),
    endAt: ts('end_at').notNull(),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('ticket_work_logs_ticket_idx').on(t.ticketId, t.startAt),
    index('ticket_work_logs_engineer_idx').on(t.engineerId, t.startAt),
  ],
);

// R-SD-07 follow-up (回访): one per closed ticket.
export const ticketFollowups = pgTable(
  'ticket_followups',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull().default('pending'), // pending | done
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    doneByName: text('done_by_name'),
    reachable: boolean('reachable'),
    satisfaction: integer('satisfaction'),
    comment: text('comment').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_followups_status_idx').on(t.status, t.dueAt)],
);

// Comments on a ticket (issue 11 point 11): agency and contractor discuss it; mentions are the
// users told, as named when posted. Never edited; the author may delete within a few minutes.
export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    mentions: jsonb('mentions').notNull().$type<{ id: string; username: string; displayName: string }[]>(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_comments_ticket_idx').on(t.ticketId, t.createdAt)],
);
