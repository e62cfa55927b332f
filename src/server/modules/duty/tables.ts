// Tables of the duty module (issue 14 point 4, R-DUT-01): rosters (the working copy) and their
// published versions (what "who is on duty" reads), overrides, handovers, attendance, calendar links.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TGap, TLayerSpec } from '../../../common/duty.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const dutyRosters = pgTable(
  'duty_rosters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    name: text('name').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    layers: jsonb('layers').notNull().$type<TLayerSpec[]>(),
    state: text('state').notNull().default('draft'),
    version: integer('version').notNull().default(0),
    publishedAt: ts('published_at'),
    publishedByName: text('published_by_name'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('duty_rosters_line_idx').on(t.line, t.periodStart)],
);

/** Each publication of a roster, kept: the latest covering a date is in force. */
export const dutyRosterVersions = pgTable(
  'duty_roster_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rosterId: uuid('roster_id')
      .notNull()
      .references(() => dutyRosters.id),
    version: integer('version').notNull(),
    line: text('line').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    layers: jsonb('layers').notNull().$type<TLayerSpec[]>(),
    /** The uncovered hours acknowledged at publication. */
    gaps: jsonb('gaps').notNull().$type<TGap[]>(),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [
    uniqueIndex('duty_roster_versions_uq').on(t.rosterId, t.version),
    index('duty_roster_versions_line_idx').on(t.line, t.periodStart, t.periodEnd),
  ],
);

export const dutyOverrides = pgTable(
  'duty_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    layer: text('layer').notNull(),
    fromUserId: uuid('from_user_id'),
    fromName: text('from_name'),
    toUserId: uuid('to_user_id').notNull(),
    toName: text('to_name').notNull(),
    start: ts('start_at').notNull(),
    end: ts('end_at').notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull(),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: ts('decided_at'),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('duty_overrides_line_idx').on(t.line, t.start, t.end)],
);

export const dutyHandovers = pgTable(
  'duty_handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    fromUserId: uuid('from_user_id'),
    fromName: text('from_name').notNull(),
    toUserId: uuid('to_user_id').notNull(),
    toName: text('to_name').notNull(),
    notes: text('notes').notNull(),
    createdAt: ts('created_at').notNull(),
    ackAt: ts('ack_at'),
  },
  (t) => [index('duty_handovers_line_idx').on(t.line, t.createdAt)],
);

export const dutyAttendance = pgTable(
  'duty_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    checkInAt: ts('check_in_at').notNull(),
    checkOutAt: ts('check_out_at'),
    /** Whether the roster had the person on the resident layer at check-in. */
    onRoster: boolean('on_roster').notNull(),
  },
  (t) => [index('duty_attendance_user_idx').on(t.userId, t.checkInAt)],
);

/** One calendar link per user: only the hash of its token is kept. */
export const dutyIcsTokens = pgTable('duty_ics_tokens', {
  userId: uuid('user_id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: ts('created_at').notNull(),
});

/** R-DUT-02: each submission of the duty rules or the emergency procedure, numbered per kind. */
export const dutyDocs = pgTable(
  'duty_docs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    state: text('state').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: ts('reviewed_at'),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('duty_docs_kind_version_uq').on(t.kind, t.version)],
);

/** Emergency drills (R-DUT-03): planned with a scenario and participants, then held with a timeline, findings and follow-ups. */
export const dutyDrills = pgTable(
  'duty_drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    title: text('title').notNull(),
    scenario: text('scenario').notNull(),
    plannedAt: ts('planned_at').notNull(),
    participants: jsonb('participants').notNull().$type<string[]>(),
    state: text('state').notNull(),
    heldStart: ts('held_start'),
    heldEnd: ts('held_end'),
    timeline: jsonb('timeline').notNull().$type<{ at: string; text: string }[]>().default([]),
    findings: text('findings'),
    followUps: jsonb('follow_ups').notNull().$type<{ text: string; owner: string; due: string | null }[]>().default([]),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('duty_drills_planned_idx').on(t.plannedAt)],
);

/** Real emergencies measured (R-DUT-03): from the alert to the first response and to recovery. */
export const dutyEmergencies = pgTable(
  'duty_emergencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    line: text('line').notNull(),
    title: text('title').notNull(),
    ticketId: uuid('ticket_id'),
    ticketNumber: text('ticket_number'),
    // With a desk ticket the times are the ticket's own (read when shown, issue 14 R-DUT-03), and
    // alertAt is a copy of its report time for the period filters; without one, typed (the fallback).
    alertAt: ts('alert_at').notNull(),
    responseAt: ts('response_at'),
    dispatchedAt: ts('dispatched_at'),
    recoveredAt: ts('recovered_at'),
    dispatch: text('dispatch').notNull().default(''),
    measures: text('measures').notNull().default(''),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('duty_emergencies_alert_idx').on(t.alertAt)],
);
