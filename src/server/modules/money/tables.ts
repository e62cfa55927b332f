// Tables of the contract's money (R-CON-11): the payments due and made under a contract, with the
// invoice and the reports each rests on. Sums are numeric(14,2) read as strings, never floats.
import { boolean, date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contracts } from '../contract/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const contractPayments = pgTable(
  'contract_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'string' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    invoiceNumber: text('invoice_number').notNull().default(''),
    // 第四条1: the monthly, quarterly and annual reports the payment rests on (free text for now).
    reportBasis: text('report_basis').notNull().default(''),
    // 第四条2(3): the delay is due to fiscal funds not yet allocated, so no late-payment penalty.
    fiscalDelay: boolean('fiscal_delay').notNull().default(false),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contract_payments_contract_idx').on(t.contractId, t.dueDate)],
);
