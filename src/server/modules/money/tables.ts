// Tables of the contract's money (R-CON-11): the payments due and made under a contract, with the
// invoice and the reports each rests on. Sums are numeric(14,2) read as strings, never floats.
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contracts } from '../contract/tables.ts';
import { rptVersions } from '../reports/tables.ts';

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
    // 第四条1: the reports the payment rests on, as free text: payments recorded before they were linked
    // by reference (contract_payment_reports); kept read-only so those rows still say what they rested on.
    reportBasis: text('report_basis').notNull().default(''),
    // 第四条2(3): the delay is due to fiscal funds not yet allocated, so no late-payment penalty.
    fiscalDelay: boolean('fiscal_delay').notNull().default(false),
    note: text('note').notNull().default(''),
    invoiceFileId: uuid('invoice_file_id'),
    invoiceFileName: text('invoice_file_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('contract_payments_contract_idx').on(t.contractId, t.dueDate)],
);

/**
 * 第四条1: the monthly, quarterly and annual report versions a payment rests on, by reference to the
 * reports module's stored versions (a version cited by a payment cannot be deleted).
 */
export const contractPaymentReports = pgTable(
  'contract_payment_reports',
  {
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => contractPayments.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => rptVersions.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentId, t.versionId] }), index('contract_payment_reports_version_idx').on(t.versionId)],
);

/** The invoice file of a payment is a kernel file (files.object_type = 'contract_payment'); its id is kept here. */
export const PAYMENT_OBJECT = 'contract_payment';

/**
 * Force majeure (第九条, R-CON-09): the event, who is affected and when the other party was told; the
 * written proof due within ten days; the deadlines it extends by the time it lasted.
 */
export const contractForceMajeure = pgTable(
  'contract_force_majeure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** The party affected: 'agency' (甲方) or 'contractor' (乙方). */
    party: text('party').notNull(),
    description: text('description').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    notifiedAt: ts('notified_at').notNull(),
    /** startedOn + 10 calendar days (第九条2 “在十日内以书面方式……提供证明文件”). */
    proofDueOn: date('proof_due_on', { mode: 'string' }).notNull(),
    proofOn: date('proof_on', { mode: 'string' }),
    proofFileId: uuid('proof_file_id'),
    proofFileName: text('proof_file_name'),
    /** Dashboard deadline keys it extends (bond.due, payment.due, late.from …). */
    affects: text('affects').array().notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contract_force_majeure_contract_idx').on(t.contractId, t.startedOn)],
);

/** An amendment (第十一条, R-CON-10): one party's written request, the other's consent or refusal. */
export const contractAmendments = pgTable(
  'contract_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    party: text('party').notNull(),
    clause: text('clause').notNull(),
    change: text('change').notNull(),
    reason: text('reason').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    requestedByName: text('requested_by_name').notNull(),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    /** pending → agreed | refused */
    status: text('status').notNull().default('pending'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contract_amendments_contract_idx').on(t.contractId, t.requestedOn)],
);

/**
 * The contractor's written notice to cure a late payment (第十二条2, R-CON-13): 30 days after it with the
 * payment still unpaid, the contractor may terminate; the payment recorded cures it.
 */
export const contractCureNotices = pgTable(
  'contract_cure_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => contractPayments.id, { onDelete: 'cascade' }),
    noticeOn: date('notice_on', { mode: 'string' }).notNull(),
    cureBy: date('cure_by', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('contract_cure_notices_payment_idx').on(t.paymentId)],
);

/** R-QA-05 (附件一 x.1): the agency's named person for maintenance and coordination, per system. */
export const contractCoordinators = pgTable('contract_coordinators', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id')
    .notNull()
    .references(() => contracts.id, { onDelete: 'cascade' }),
  system: text('system').notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull().default(''),
  since: date('since', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** R-QA-05: the agency's inspections of the contractor's work and maintenance records. */
export const contractRecordInspections = pgTable('contract_record_inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id')
    .notNull()
    .references(() => contracts.id, { onDelete: 'cascade' }),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  inspector: text('inspector').notNull(),
  scope: text('scope').notNull(),
  findings: text('findings').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
