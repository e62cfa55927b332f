// Tables of the contract module: the contract, its service lines, staffing requirements and who fills them.
// Foreign keys point at org's tables for integrity only; code reaches org through its service.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { parties, people } from '../org/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    signedAt: date('signed_at', { mode: 'string' }),
    signedPlace: text('signed_place').notNull().default(''),
    procurementNumber: text('procurement_number').notNull().default(''),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'restrict' }),
    contractorId: uuid('contractor_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'restrict' }),
    totalFee: money('total_fee').notNull(),
    // R-CON-04 performance bond
    bondPercent: numeric('bond_percent', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    bondDueWorkingDays: integer('bond_due_working_days').notNull().default(20),
    bondValidUntil: date('bond_valid_until', { mode: 'string' }),
    renewalOf: uuid('renewal_of'),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contracts_number_uq').on(t.number)],
);

// R-CON-03: four service lines, each with its own period, fee, sites and hotline hours (R-SD-01).
export const serviceLines = pgTable(
  'service_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    code: text('code').notNull(), // SM | NET | SEC | VC
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    fee: money('fee').notNull(),
    hoursProfile: text('hours_profile').notNull(), // 5x9 | 7x24
    hotlineHours: text('hotline_hours').notNull().default(''),
    // The hotline's number for this line (answered in hotlineHours).
    hotlinePhone: text('hotline_phone').notNull().default(''),
    // R-SD-11: a phone answered 7 days × 24 hours on every line, the 5×9 SM line included.
    emergencyPhone: text('emergency_phone').notNull().default(''),
    // R-SD-01: one line saying what the line covers, for the self-service page's choice of line.
    summary: text('summary').notNull().default(''),
    scope: text('scope').notNull().default(''),
    clause: text('clause').notNull().default(''),
    siteIds: uuid('site_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    roomIds: uuid('room_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_lines_contract_code_uq').on(t.contractId, t.code)],
);

// R-STF-01: roles, headcount, qualifications, duties per line.
export const staffingRequirements = pgTable(
  'staffing_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceLineId: uuid('service_line_id')
      .notNull()
      .references(() => serviceLines.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    headcount: integer('headcount').notNull(),
    qualifications: text('qualifications').notNull().default(''),
    duties: text('duties').notNull().default(''),
    onsite: boolean('onsite').notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('staffing_requirements_line_idx').on(t.serviceLineId)],
);

export const staffAssignments = pgTable(
  'staff_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffingRequirementId: uuid('staffing_requirement_id')
      .notNull()
      .references(() => staffingRequirements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_assignments_uq').on(t.staffingRequirementId, t.personId)],
);

/** One line of a staff list as submitted: who fills which post, with what qualifications, since when. */
export interface StaffListLine {
  lineCode: string;
  lineName: string;
  staffingId: string;
  role: string;
  required: string;
  personId: string;
  personName: string;
  personTitle: string;
  qualifications: string[];
  since: string | null;
  until: string | null;
}

// R-STF-01 (附件一 10.2): the staff list the contractor submits for the agency's review, a numbered
// snapshot per contract; every version is kept. An approved list a later change of staff makes
// outdated carries when (outdatedAt) until the next version is approved.
export const staffLists = pgTable(
  'staff_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    state: text('state').notNull(), // submitted | approved | returned
    lines: jsonb('lines').notNull().$type<StaffListLine[]>(),
    note: text('note').notNull().default(''),
    submittedBy: uuid('submitted_by'),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: ts('reviewed_at'),
    comment: text('comment'),
    outdatedAt: ts('outdated_at'),
  },
  (t) => [uniqueIndex('staff_lists_version_uq').on(t.contractId, t.version), index('staff_lists_state_idx').on(t.state)],
);

// R-STF-02: a change of staff after the agency approved the list (a person joins or leaves a post),
// told to the agency, who acknowledges it.
export const staffChanges = pgTable(
  'staff_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // join | leave
    personId: uuid('person_id'),
    personName: text('person_name').notNull(),
    lineCode: text('line_code').notNull(),
    role: text('role').notNull(),
    at: ts('at').notNull(),
    byName: text('by_name').notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedByName: text('acknowledged_by_name'),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [index('staff_changes_contract_idx').on(t.contractId, t.at)],
);
