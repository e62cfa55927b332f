// The security events (R-MON-03, R-SEC-01): a kernel time series, daily partitions on PostgreSQL kept
// 180 days (等保: network logs at least six months), partitioned by receive time (a sender's clock may
// be years off). A merged row counts identical events (same fingerprint) within the merge window.
import { bigint, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { defineSeries } from '../../kernel/timeseries/index.ts';

export const EVENT_DAYS = 180;
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const evtEvents = pgTable('evt_events', {
  /** Made in Node (store.ts), so a merge can name the row it adds to. */
  id: uuid('id').notNull(),
  receivedAt: ts('received_at').notNull(),
  lastSeen: ts('last_seen').notNull(),
  occurredAt: ts('occurred_at'),
  source: text('source').notNull(),
  host: text('host').notNull(),
  vendor: text('vendor').notNull(),
  product: text('product').notNull(),
  category: text('category').notNull(),
  severity: text('severity').notNull(),
  srcIp: text('src_ip'),
  srcPort: integer('src_port'),
  dstIp: text('dst_ip'),
  dstPort: integer('dst_port'),
  protocol: text('protocol'),
  user: text('user_name'),
  action: text('action'),
  rule: text('rule'),
  /** Bytes and packets of the session or flow the line reports (both directions), when it says (R-MON-04). */
  bytes: bigint('bytes', { mode: 'number' }),
  packets: bigint('packets', { mode: 'number' }),
  message: text('message').notNull(),
  raw: text('raw').notNull(),
  facility: smallint('facility'),
  fingerprint: text('fingerprint').notNull(),
  count: integer('count').notNull(),
});

export const eventSeries = defineSeries({
  name: 'evt_events',
  table: evtEvents,
  timeColumn: 'receivedAt',
  retentionDays: EVENT_DAYS,
  indexes: [
    { columns: ['host', 'receivedAt'] },
    { columns: ['severity', 'receivedAt'] },
    { columns: ['fingerprint', 'receivedAt'] },
    { columns: ['id'] },
    // No trigram index on the message here: message-index.ts builds one per closed day.
  ],
});

export const EVENTS_SERIES = [eventSeries];
