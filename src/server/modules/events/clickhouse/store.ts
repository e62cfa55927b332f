// The ClickHouse event store (issue 13 point 8; docs/events-clickhouse.md). Merging is done by the
// writer as with PostgreSQL (merge.ts: the open rows are read back, the batch planned in Node); what
// differs is how a merge is stored: an appended delta row (schema.ts) instead of an UPDATE, so every
// reader groups by id (the list) or sums counts (chart, totals, correlation). Retention drops whole
// daily partitions (retain, run hourly by the module's job).
import type { TEvent } from '../../../../common/events.ts';
import type { StoredEvent } from '../merge.ts';
import { openWindow, planMerge } from '../merge.ts';
import type { Selection, SumField } from '../correlation/rule.ts';
import type { EventSearch, EventStore } from '../store.ts';
import { chExec, chInsert, chJoin, chRaw, chSelect, chSql, parseEventsUrl, type ChQuery, type ChTarget } from './client.ts';
import { COLUMN, ensureSchema, table, type ChEventRow } from './schema.ts';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const dateTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function toCh(
  e: StoredEvent,
): Omit<ChEventRow, 'received_ms' | 'last_seen_ms' | 'occurred_ms' | 'bytes' | 'packets'> & Record<string, unknown> {
  return {
    id: e.id,
    received_at: dateTime(e.receivedAt.getTime()),
    received_ms: e.receivedAt.getTime(),
    last_seen_ms: e.lastSeen.getTime(),
    occurred_ms: e.occurredAt?.getTime() ?? null,
    source: e.source,
    host: e.host,
    vendor: e.vendor,
    product: e.product,
    category: e.category,
    severity: e.severity,
    src_ip: e.srcIp,
    src_port: e.srcPort,
    dst_ip: e.dstIp,
    dst_port: e.dstPort,
    protocol: e.protocol,
    user_name: e.user,
    action: e.action,
    rule: e.rule,
    message: e.message,
    raw: e.raw,
    facility: e.facility,
    fingerprint: e.fingerprint,
    count: e.count,
    delta: 0,
    bytes: e.bytes,
    packets: e.packets,
  };
}

/** Both bounds on the sort key's DateTime (partition pruning) and on the exact milliseconds. */
function timeRange(from: Date, to: Date, toInclusive = false): ChQuery {
  const f = from.getTime();
  const t = to.getTime();
  return chSql`received_at >= toDateTime(${Math.floor(f / 1000)}) AND received_at <= toDateTime(${Math.floor(t / 1000)})
    AND received_ms >= ${f} AND received_ms ${chRaw(toInclusive ? '<=' : '<')} ${t}`;
}

function where(s: EventSearch): ChQuery {
  const c = [timeRange(s.from, s.to)];
  // Chinese substrings: UTF-8 aware and case-insensitive for Latin letters.
  if (s.q) c.push(chSql`positionCaseInsensitiveUTF8(message, ${s.q}) > 0`);
  if (s.host) c.push(chSql`host = ${s.host}`);
  if (s.severity) c.push(chSql`severity = ${s.severity}`);
  return chJoin(c, ' AND ');
}

/** A correlation selection's conditions (with a sum, only rows carrying the counter). */
function selectionWhere(s: Selection, sum: SumField | null): ChQuery[] {
  const conditions = s.map((c) => {
    const col = chRaw(COLUMN[c.field]);
    const any = c.values.map((v) =>
      c.op === 'eq'
        ? chSql`lowerUTF8(${col}) = lowerUTF8(${v})`
        : chSql`positionCaseInsensitiveUTF8(${col}, ${v}) ${chRaw(c.op === 'contains' ? '> 0' : '= 1')}`,
    );
    return chSql`(${chJoin(any, ' OR ')})`;
  });
  if (sum) conditions.push(chRaw(`${sum} > 0`));
  return conditions;
}

/** Summing, a row (or a merge's delta row) weighs its counter times its count; else its count. */
const weight = (sum: SumField | null) => chRaw(sum ? `ifNull(${sum}, 0) * count` : 'count');

/** Per id (a row and its deltas); aliases differ from the columns, which ClickHouse would otherwise read in WHERE. */
const LIST_COLUMNS = `id, min(received_ms) AS a_received_ms, any(occurred_ms) AS a_occurred_ms, any(host) AS a_host,
  any(vendor) AS a_vendor, any(product) AS a_product, any(category) AS a_category, any(severity) AS a_severity,
  any(src_ip) AS a_src_ip, any(dst_ip) AS a_dst_ip, any(message) AS a_message, sum(count) AS a_count`;

type Listed = { [K in keyof ChEventRow as `a_${K & string}`]: ChEventRow[K] } & { id: string };

const view = (r: Listed): TEvent => ({
  id: r.id,
  receivedAt: new Date(Number(r.a_received_ms)).toISOString(),
  occurredAt: r.a_occurred_ms === null ? null : new Date(Number(r.a_occurred_ms)).toISOString(),
  host: r.a_host,
  vendor: r.a_vendor,
  product: r.a_product,
  category: r.a_category,
  severity: r.a_severity as TEvent['severity'],
  srcIp: r.a_src_ip,
  dstIp: r.a_dst_ip,
  message: r.a_message,
  count: Number(r.a_count),
});

export interface ClickHouseStore extends EventStore {
  readonly target: ChTarget;
  /** Drops the daily partitions wholly before `cutoff` (UTC days); answers the partitions dropped. */
  retain(cutoff: Date): Promise<string[]>;
}

export function clickhouseStore(url: string): ClickHouseStore {
  const t = parseEventsUrl(url);
  const T = chRaw(table(t));
  let ready: Promise<void> | null = null;
  /** The schema once per process; a failure is tried again on the next call. */
  const ensure = () =>
    (ready ??= ensureSchema(t).catch((e: unknown) => {
      ready = null;
      throw e;
    }));

  return {
    kind: 'clickhouse',
    target: t,

    async write(_ctx, rows) {
      await ensure();
      const w = openWindow(rows);
      const found = (
        await chSelect<ChEventRow>(
          t,
          chSql`SELECT * FROM ${T} WHERE delta = 0 AND fingerprint IN ${w.fingerprints} AND ${timeRange(w.from, w.to, true)}`,
        )
      ).map((r) => ({ id: r.id, receivedAt: new Date(Number(r.received_ms)), fingerprint: r.fingerprint, row: r }));
      const { inserts, updates } = planMerge(rows, found);
      const deltas = updates.map((u) => ({
        ...u.row.row,
        received_ms: u.row.receivedAt.getTime(),
        occurred_ms: num(u.row.row.occurred_ms),
        bytes: num(u.row.row.bytes),
        packets: num(u.row.row.packets),
        last_seen_ms: u.last.getTime(),
        count: u.add,
        delta: 1,
      }));
      await chInsert(t, table(t), [...inserts.map(toCh), ...deltas]);
    },

    async list(_ctx, s, limit, offset) {
      await ensure();
      const w = where(s);
      const [rows, [n]] = await Promise.all([
        chSelect<Listed>(
          t,
          chSql`SELECT ${chRaw(LIST_COLUMNS)} FROM ${T} WHERE ${w} GROUP BY id ORDER BY a_received_ms DESC, id DESC LIMIT ${offset}, ${limit}`,
        ),
        chSelect<{ n: string }>(t, chSql`SELECT uniqExact(id) AS n FROM ${T} WHERE ${w}`),
      ]);
      return { items: rows.map(view), total: Number(n!.n) };
    },

    async stats(_ctx, s, bucketSec) {
      await ensure();
      const from = s.from.getTime();
      const ms = bucketSec * 1000;
      const rows = await chSelect<{ b: string; severity: string; n: string }>(
        t,
        chSql`SELECT intDiv(received_ms - ${from}, ${ms}) AS b, severity, sum(count) AS n FROM ${T} WHERE ${where(s)}
          GROUP BY b, severity ORDER BY b`,
      );
      return rows.map((r) => ({ at: new Date(from + Number(r.b) * ms), severity: r.severity, n: Number(r.n) }));
    },

    async severityTotals(_ctx, from, to) {
      await ensure();
      const rows = await chSelect<{ severity: string; records: string; n: string }>(
        t,
        chSql`SELECT severity, uniqExact(id) AS records, sum(count) AS n FROM ${T} WHERE ${timeRange(from, to)} GROUP BY severity`,
      );
      return rows.map((r) => ({ severity: r.severity, records: Number(r.records), n: Number(r.n) }));
    },

    async mentioning(_ctx, q) {
      await ensure();
      const words = q.words.length
        ? chJoin(
            q.words.map((w) => chSql`positionCaseInsensitiveUTF8(raw, ${w}) > 0`),
            ' OR ',
          )
        : chRaw('1');
      const rows = await chSelect<ChEventRow>(
        t,
        chSql`SELECT received_ms, occurred_ms, source, host, vendor, message, raw FROM ${T}
          WHERE delta = 0 AND ${timeRange(q.from, q.to)} AND (${words}) ORDER BY received_ms LIMIT ${q.limit}`,
      );
      return rows.map((r) => ({
        receivedAt: new Date(Number(r.received_ms)),
        occurredAt: r.occurred_ms === null ? null : new Date(Number(r.occurred_ms)),
        source: r.source,
        host: r.host,
        vendor: r.vendor,
        message: r.message,
        raw: r.raw,
      }));
    },

    async hits(_ctx, r, from, to) {
      // The job's run (the range is one window) of a threshold, sum or distinct count is a GROUP BY here
      // too; a longer test run and a sequence are counted in Node from select() (evaluate.ts).
      if (r.then || to.getTime() - from.getTime() > r.windowMs) return null;
      await ensure();
      const p = r.first;
      const key = COLUMN[r.groupBy];
      const reached = p.distinct ? chSql`uniqExact(${chRaw(COLUMN[p.distinct])}) >= ${p.min}` : chSql`h_n >= ${p.min}`;
      const valid = chRaw(`${key} IS NOT NULL AND toString(${key}) != ''`);
      const rows = await chSelect<{ h_key: string; h_n: string | number; h_first: string; h_last: string; h_sample: string }>(
        t,
        chSql`SELECT toString(${chRaw(key)}) AS h_key, sum(${weight(p.sum)}) AS h_n, min(received_ms) AS h_first,
            max(received_ms) AS h_last, argMax(message, received_ms) AS h_sample FROM ${T}
          WHERE ${chJoin([timeRange(from, to, true), ...selectionWhere(p.selection, p.sum), valid], ' AND ')}
          GROUP BY h_key HAVING ${reached} ORDER BY h_key`,
      );
      return rows.map((g) => ({
        key: g.h_key,
        count: Number(g.h_n),
        firstAt: new Date(Number(g.h_first)).toISOString(),
        lastAt: new Date(Number(g.h_last)).toISOString(),
        sample: g.h_sample.slice(0, 500),
      }));
    },

    async select(_ctx, s, groupBy, distinct, from, to, limit, sum = null) {
      await ensure();
      const conditions = selectionWhere(s, sum);
      const d = chRaw(distinct ? COLUMN[distinct] : 'NULL');
      const rows = await chSelect<{ at: string; key: string | null; distinct: string | null; w: string | number; message: string }>(
        t,
        chSql`SELECT received_ms AS at, ${chRaw(COLUMN[groupBy])} AS key, ${d} AS distinct, ${weight(sum)} AS w, message FROM ${T}
          WHERE ${chJoin([timeRange(from, to, true), ...conditions], ' AND ')} ORDER BY received_ms LIMIT ${limit}`,
      );
      return rows.map((r) => ({
        at: new Date(Number(r.at)),
        key: r.key === null ? null : String(r.key),
        distinct: r.distinct === null ? null : String(r.distinct),
        count: Number(r.w),
        message: r.message,
      }));
    },

    async retain(cutoff) {
      await ensure();
      const day = Number(dateTime(cutoff.getTime()).slice(0, 10).replace(/-/g, ''));
      const parts = await chSelect<{ partition: string }>(
        t,
        chSql`SELECT DISTINCT partition FROM system.parts WHERE database = ${t.database} AND table = ${'evt_events'} AND active`,
      );
      const old = parts.map((p) => p.partition.replace(/'/g, '')).filter((p) => /^\d{8}$/.test(p) && Number(p) < day);
      // The partition id is digits read back from system.parts, checked above: no user text.
      for (const p of old) await chExec(t, chSql`ALTER TABLE ${T} DROP PARTITION ${Number(p)}`);
      return old.sort();
    },
  };
}
