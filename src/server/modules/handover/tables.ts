// Tables of the handover module (issue 15 point 7, R-CONF-03/04, R-CON-15): complete exports and the
// packages they wrote, confidential purge requests with their items, and the confidentiality agreement.
import { bigint, customType, index, integer, pgTable, primaryKey, serial, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** One complete export (R-CONF-04): who started it, how far it got, and the package it wrote. */
export const hoExports = pgTable('ho_exports', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: serial('seq').notNull(),
  state: text('state').notNull(), // running | done | failed | destroyed
  startedBy: uuid('started_by'),
  startedByName: text('started_by_name').notNull(),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  tablesDone: integer('tables_done').notNull().default(0),
  tablesTotal: integer('tables_total').notNull().default(0),
  rows: bigint('rows', { mode: 'number' }).notNull().default(0),
  files: integer('files').notNull().default(0),
  /** Bytes of the package written so far (while it runs; then `size`). */
  written: bigint('written', { mode: 'number' }).notNull().default(0),
  /** The table or part being written now, while it runs. */
  current: text('current'),
  /** The process that runs it (hostname:pid) and when it last said it was alive (crash recovery). */
  node: text('node'),
  heartbeatAt: ts('heartbeat_at'),
  size: bigint('size', { mode: 'number' }),
  sha256: text('sha256'),
  error: text('error'),
});

/**
 * The .zip of an export, in pieces of 1 MiB, so every API node can send it and a backup holds it;
 * never exported itself (it is the export), and removed by the purge.
 */
export const hoExportChunks = pgTable(
  'ho_export_chunks',
  {
    exportId: uuid('export_id')
      .notNull()
      .references(() => hoExports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
);

/** A written purge request after the contract ended (R-CONF-03, 附件四3(5)). */
export const hoPurges = pgTable('ho_purges', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: serial('seq').notNull(),
  contractId: uuid('contract_id').notNull(),
  contractNumber: text('contract_number').notNull(),
  contractEnd: date('contract_end', { mode: 'string' }).notNull(),
  requestedOn: date('requested_on', { mode: 'string' }).notNull(),
  requestedByName: text('requested_by_name').notNull(),
  letter: text('letter').notNull().default(''),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  state: text('state').notNull(), // open | done | confirmed
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
  certifiedAt: ts('certified_at'),
  confirmedAt: ts('confirmed_at'),
  confirmedByName: text('confirmed_by_name'),
  overdueNotifiedAt: ts('overdue_notified_at'),
});

/** One confidential item of a purge: what it is, how many, and how it was destroyed or returned. */
export const hoPurgeItems = pgTable(
  'ho_purge_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purgeId: uuid('purge_id')
      .notNull()
      .references(() => hoPurges.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    count: integer('count'),
    outcome: text('outcome'),
    note: text('note').notNull().default(''),
    evidenceFileId: uuid('evidence_file_id'),
    evidenceName: text('evidence_name'),
    doneByName: text('done_by_name'),
    doneAt: ts('done_at'),
  },
  (t) => [index('ho_purge_items_purge').on(t.purgeId, t.sort)],
);

/** The security and confidentiality agreement (安全保密协议, R-CON-15) on record with its signed file. */
export const hoAgreements = pgTable('ho_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  partyA: text('party_a').notNull(),
  partyB: text('party_b').notNull(),
  signedOn: date('signed_on', { mode: 'string' }).notNull(),
  fileId: uuid('file_id').notNull(),
  fileName: text('file_name').notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});
