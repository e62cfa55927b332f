// Tables of vulnerability management (issue 13 point 5; R-SEC-04..06): imported scans, findings with
// their flow, scan plans, pentest reports, hardening plans and the CSV column mappings per scanner.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const vulnScanPlans = pgTable('vuln_scan_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  range: text('range').notNull(),
  cadence: text('cadence').notNull(),
  /** Shanghai date the next scan is due, moved on by each import that names the plan. */
  nextDue: text('next_due').notNull(),
  lastScanId: uuid('last_scan_id'),
  createdAt: ts('created_at').notNull(),
});

export const vulnScans = pgTable('vuln_scans', {
  id: uuid('id').primaryKey().defaultRandom(),
  format: text('format').notNull(),
  /** nmap / openvas / nessus / csv:<scanner name>: a later scan of the same scanner verifies a fix. */
  scanner: text('scanner').notNull(),
  fileName: text('file_name').notNull(),
  planId: uuid('plan_id').references(() => vulnScanPlans.id, { onDelete: 'set null' }),
  importedAt: ts('imported_at').notNull(),
  importedBy: uuid('imported_by'),
  hosts: integer('hosts').notNull(),
  findings: integer('findings').notNull(),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  closed: integer('closed').notNull(),
  unmatched: jsonb('unmatched').$type<string[]>().notNull(),
  unmatchedCount: integer('unmatched_count').notNull(),
});

export const vulnPentests = pgTable('vuln_pentests', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  tester: text('tester').notNull(),
  testedOn: text('tested_on').notNull(),
  summary: text('summary').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
});

export const vulnHardening = pgTable('vuln_hardening', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  dueDate: text('due_date'),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
});

export const vulnFindings = pgTable(
  'vuln_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** address|port/protocol|CVE, else scanner:plugin: the same finding across re-imports (R-SEC-04). */
    key: text('key').notNull(),
    address: text('address').notNull(),
    /** The asset whose management IP is the address, when one is (assets api). */
    assetId: uuid('asset_id'),
    port: integer('port'),
    protocol: text('protocol').notNull(),
    pluginId: text('plugin_id').notNull(),
    cve: text('cve'),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    state: text('state').notNull(),
    scanner: text('scanner').notNull(),
    pentestId: uuid('pentest_id').references(() => vulnPentests.id, { onDelete: 'set null' }),
    hardeningId: uuid('hardening_id').references(() => vulnHardening.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    solution: text('solution').notNull(),
    firstSeen: ts('first_seen').notNull(),
    lastSeen: ts('last_seen').notNull(),
    lastScanId: uuid('last_scan_id'),
    notSeenAt: ts('not_seen_at'),
    /** Shanghai date by which it must be fixed (business calendar), null for informational ones. */
    dueDate: text('due_date'),
    fixedAt: ts('fixed_at'),
    verifiedAt: ts('verified_at'),
    requestKind: text('request_kind'),
    requestReason: text('request_reason'),
    requestedBy: uuid('requested_by'),
    requestedAt: ts('requested_at'),
    decisionNote: text('decision_note'),
    overdueNotifiedAt: ts('overdue_notified_at'),
  },
  (t) => [
    uniqueIndex('vuln_findings_key_uq').on(t.key),
    index('vuln_findings_address_idx').on(t.address),
    index('vuln_findings_state_due_idx').on(t.state, t.dueDate),
    index('vuln_findings_asset_idx').on(t.assetId),
  ],
);

export const vulnMappings = pgTable('vuln_mappings', {
  scanner: text('scanner').primaryKey(),
  mapping: jsonb('mapping').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
