// What the database already holds of a series, read from the catalog (the one source of truth: no
// bookkeeping table to drift from it), and the advisory lock under which it changes.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db, type DbKind } from '../db/client.ts';
import { LOCK_SERIES } from '../db/locks.ts';
import { q } from './columns.ts';
import type { SeriesDef } from './define.ts';

/** Partitioned by range of time (PostgreSQL) or one plain table (PGlite). */
export type Layout = 'partitioned' | 'plain';

/** A database to act on: the opened Database, or a context's handle (`ctx`, which has no kind). */
export type SeriesTarget = Database | { db: Db };

export interface PartitionInfo {
  name: string;
  /** Bounds; null for the DEFAULT partition. */
  from: Date | null;
  to: Date | null;
  /** pg_class.reltuples: the planner's estimate, 0 before the first ANALYZE. */
  rowEstimate: number;
  bytes: number;
}

const regclass = (def: SeriesDef): SQL => sql`to_regclass(${q(def.name)})`;

export async function layoutOf(db: Db, def: SeriesDef): Promise<Layout | null> {
  const [r] = await queryRows<{ kind: string }>(db, sql`SELECT relkind::text AS kind FROM pg_class WHERE oid = ${regclass(def)}`);
  return r ? (r.kind === 'p' ? 'partitioned' : 'plain') : null;
}

export async function columnNames(db: Db, def: SeriesDef): Promise<Set<string>> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT attname::text AS name FROM pg_attribute WHERE attrelid = ${regclass(def)} AND attnum > 0 AND NOT attisdropped`,
  );
  return new Set(rows.map((r) => r.name));
}

/** Which of these relations (tables or indexes) exist in the current schema. */
export async function existing(db: Db, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT relname::text AS name FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND relname IN (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})`,
  );
  return new Set(rows.map((r) => r.name));
}

const ms = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));

/** The leaf partitions (the plain table itself when not partitioned), oldest first, DEFAULT last. */
export async function partitions(db: Db, def: SeriesDef): Promise<PartitionInfo[]> {
  // The bound expression is printed in the session's time zone and read back in it.
  const bound = (which: 'FROM' | 'TO') =>
    sql.raw(
      `(extract(epoch FROM (regexp_match(pg_get_expr(c.relpartbound, c.oid), '${which} \\(''([^'']+)''\\)'))[1]::timestamptz) * 1000)::float8`,
    );
  const rows = await queryRows<{ name: string; from: number | null; to: number | null; rows: number; bytes: number }>(
    db,
    sql`SELECT c.relname::text AS name, ${bound('FROM')} AS "from", ${bound('TO')} AS "to",
          greatest(c.reltuples, 0)::float8 AS rows, pg_total_relation_size(c.oid)::float8 AS bytes
        FROM pg_class c
        WHERE c.oid IN (SELECT relid FROM pg_partition_tree(${regclass(def)}) WHERE isleaf) OR (c.oid = ${regclass(def)} AND c.relkind = 'r')
        ORDER BY 2 NULLS LAST, 1`,
  );
  return rows.map((r) => ({ name: r.name, from: ms(r.from), to: ms(r.to), rowEstimate: Number(r.rows), bytes: Number(r.bytes) }));
}

/** Partitions detached by a maintenance run that stopped before dropping them. */
export async function detachedLeftovers(db: Db, def: SeriesDef): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT relname::text AS name FROM pg_class
        WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
          AND relkind = 'r' AND NOT relispartition AND relname ~ ${`^${def.name}_p[0-9]{8}$`}`,
  );
  return rows.map((r) => r.name);
}

const kinds = new WeakMap<Db, DbKind>();

/** The database's kind: from the Database, or asked of the server once per handle. */
export async function kindOf(target: SeriesTarget): Promise<DbKind> {
  if ('kind' in target) return target.kind;
  const known = kinds.get(target.db);
  if (known) return known;
  const [r] = await queryRows<{ pglite: boolean }>(target.db, sql`SELECT version() LIKE '%PGlite%' AS pglite`);
  const kind: DbKind = r?.pglite ? 'pglite' : 'postgresql';
  kinds.set(target.db, kind);
  return kind;
}

/** The series' second advisory-lock key: 32 bits of the name's hash (the first key is LOCK_SERIES). */
function lockKey(name: string): number {
  return createHash('sha1').update(name).digest().readInt32BE(0);
}

/**
 * One short transaction holding the series' advisory lock, so two nodes (or two callers) change a
 * series one at a time; each step re-reads the catalog inside it. `lock_timeout` then bounds how long a
 * DDL statement queues behind a long reader (the next hourly run retries) instead of stalling inserts.
 */
export async function underLock<T>(db: Db, def: SeriesDef, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The series' lock first, waited for as long as the other holder needs; then the time limit.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_SERIES}::int, ${lockKey(def.name)}::int)`);
    await tx.execute(sql`SET LOCAL lock_timeout = '10s'`);
    return fn(tx);
  });
}
