// Tables of the changes module (issue 12 point 1, R-CHG-01..06): change requests with their approval
// steps, devices (with the configuration versions before and after) and timeline; the approval rules
// and standard templates as data; third-party access; documents for the agency's review.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Standard-change templates: approved once by the agency, then changes from them need no approval. */
export const chgTemplates = pgTable('chg_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  risk: text('risk').notNull(),
  steps: text('steps').notNull(),
  rollback: text('rollback').notNull(),
  approved: boolean('approved').notNull().default(false),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  approvedAt: ts('approved_at'),
  createdAt: ts('created_at').notNull(),
});

/** The approval steps as data: a change of `changeType` whose risk is at least `minRisk` needs `role` at `step`. */
export const chgApprovalRules = pgTable('chg_approval_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  changeType: text('change_type').notNull(),
  step: integer('step').notNull(),
  role: text('role').notNull(),
  minRisk: text('min_risk').notNull(),
});

export interface ApprovalStepRow {
  step: number;
  role: string;
  status: 'pending' | 'approved' | 'rejected' | 'returned';
  by: string | null;
  byName: string | null;
  at: string | null;
  comment: string | null;
}

export const chgChanges = pgTable(
  'chg_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    templateId: uuid('template_id').references(() => chgTemplates.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    risk: text('risk').notNull(),
    reason: text('reason').notNull(),
    basis: text('basis').notNull(),
    basisText: text('basis_text').notNull().default(''),
    systems: text('systems').notNull().default(''),
    plannedStart: ts('planned_start').notNull(),
    plannedEnd: ts('planned_end').notNull(),
    steps: text('steps').notNull(),
    rollback: text('rollback').notNull(),
    state: text('state').notNull(),
    approvals: jsonb('approvals').notNull().$type<ApprovalStepRow[]>(),
    approvalDueAt: ts('approval_due_at'),
    overdueNotifiedAt: ts('overdue_notified_at'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    confirmedBy: uuid('confirmed_by'),
    confirmedByName: text('confirmed_by_name'),
    confirmedAt: ts('confirmed_at'),
  },
  (t) => [index('chg_changes_state_idx').on(t.state, t.createdAt), index('chg_changes_window_idx').on(t.plannedStart, t.plannedEnd)],
);

/** The configuration-backup devices a change touches, with the versions taken before and after. */
export const chgChangeDevices = pgTable(
  'chg_change_devices',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => chgChanges.id, { onDelete: 'cascade' }),
    /** A configbackup device id (that module's own; read through its api.ts). */
    deviceId: uuid('device_id').notNull(),
    name: text('name').notNull(),
    beforeVersionId: uuid('before_version_id'),
    afterVersionId: uuid('after_version_id'),
    beforeError: text('before_error'),
    afterError: text('after_error'),
  },
  (t) => [primaryKey({ columns: [t.changeId, t.deviceId] }), index('chg_change_devices_device_idx').on(t.deviceId)],
);

/** Every transition of a change, with who and why (the timeline; the audit log has the same). */
export const chgEvents = pgTable(
  'chg_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    changeId: uuid('change_id')
      .notNull()
      .references(() => chgChanges.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorName: text('actor_name').notNull(),
    comment: text('comment'),
  },
  (t) => [index('chg_events_change_idx').on(t.changeId, t.seq)],
);

/** R-CHG-04: a vendor engineer's visit or remote session, approved and time-boxed. */
export const chgAccess = pgTable('chg_access', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: integer('seq').generatedAlwaysAsIdentity(),
  person: text('person').notNull(),
  company: text('company').notNull(),
  mode: text('mode').notNull(),
  purpose: text('purpose').notNull(),
  devices: text('devices').notNull(),
  startAt: ts('start_at').notNull(),
  endAt: ts('end_at').notNull(),
  state: text('state').notNull(),
  requestedBy: uuid('requested_by'),
  requestedByName: text('requested_by_name').notNull(),
  decidedByName: text('decided_by_name'),
  decidedAt: ts('decided_at'),
  comment: text('comment'),
  logs: jsonb('logs').notNull().$type<{ at: string; byName: string; text: string }[]>(),
  createdAt: ts('created_at').notNull(),
});

/** R-CHG-06: the annual plan, rules and work specifications, each version reviewed by the agency. */
export const chgReviews = pgTable('chg_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  state: text('state').notNull(),
  versions: jsonb('versions').notNull().$type<
    {
      version: number;
      body: string;
      submittedByName: string;
      submittedAt: string;
      decision: 'approved' | 'returned' | null;
      comment: string | null;
      decidedByName: string | null;
      decidedAt: string | null;
    }[]
  >(),
  updatedAt: ts('updated_at').notNull(),
});
