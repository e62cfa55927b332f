// Tables of the asset register (R-AST-02, R-AST-04): the classification tree, number sequences,
// asset records with their three levels (IT, finance, business) and their history. The single
// source of truth for the agency's equipment: movements, topology, end of support and
// procurement (sub-folders beside this one) point here.
import { sql, type SQL } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /**
     * What q= searches (search.ts, issue 11 point 12): number, name, vendor, model, serial, IP,
     * building, floor (as 4层), rack — lower case, without spaces (so 4层 finds 4 层 and the reverse).
     * Written by the database; its trigram index serves terms of 3+ characters.
     */
    searchText: text('search_text').generatedAlwaysAs(
      (): SQL =>
        sql`translate(lower(${assets.number} || '|' || ${assets.name} || '|' || ${assets.vendor} || '|' || ${assets.model} || '|' || ${assets.serial} || '|' || ${assets.mgmtIp} || '|' || ${assets.building} || '|' || CASE WHEN ${assets.floor} = '' OR ${assets.floor} ~* '(层|f$)' THEN ${assets.floor} ELSE ${assets.floor} || '层' END || '|' || ${assets.rack}), ' ' || chr(9) || chr(12288), '')`,
    ),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('assets_number_uq').on(t.number),
    index('assets_class_idx').on(t.classCode, t.status),
    index('assets_status_idx').on(t.status, t.number),
    index('assets_site_idx').on(t.siteId, t.roomId),
    index('assets_room_idx').on(t.roomId),
    index('assets_vendor_idx').on(sql`lower(${t.vendor})`),
    index('assets_line_idx').on(t.serviceLine, t.status),
    index('assets_eos_idx').on(t.endOfSupport),
    index('assets_warranty_idx').on(t.warrantyUntil),
    // q= (LIKE '%…%' on search_text, trigram for terms of 3+ characters; vendor writings by lower(vendor))
    index('assets_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
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
