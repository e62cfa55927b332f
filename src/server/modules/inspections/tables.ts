// Tables of the inspections module (issue 14 points 1–2, R-INS-01..03): templates as data, the sheets
// generated from them with one entry per device and item (the prefill of the last opening kept on the
// sheet), and the plans the agency approves, each version kept.
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TItem } from '../../../common/inspections.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const insTemplates = pgTable('ins_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  serviceLine: text('service_line').notNull(),
  deviceKinds: jsonb('device_kinds').notNull().$type<string[]>(),
  schedule: text('schedule').notNull(),
  items: jsonb('items').notNull().$type<TItem[]>(),
  active: boolean('active').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export interface PrefillRow {
  value: string | null;
  source: string;
  note: string;
}

export const insSheets = pgTable(
  'ins_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => insTemplates.id),
    templateName: text('template_name').notNull(),
    serviceLine: text('service_line').notNull(),
    schedule: text('schedule').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    dueAt: ts('due_at').notNull(),
    state: text('state').notNull(),
    assigneeId: uuid('assignee_id'),
    assigneeName: text('assignee_name').notNull(),
    signedByName: text('signed_by_name'),
    submittedAt: ts('submitted_at'),
    lateReason: text('late_reason'),
    escalatedAt: ts('escalated_at'),
    /** The values read from monitoring and configuration backup when the sheet last opened, by `assetId|source`. */
    prefill: jsonb('prefill').notNull().$type<Record<string, PrefillRow>>(),
    prefilledAt: ts('prefilled_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ins_sheets_period_uq').on(t.templateId, t.periodStart),
    index('ins_sheets_line_idx').on(t.serviceLine, t.periodStart),
    index('ins_sheets_state_idx').on(t.state, t.dueAt),
  ],
);

export const insEntries = pgTable(
  'ins_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => insSheets.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    /** An assets-module asset id; null for a system-wide item. */
    assetId: uuid('asset_id'),
    assetNumber: text('asset_number').notNull(),
    assetName: text('asset_name').notNull(),
    itemKey: text('item_key').notNull(),
    label: text('label').notNull(),
    kind: text('kind').notNull(),
    unit: text('unit').notNull(),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    evidence: text('evidence').notNull(),
    prefillSource: text('prefill_source'),
    value: text('value'),
    note: text('note').notNull().default(''),
    output: text('output').notNull().default(''),
    photoId: uuid('photo_id'),
    ticketId: uuid('ticket_id'),
    ticketNumber: text('ticket_number'),
    filledByName: text('filled_by_name'),
    filledAt: ts('filled_at'),
  },
  (t) => [index('ins_entries_sheet_idx').on(t.sheetId, t.ord)],
);

export interface PlanVersionRow {
  version: number;
  body: string;
  submittedByName: string;
  submittedAt: string;
  decision: 'approved' | 'returned' | null;
  comment: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
}

export const insPlans = pgTable('ins_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  year: integer('year').notNull(),
  quarter: integer('quarter'),
  title: text('title').notNull(),
  state: text('state').notNull(),
  versions: jsonb('versions').notNull().$type<PlanVersionRow[]>(),
  updatedAt: ts('updated_at').notNull(),
});
