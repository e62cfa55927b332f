// Tables of the assessment module (issue 15 point 4, R-QA-01..04): the contract's criteria as data, one
// assessment per month with a score per criterion, and the remedies (整改) a failed month opens.
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** 附件一 x.3: one row per criterion, seeded from the contract at every start (criteria.ts). */
export const qaCriteria = pgTable('qa_criteria', {
  /** `NET-3-2`: line, item, criterion number. */
  id: text('id').primaryKey(),
  line: text('line').notNull(),
  item: integer('item').notNull(),
  itemTitle: text('item_title').notNull(),
  no: integer('no').notNull(),
  text: text('text').notNull(),
  maxPoints: integer('max_points').notNull(),
  measure: text('measure').notNull(),
  target: text('target').notNull(),
  /** The evidence provider that measures it; null: scored by the agency alone (人工评分). */
  evidenceId: text('evidence_id'),
  sort: integer('sort').notNull(),
});

export interface Measured {
  /** What the evidence says, as a person reads it ("98.5%（197/200）"). */
  display: string;
  value: number | null;
  /** Where to see the records counted (a web path). */
  link: string | null;
}

export const qaMonths = pgTable('qa_months', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** `YYYY-MM`, China time. */
  month: text('month').notNull().unique(),
  state: text('state').notNull().default('draft'),
  /** pass / fail, set when signed. */
  result: text('result'),
  /** Per line: points, max, rate (0..1) at signing. */
  lineRates: jsonb('line_rates').$type<Record<string, { points: number; max: number; rate: number }>>(),
  signedBy: uuid('signed_by'),
  signedByName: text('signed_by_name').notNull().default(''),
  signedAt: ts('signed_at'),
  /** The deduction proposal (第六条2), a decimal string in yuan. */
  deductionAmount: text('deduction_amount'),
  deductionBasis: text('deduction_basis').notNull().default(''),
  /** Second failed month in a row (第十二条2): the cure clock runs from the agency's written notice. */
  cureRequired: boolean('cure_required').notNull().default(false),
  noticeDate: day('notice_date'),
  cureDue: day('cure_due'),
  curedOn: day('cured_on'),
  cureNote: text('cure_note').notNull().default(''),
  incidentDate: day('incident_date'),
  incidentNote: text('incident_note').notNull().default(''),
  /** uncured_breach / security_incident: the agency's termination right (第十二条2). */
  terminationRight: text('termination_right'),
  terminationFlaggedAt: ts('termination_flagged_at'),
  createdByName: text('created_by_name').notNull().default(''),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const qaScores = pgTable(
  'qa_scores',
  {
    monthId: uuid('month_id')
      .notNull()
      .references(() => qaMonths.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id')
      .notNull()
      .references(() => qaCriteria.id),
    measured: jsonb('measured').$type<Measured>(),
    /** pass / fail suggested from the evidence; null without evidence or target. */
    suggested: text('suggested'),
    score: integer('score'),
    comment: text('comment').notNull().default(''),
    scoredByName: text('scored_by_name').notNull().default(''),
    scoredAt: ts('scored_at'),
  },
  (t) => [primaryKey({ columns: [t.monthId, t.criterionId] })],
);

export const qaRemedies = pgTable(
  'qa_remedies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    monthId: uuid('month_id')
      .notNull()
      .references(() => qaMonths.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    item: text('item').notNull(),
    owner: text('owner').notNull(),
    dueDate: day('due_date').notNull(),
    evidence: text('evidence').notNull().default(''),
    doneAt: ts('done_at'),
    doneByName: text('done_by_name').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('qa_remedies_month_idx').on(t.monthId), index('qa_remedies_due_idx').on(t.dueDate)],
);
