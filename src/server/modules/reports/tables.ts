// Tables of the reports module (issue 15 point 1, R-RPT-01): one report per kind and period, and every
// version generated for it, with the sections computed from the evidence and the narrative people wrote.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TSection } from '../../../common/reports.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const rptReports = pgTable(
  'rpt_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    /** The period's first and last day, China time, inclusive. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    versions: integer('versions').notNull(),
    latestAt: ts('latest_at').notNull(),
    latestByName: text('latest_by_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('rpt_reports_period_uq').on(t.kind, t.periodStart), index('rpt_reports_start_idx').on(t.periodStart)],
);

export const rptVersions = pgTable(
  'rpt_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => rptReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sections: jsonb('sections').notNull().$type<TSection[]>(),
    narrative: jsonb('narrative').notNull().$type<Record<string, string>>(),
    generatedBy: uuid('generated_by'),
    generatedByName: text('generated_by_name').notNull(),
    generatedAt: ts('generated_at').notNull(),
    narrativeByName: text('narrative_by_name'),
    narrativeAt: ts('narrative_at'),
  },
  (t) => [uniqueIndex('rpt_versions_uq').on(t.reportId, t.version)],
);
