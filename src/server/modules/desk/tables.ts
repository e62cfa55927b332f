// Tables of the desk module: tickets (运维单), their SLA clocks, and the SLA policies as data.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('tickets_queue_idx').on(t.serviceLine, t.status, t.reportedAt), index('tickets_reported_idx').on(t.reportedAt)],
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
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.target] }), index('ticket_clocks_due_idx').on(t.state, t.dueAt)],
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
    sourceTicketId: uuid('source_ticket_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('kb_articles_text_trgm').using('gin', sql`(${t.title} || ' ' || ${t.problem} || ' ' || ${t.cause} || ' ' || ${t.solution}) gin_trgm_ops`)],
);
