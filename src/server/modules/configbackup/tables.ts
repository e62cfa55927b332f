// Tables of configuration backup (issue 12, R-MON-05/06): devices with sealed credentials and their
// trusted host key, each run with how it ended, the versions, and the configuration texts stored once
// per content (sha256), however many versions and devices share them.
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Device groups with their own backup schedule (issue 12 point 2): every N minutes or at daily
 * times, only inside a window (Beijing time), on working days of the business calendar or every day.
 * A device in no group follows the default nightly schedule (schedule.ts DEFAULT_SCHEDULE).
 */
export const cfgGroups = pgTable(
  'cfg_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Every N minutes (null: at the daily times instead). */
    everyMinutes: integer('every_minutes'),
    /** 'HH:MM' Beijing time, sorted; used when everyMinutes is null. */
    dailyTimes: text('daily_times').array().notNull().default([]),
    /** 'HH:MM' Beijing time; both null: any time of day. An end before the start crosses midnight. */
    windowStart: text('window_start'),
    windowEnd: text('window_end'),
    workingDaysOnly: boolean('working_days_only').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cfg_groups_name_uq').on(t.name)],
);

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
    /** The schedule group; null: the default nightly schedule. */
    groupId: uuid('group_id').references(() => cfgGroups.id, { onDelete: 'set null' }),
    /** When the scheduler last started a run of this device (a run now does not count). */
    lastScheduledAt: ts('last_scheduled_at'),
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
  // By start time: the runs list across devices and the report's backup counts filter on it.
  (t) => [index('cfg_runs_device_idx').on(t.deviceId, t.seq), index('cfg_runs_started_idx').on(t.startedAt)],
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
  // By time taken, across devices (issue 15): the changes list (range, newest first), the report's
  // change counts and the purge filter on it; one device's versions go by the unique index.
  (t) => [uniqueIndex('cfg_versions_device_seq_uq').on(t.deviceId, t.seq), index('cfg_versions_taken_idx').on(t.takenAt)],
);
