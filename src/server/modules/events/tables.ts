// Tables of the security event centre (issue 13 points 1–2, R-MON-03): the registered syslog sources
// (by address, with the vendor parser and the character set) and the senders that are not registered.
// The events themselves are a time series (series.ts), outside drizzle-kit.
import { boolean, integer, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const evtSources = pgTable(
  'evt_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    vendor: text('vendor').notNull(),
    /** null: UTF-8 when valid, else GB18030. */
    charset: text('charset'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('evt_sources_address').on(t.address)],
);

/** Senders not registered: listed with how many events they sent and when (R-MON-03). */
export const evtUnknownSources = pgTable('evt_unknown_sources', {
  address: text('address').primaryKey(),
  count: integer('count').notNull(),
  firstSeen: ts('first_seen').notNull(),
  lastSeen: ts('last_seen').notNull(),
  lastHost: text('last_host'),
});

/**
 * Filter rules (issue 13 point 2): checked in order of creation on every received event before it is
 * stored; the first rule that matches decides (drop or keep), an event no rule matches is kept.
 */
export const evtFilters = pgTable('evt_filters', {
  id: uuid('id').primaryKey().defaultRandom(),
  action: text('action').notNull(),
  field: text('field').notNull(),
  op: text('op').notNull(),
  value: text('value').notNull(),
  note: text('note'),
  createdAt: ts('created_at').notNull(),
  /** The order rules are checked in: creation order, even for two made in the same millisecond. */
  seq: serial('seq').notNull(),
});

/** Correlation rules (issue 13 point 3): the YAML as written, its version (+1 on every change). */
export const evtRules = pgTable('evt_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  level: text('level').notNull(),
  yaml: text('yaml').notNull(),
  enabled: boolean('enabled').notNull(),
  version: integer('version').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Alerts: one per rule and group key (the source address…), repeated hits counted on it. */
export const evtAlerts = pgTable(
  'evt_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => evtRules.id, { onDelete: 'cascade' }),
    ruleVersion: integer('rule_version').notNull(),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    key: text('key').notNull(),
    hits: integer('hits').notNull(),
    firstAt: ts('first_at').notNull(),
    lastAt: ts('last_at').notNull(),
    sample: text('sample').notNull(),
    ticketId: uuid('ticket_id'),
    ticketNumber: text('ticket_number'),
  },
  (t) => [uniqueIndex('evt_alerts_rule_key').on(t.ruleId, t.key)],
);
