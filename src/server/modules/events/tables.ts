// Tables of the security event centre (issue 13 points 1–2, R-MON-03): the registered syslog sources
// (by address, with the vendor parser and the character set) and the senders that are not registered.
// The events themselves are a time series (series.ts), outside drizzle-kit.
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
});
