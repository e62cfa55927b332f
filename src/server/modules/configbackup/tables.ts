// Tables of configuration backup (issue 12, R-MON-05/06): devices with sealed credentials and their
// trusted host key, each run with how it ended, the versions, and the configuration texts stored once
// per content (sha256), however many versions and devices share them.
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const cfgDevices = pgTable(
  'cfg_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    port: integer('port').notNull(),
    protocol: text('protocol').notNull(),
    vendor: text('vendor').notNull(),
    serviceLine: text('service_line').notNull(),
    username: text('username').notNull(),
    /** {password?, privateKey?, enablePassword?} as JSON, sealed with the kernel's keyring. */
    secretBox: text('secret_box').notNull(),
    hasPassword: boolean('has_password').notNull(),
    hasPrivateKey: boolean('has_private_key').notNull(),
    hasEnablePassword: boolean('has_enable_password').notNull(),
    hostKey: text('host_key'),
    pendingHostKey: text('pending_host_key'),
    lastRunAt: ts('last_run_at'),
    lastState: text('last_state'),
    lastFailure: text('last_failure'),
    lastSuccessAt: ts('last_success_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('cfg_devices_name_uq').on(t.name)],
);

export const cfgRuns = pgTable(
  'cfg_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => cfgDevices.id, { onDelete: 'cascade' }),
    /** The order runs started in, whatever the clock says. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    state: text('state').notNull(),
    failure: text('failure'),
    message: text('message').notNull().default(''),
    transcript: text('transcript'),
    versionId: uuid('version_id'),
  },
  (t) => [index('cfg_runs_device_idx').on(t.deviceId, t.seq)],
);

export const cfgTexts = pgTable('cfg_texts', {
  sha256: text('sha256').primaryKey(),
  body: text('body').notNull(),
});

export const cfgVersions = pgTable(
  'cfg_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => cfgDevices.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per device: the order of versions, whatever the clock says. */
    seq: integer('seq').notNull(),
    takenAt: ts('taken_at').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => cfgTexts.sha256),
    lines: integer('lines').notNull(),
    /** Set when an approved change explains this version (api.ts coverConfigChanges); null: unexplained. */
    coveredBy: text('covered_by'),
  },
  (t) => [uniqueIndex('cfg_versions_device_seq_uq').on(t.deviceId, t.seq)],
);
