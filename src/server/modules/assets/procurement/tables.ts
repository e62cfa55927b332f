// Tables of procurement consulting (R-AST-07).
import { date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

// R-AST-07 procurement consulting: inquiries with several quotes, purchase requests, receipt.
export const procurements = pgTable(
  'procurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** What is needed: class, quantity, function requirements. */
    needs: text('needs').notNull().default(''),
    classCode: text('class_code'),
    quantity: integer('quantity').notNull().default(1),
    status: text('status').notNull().default('inquiry'), // inquiry | requested | approved | rejected | received | cancelled
    chosenQuoteId: uuid('chosen_quote_id'),
    requestedBy: uuid('requested_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment').notNull().default(''),
    receivedAt: ts('received_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('procurements_status_idx').on(t.status, t.createdAt)],
);

export const procurementQuotes = pgTable(
  'procurement_quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procurementId: uuid('procurement_id')
      .notNull()
      .references(() => procurements.id, { onDelete: 'cascade' }),
    vendor: text('vendor').notNull(),
    model: text('model').notNull().default(''),
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    /** Function / fit notes and a 1–5 score, compared side by side. */
    functionNotes: text('function_notes').notNull().default(''),
    fitScore: integer('fit_score'),
    validUntil: day('valid_until'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('procurement_quotes_proc_idx').on(t.procurementId)],
);
