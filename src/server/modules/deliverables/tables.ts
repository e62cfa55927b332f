// Tables of the deliverables module (issue 15 points 2–3, R-RPT-02/03): the quarterly service summaries
// the agency reviews (each submission a kept version), the thread under an objection, and the leader
// support requests with their deliveries. Files live in the kernel's files store.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One quarter's written summary (第六条3): its state is the latest version's. */
export const dlvQuarterlies = pgTable(
  'dlv_quarterlies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `YYYY-Qn`, one summary per quarter. */
    quarter: text('quarter').notNull(),
    /** submitted | objected | approved */
    state: text('state').notNull(),
    /** agency | silence, once approved */
    approvedHow: text('approved_how'),
    version: integer('version').notNull(),
    /** The latest version's review deadline (end of its last day, China time). */
    dueAt: ts('due_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('dlv_quarterlies_quarter_uq').on(t.quarter), index('dlv_quarterlies_due_idx').on(t.state, t.dueAt)],
);

/** Every submission of a summary, kept with the agency's answer to it. */
export const dlvQuarterlyVersions = pgTable(
  'dlv_quarterly_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quarterlyId: uuid('quarterly_id')
      .notNull()
      .references(() => dlvQuarterlies.id),
    version: integer('version').notNull(),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    reportRef: text('report_ref'),
    note: text('note'),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    /** The last day of the 15-day review (China date) and the instant it ends. */
    dueDate: text('due_date').notNull(),
    dueAt: ts('due_at').notNull(),
    /** approved | objected | silence */
    decision: text('decision'),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('dlv_quarterly_versions_uq').on(t.quarterlyId, t.version)],
);

/** Comments of both sides: the thread an objection opens (quarterly) or a request's discussion (leader). */
export const dlvComments = pgTable(
  'dlv_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: comments written in the same instant keep it. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    /** quarterly | leader */
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    version: integer('version').notNull(),
    /** agency | contractor */
    side: text('side').notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('dlv_comments_object_idx').on(t.objectType, t.objectId, t.at)],
);

export interface DeliveryRecord {
  round: number;
  note: string;
  fileIds: string[];
  deliveredByName: string;
  deliveredAt: string;
  decision: 'accepted' | 'again' | null;
  comment: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

/** Leader support (附件一 6, R-RPT-03): data tables and network reports the agency asks for ad hoc. */
export const dlvRequests = pgTable(
  'dlv_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    dueDate: text('due_date').notNull(),
    requester: text('requester').notNull(),
    /** open | assigned | delivered | accepted */
    state: text('state').notNull(),
    assigneeId: uuid('assignee_id'),
    assigneeName: text('assignee_name'),
    deliveries: jsonb('deliveries').notNull().$type<DeliveryRecord[]>(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    overdueNotifiedAt: ts('overdue_notified_at'),
  },
  (t) => [index('dlv_requests_state_due_idx').on(t.state, t.dueDate)],
);
