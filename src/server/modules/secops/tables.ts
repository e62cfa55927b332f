// Tables of security operations (issue 13 points 4 and 6): responses recorded on security alerts (with
// the change that approves them and their verification), the signature versions of each security
// product with every update kept, the staleness thresholds as data, and the log reader's position.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const secResponses = pgTable(
  'sec_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    /** An events alert (that module's own; read through its api.ts). */
    alertId: uuid('alert_id').notNull(),
    kind: text('kind').notNull(),
    /** An asset of the register (read through assets' api.ts). */
    assetId: uuid('asset_id').notNull(),
    assetName: text('asset_name').notNull(),
    detail: text('detail').notNull(),
    doneBy: uuid('done_by'),
    doneByName: text('done_by_name').notNull(),
    doneAt: ts('done_at').notNull(),
    /** The change request that approves it (changes module), null for one that changes no device. */
    changeId: uuid('change_id'),
    verifiedBy: uuid('verified_by'),
    verifiedByName: text('verified_by_name'),
    verifyResult: text('verify_result'),
    verifyNote: text('verify_note'),
    verifiedAt: ts('verified_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('sec_responses_alert_idx').on(t.alertId), index('sec_responses_asset_idx').on(t.assetId, t.doneAt)],
);

/** The current versions of a security product (one row per asset). */
export const secSignatures = pgTable('sec_signatures', {
  assetId: uuid('asset_id').primaryKey(),
  engineVersion: text('engine_version').notNull(),
  signatureVersion: text('signature_version').notNull(),
  virusVersion: text('virus_version').notNull(),
  updatedAt: ts('updated_at').notNull(),
  source: text('source').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: ts('recorded_at').notNull(),
});

/** Every update recorded (the device history and the inspections read it). */
export const secSignatureUpdates = pgTable(
  'sec_signature_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id').notNull(),
    engineVersion: text('engine_version').notNull(),
    signatureVersion: text('signature_version').notNull(),
    virusVersion: text('virus_version').notNull(),
    updatedAt: ts('updated_at').notNull(),
    source: text('source').notNull(),
    byName: text('by_name').notNull(),
  },
  (t) => [index('sec_signature_updates_asset_idx').on(t.assetId, t.updatedAt)],
);

/** `default` or an asset class code: older than staleDays is stale, than criticalDays critical. */
export const secThresholds = pgTable('sec_thresholds', {
  scope: text('scope').primaryKey(),
  staleDays: integer('stale_days').notNull(),
  criticalDays: integer('critical_days').notNull(),
});

/** Where the signature-log reader left off (one row, key `signature-log`). */
export const secCursors = pgTable('sec_cursors', {
  key: text('key').primaryKey(),
  at: ts('at').notNull(),
});

/** R-SEC-08: a security bulletin with the vendor, product and version range it affects. */
export const secBulletins = pgTable('sec_bulletins', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: integer('seq').generatedAlwaysAsIdentity(),
  title: text('title').notNull(),
  source: text('source').notNull(),
  cve: text('cve').notNull(),
  severity: text('severity').notNull(),
  vendor: text('vendor').notNull(),
  product: text('product').notNull(),
  versionFrom: text('version_from').notNull(),
  versionTo: text('version_to').notNull(),
  advice: text('advice').notNull(),
  /** The assets matched when it was recorded: [{id, number, name, firmware}]. */
  affected: jsonb('affected').notNull().$type<{ id: string; number: string; name: string; firmware: string }[]>(),
  ticketId: uuid('ticket_id'),
  ticketNumber: text('ticket_number'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
});
