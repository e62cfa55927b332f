// Tables of the improve module: improvement requests and where each stands (R-SD-12).
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const improvementRequests = pgTable(
  'improvement_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The running number users quote (GJ-0001), never reused. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    serviceLine: text('service_line').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('proposed'),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull().default(''),
    decisionNote: text('decision_note').notNull().default(''),
    decidedByName: text('decided_by_name').notNull().default(''),
    decidedAt: ts('decided_at'),
    implementationNote: text('implementation_note').notNull().default(''),
    implementedAt: ts('implemented_at'),
    result: text('result'),
    evaluationNote: text('evaluation_note').notNull().default(''),
    evaluatedByName: text('evaluated_by_name').notNull().default(''),
    evaluatedAt: ts('evaluated_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('improvement_requests_status_idx').on(t.status, t.createdAt),
    index('improvement_requests_submitter_idx').on(t.submittedBy),
  ],
);
