// The event store (issue 13 point 8): where received events are written (merged, merge.ts) and what
// every reader of events goes through: the list and chart (service.ts), the correlation rules
// (correlation/evaluate.ts), the evidence for reports and secops's reading of lines (api.ts).
// Two implementations: PostgreSQL's daily partitions (pg-store.ts, the default) and ClickHouse over
// HTTP (clickhouse/store.ts), chosen by YUNWEI_EVENTS_URL (docs/events-clickhouse.md). The small
// tables around the events (sources, unknown senders, filters, rules, alerts) stay in PostgreSQL.
import { inArray, sql } from 'drizzle-orm';
import type { TEvent, TRuleHit } from '../../../common/events.ts';
import type { Ctx } from '../../kernel/context.ts';
import { clickhouseStore } from './clickhouse/store.ts';
import type { CompiledRule, Field, Selection, SumField } from './correlation/rule.ts';
import type { EventRow } from './normalise.ts';
import { pgStore } from './pg-store.ts';
import { evtSources } from './tables.ts';

export { MERGE_MS } from './merge.ts';

/** The list's filters; from/to bound the receive time [from, to). */
export interface EventSearch {
  from: Date;
  to: Date;
  q?: string | undefined;
  host?: string | undefined;
  severity?: string | undefined;
}

/** One row a correlation selection reads: a merged row counts `count` times. */
export interface SelectedRow {
  at: Date;
  key: string | null;
  distinct: string | null;
  count: number;
  message: string;
}

export interface StoredLine {
  receivedAt: Date;
  occurredAt: Date | null;
  source: string;
  host: string;
  vendor: string;
  message: string;
  raw: string;
}

export interface EventStore {
  readonly kind: 'postgres' | 'clickhouse';
  /** Merges the batch into the open rows and appends the rest (the receiver's sink calls it per batch). */
  write(ctx: Ctx, rows: EventRow[]): Promise<void>;
  /** Newest first (receive time, then id), merged rows once with their count. */
  list(ctx: Ctx, s: EventSearch, limit: number, offset: number): Promise<{ items: TEvent[]; total: number }>;
  /** Events (merged counts summed) per bucket of `bucketSec` from `s.from`, and severity. */
  stats(ctx: Ctx, s: EventSearch, bucketSec: number): Promise<{ at: Date; severity: string; n: number }[]>;
  /** Events received in [from, to) per severity, merged counts summed. */
  severityTotals(ctx: Ctx, from: Date, to: Date): Promise<{ severity: string; records: number; n: number }[]>;
  /** Events in [from, to) whose raw line contains one of the words (case-insensitive), oldest first. */
  mentioning(ctx: Ctx, q: { from: Date; to: Date; words: readonly string[]; limit: number }): Promise<StoredLine[]>;
  /**
   * A correlation selection's rows in [from, to], oldest first, at most `limit`. With `sum`, only rows
   * carrying that counter, each weighing counter × merged count (a large flow, R-MON-04).
   */
  select(
    ctx: Ctx,
    s: Selection,
    groupBy: Field,
    distinct: Field | null,
    from: Date,
    to: Date,
    limit: number,
    sum?: SumField | null,
  ): Promise<SelectedRow[]>;
  /**
   * A correlation rule's hits in [from, to] counted by the store itself (correlation/evaluate.ts says what
   * a hit is); null, or no such method, and the rule is counted in Node from select()'s rows.
   */
  hits?(ctx: Ctx, rule: CompiledRule, from: Date, to: Date): Promise<TRuleHit[] | null>;
  /** Drops what is older than `cutoff` (ClickHouse: whole daily partitions); PostgreSQL's series is kept by the kernel. */
  retain?(cutoff: Date): Promise<string[]>;
}

let chosen: { url: string; store: EventStore } | null = null;

/** The store YUNWEI_EVENTS_URL names (ClickHouse), else PostgreSQL. Read on every call: tests switch it. */
export function eventStore(): EventStore {
  const url = process.env.YUNWEI_EVENTS_URL?.trim();
  if (!url) return pgStore;
  if (chosen?.url !== url) chosen = { url, store: clickhouseStore(url) };
  return chosen.store;
}

/** The receiver's sink: the events to the store, unknown senders counted (in PostgreSQL either way). */
export async function writeEvents(ctx: Ctx, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  await eventStore().write(ctx, rows);
  await countUnknown(ctx, rows);
}

/** Senders that are no registered source: how many lines, first and last seen, the host they named. */
async function countUnknown(ctx: Ctx, rows: EventRow[]): Promise<void> {
  const addresses = [...new Set(rows.map((r) => r.source))];
  const known = new Set(
    (await ctx.db.select({ a: evtSources.address }).from(evtSources).where(inArray(evtSources.address, addresses))).map((r) => r.a),
  );
  const per = new Map<string, { address: string; n: number; first: string; last: string; host: string }>();
  for (const r of rows) {
    if (known.has(r.source)) continue;
    const at = r.receivedAt.toISOString();
    const p = per.get(r.source) ?? { address: r.source, n: 0, first: at, last: at, host: r.host };
    p.n++;
    if (at > p.last) [p.last, p.host] = [at, r.host];
    if (at < p.first) p.first = at;
    per.set(r.source, p);
  }
  if (!per.size) return;
  const json = JSON.stringify([...per.values()]);
  await ctx.db.execute(sql`INSERT INTO evt_unknown_sources (address, count, first_seen, last_seen, last_host)
    SELECT u.address, u.n, u.first, u.last, u.host
    FROM jsonb_to_recordset(${json}::jsonb) AS u(address text, n int, first timestamptz, last timestamptz, host text)
    ON CONFLICT (address) DO UPDATE SET count = evt_unknown_sources.count + excluded.count,
      last_seen = GREATEST(evt_unknown_sources.last_seen, excluded.last_seen),
      last_host = CASE WHEN excluded.last_seen >= evt_unknown_sources.last_seen THEN excluded.last_host ELSE evt_unknown_sources.last_host END`);
}
