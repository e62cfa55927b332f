// The ClickHouse table of the events (docs/events-clickhouse.md). One row per stored event as in
// PostgreSQL, plus "delta" rows: a merge appends a copy of the open row carrying only the added count
// and the new last seen (delta = 1), and readers sum counts per id. Appending keeps inserts cheap
// (ClickHouse has no cheap UPDATE), and a delta row lands in the same partition and sort position as
// its row because it repeats its receive time. Times are epoch milliseconds (Int64) beside a
// DateTime('UTC') for the partition key and the sort key: Debian's 18.16 has no DateTime64.
// Only syntax current releases also accept: `ENGINE = MergeTree PARTITION BY … ORDER BY …`.
import type { Field } from '../correlation/rule.ts';
import { chExec, chRaw, type ChTarget } from './client.ts';

export const TABLE = 'evt_events';

export const table = (t: ChTarget) => `\`${t.database}\`.${TABLE}`;

const COLUMNS = `
  id String,
  received_at DateTime('UTC'),
  received_ms Int64,
  last_seen_ms Int64,
  occurred_ms Nullable(Int64),
  source String,
  host String,
  vendor String,
  product String,
  category String,
  severity String,
  src_ip Nullable(String),
  src_port Nullable(Int32),
  dst_ip Nullable(String),
  dst_port Nullable(Int32),
  protocol Nullable(String),
  user_name Nullable(String),
  action Nullable(String),
  rule Nullable(String),
  message String,
  raw String,
  facility Nullable(Int16),
  fingerprint String,
  count UInt32,
  delta UInt8,
  bytes Nullable(Int64),
  packets Nullable(Int64)`;

/** Creates the database and the table when missing (an operator may have made them first, e.g. Distributed). */
export async function ensureSchema(t: ChTarget): Promise<void> {
  await chExec(t, chRaw(`CREATE DATABASE IF NOT EXISTS \`${t.database}\``));
  await chExec(
    t,
    chRaw(
      `CREATE TABLE IF NOT EXISTS ${table(t)} (${COLUMNS}\n) ENGINE = MergeTree PARTITION BY toYYYYMMDD(received_at) ORDER BY (host, received_at, id)`,
    ),
  );
}

/** The ClickHouse column of a field the filters and rules name. */
export const COLUMN: Record<Field, string> = {
  host: 'host',
  source: 'source',
  vendor: 'vendor',
  category: 'category',
  severity: 'severity',
  srcIp: 'src_ip',
  dstIp: 'dst_ip',
  user: 'user_name',
  action: 'action',
  rule: 'rule',
  message: 'message',
};

/** A row as ClickHouse answers it in FORMAT JSON (64-bit integers as strings). */
export interface ChEventRow {
  id: string;
  received_at: string;
  received_ms: string;
  last_seen_ms: string;
  occurred_ms: string | null;
  source: string;
  host: string;
  vendor: string;
  product: string;
  category: string;
  severity: string;
  src_ip: string | null;
  src_port: number | null;
  dst_ip: string | null;
  dst_port: number | null;
  protocol: string | null;
  user_name: string | null;
  action: string | null;
  rule: string | null;
  message: string;
  raw: string;
  facility: number | null;
  fingerprint: string;
  count: number;
  delta: number;
  /** A session's bytes and packets (R-MON-04), 64-bit: strings in FORMAT JSON. */
  bytes: string | null;
  packets: string | null;
}
