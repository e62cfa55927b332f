// Tables of the assets module (R-AST-01..07): the classification tree, asset records with their
// three levels (IT, finance, business), history, movement requests, relations and lines, spare
// parts, procurement and end-of-support cases. The single source of truth for the agency's equipment.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

// R-AST-02: GB/T 14885-2022 classification (the IT branches), plus the agency's own sub-classes.
export const assetClasses = pgTable(
  'asset_classes',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    /** Which kind of record an asset of this class is: network | security | server | computer | av | software | other. */
    kind: text('kind').notNull().default('other'),
    /** Where the code comes from: 'GB/T 14885-2022' or 'agency' for the agency's own sub-classes. */
    source: text('source').notNull(),
    /** Short code used in asset numbers (e.g. NET, FW); inherited from the nearest ancestor that has one. */
    numberCode: text('number_code'),
    sort: integer('sort').notNull().default(0),
    disabled: boolean('disabled').notNull().default(false),
  },
  (t) => [index('asset_classes_parent_idx').on(t.parentCode, t.sort)],
);

/** Asset-number sequences: one counter per prefix (class code + site), numbers never reused. */
export const assetNumberSeqs = pgTable('asset_number_seqs', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    classCode: text('class_code')
      .notNull()
      .references(() => assetClasses.code),
    kind: text('kind').notNull(),
    status: text('status').notNull(), // in_stock | in_use | in_repair | spare | retired
    // IT-department record (technical)
    vendor: text('vendor').notNull().default(''),
    model: text('model').notNull().default(''),
    serial: text('serial').notNull().default(''),
    mgmtIp: text('mgmt_ip').notNull().default(''),
    firmware: text('firmware').notNull().default(''),
    portCount: integer('port_count'),
    /** Security devices: signature / virus library version and date (R-SEC signature currency). */
    signatureVersion: text('signature_version').notNull().default(''),
    signatureDate: day('signature_date'),
    /** Further type-specific fields (server CPU/memory, conference codec, licence seats …). */
    specs: jsonb('specs').notNull().default({}).$type<Record<string, string | number | boolean | null>>(),
    networkDomain: text('network_domain'), // internet | egov | medicare | ministry
    serviceLine: text('service_line'),
    // Location: site → building → floor → room → rack → U
    siteId: uuid('site_id'),
    building: text('building').notNull().default(''),
    floor: text('floor').notNull().default(''),
    roomId: uuid('room_id'),
    rack: text('rack').notNull().default(''),
    rackUnit: text('rack_unit').notNull().default(''),
    warrantyUntil: day('warranty_until'),
    endOfSupport: day('end_of_support'),
    /** R-AST-06: the asset that replaced this one. */
    successorId: uuid('successor_id'),
    // Finance record
    originalValue: numeric('original_value', { precision: 14, scale: 2 }),
    assetCardNumber: text('asset_card_number').notNull().default(''),
    acquiredOn: day('acquired_on'),
    depreciationYears: integer('depreciation_years'),
    depreciationMethod: text('depreciation_method').notNull().default('straight_line'),
    // Business-department record
    usingDepartmentId: uuid('using_department_id'),
    custodianPersonId: uuid('custodian_person_id'),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('assets_number_uq').on(t.number),
    index('assets_class_idx').on(t.classCode, t.status),
    index('assets_status_idx').on(t.status, t.number),
    index('assets_site_idx').on(t.siteId, t.roomId),
    index('assets_line_idx').on(t.serviceLine, t.status),
    index('assets_eos_idx').on(t.endOfSupport),
    index('assets_warranty_idx').on(t.warrantyUntil),
    // q= searches number, name, model, serial and management IP (ILIKE '%…%', trigram for 3+ characters)
    index('assets_search_trgm').using(
      'gin',
      sql`(${t.number} || ' ' || ${t.name} || ' ' || ${t.model} || ' ' || ${t.serial} || ' ' || ${t.mgmtIp}) gin_trgm_ops`,
    ),
  ],
);

/** R-AST-04: every change and every linked ticket, in order. */
export const assetHistory = pgTable(
  'asset_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    kind: text('kind').notNull(), // created | updated | moved | request | ticket | replaced | imported …
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Field changes {field: [before, after]} or the event's data. */
    data: jsonb('data'),
    ticketId: uuid('ticket_id'),
  },
  (t) => [index('asset_history_asset_idx').on(t.assetId, t.at)],
);

/**
 * R-AST-01 movements: receipt, assignment, transfer, repair, retirement — requests approved at the
 * level they touch (it | finance | business). Applied to the asset when the last approval is given.
 */
export const assetRequests = pgTable(
  'asset_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // receipt | assignment | transfer | repair | retirement
    /** What the movement changes (status, location, using department, custodian …). */
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** The levels that must approve, and their decisions. */
    approvals: jsonb('approvals')
      .notNull()
      .$type<{ level: string; status: string; by?: string; byName?: string; at?: string; comment?: string }[]>(),
    status: text('status').notNull().default('pending'), // pending | approved | rejected | cancelled
    reason: text('reason').notNull().default(''),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('asset_requests_asset_idx').on(t.assetId, t.createdAt), index('asset_requests_status_idx').on(t.status, t.createdAt)],
);

/** Relations: connected-to (port to port), installed-in, depends-on. */
export const assetRelations = pgTable(
  'asset_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // connected_to | installed_in | depends_on
    fromPort: text('from_port').notNull().default(''),
    toPort: text('to_port').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('asset_relations_from_idx').on(t.fromId, t.kind), index('asset_relations_to_idx').on(t.toId, t.kind)],
);

/** R-AST-03: physical links and carrier circuits, from port to port, labelled. */
export const assetLines = pgTable(
  'asset_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    label: text('label').notNull(),
    kind: text('kind').notNull(), // fiber | copper | carrier
    networkDomain: text('network_domain'),
    fromAssetId: uuid('from_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    fromPort: text('from_port').notNull().default(''),
    toAssetId: uuid('to_asset_id').references(() => assets.id, { onDelete: 'set null' }),
    toPort: text('to_port').notNull().default(''),
    /** Carrier circuits: operator and circuit id, bandwidth. */
    carrier: text('carrier').notNull().default(''),
    circuitId: text('circuit_id').notNull().default(''),
    bandwidth: text('bandwidth').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('asset_lines_label_uq').on(t.label),
    index('asset_lines_from_idx').on(t.fromAssetId),
    index('asset_lines_to_idx').on(t.toAssetId),
  ],
);

/** R-AST-06: report → agency approval → replacement → install-and-integrate, to its end. */
export const eosCases = pgTable(
  'asset_eos_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(), // reported | approved | replaced | integrated | closed
    reason: text('reason').notNull().default(''),
    successorId: uuid('successor_id'),
    stages: jsonb('stages').notNull().$type<{ stage: string; at: string; by: string; note?: string }[]>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('asset_eos_cases_asset_idx').on(t.assetId), index('asset_eos_cases_stage_idx').on(t.stage)],
);

// R-AST-05 spare parts: stock per part and location, minimum levels, issues and returns per ticket.
export const spareParts = pgTable(
  'spare_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partNumber: text('part_number').notNull(),
    name: text('name').notNull(),
    classCode: text('class_code'),
    vendor: text('vendor').notNull().default(''),
    model: text('model').notNull().default(''),
    unit: text('unit').notNull().default('个'),
    minLevel: integer('min_level').notNull().default(0),
    serviceLine: text('service_line'),
    notes: text('notes').notNull().default(''),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('spare_parts_number_uq').on(t.partNumber)],
);

export const spareStock = pgTable(
  'spare_stock',
  {
    partId: uuid('part_id')
      .notNull()
      .references(() => spareParts.id, { onDelete: 'cascade' }),
    /** A site/room name or a store code: where the parts lie. */
    location: text('location').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partId, t.location] })],
);

export const spareMoves = pgTable(
  'spare_moves',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partId: uuid('part_id')
      .notNull()
      .references(() => spareParts.id, { onDelete: 'cascade' }),
    location: text('location').notNull(),
    kind: text('kind').notNull(), // receipt | issue | return | reserve | release | adjust
    qty: integer('qty').notNull(),
    ticketId: uuid('ticket_id'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    at: ts('at').notNull(),
  },
  (t) => [index('spare_moves_part_idx').on(t.partId, t.at), index('spare_moves_ticket_idx').on(t.ticketId)],
);

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
