// maintainSeries: partitions ready ahead, stray rows adopted into partitions, and retention. Run
// hourly by the kernel job (seriesMaintenanceJob) for every declared series; idempotent, and safe
// from two nodes at once (each change re-reads the catalog under the series' advisory lock).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import type { GlobalJob } from '../jobs.ts';
import { q } from './columns.ts';
import { detachedLeftovers, kindOf, partitions, underLock, type Layout } from './catalog.ts';
import { defaultPartitionName, partitionName, periodOf, retentionCutoff, type SeriesDef } from './define.ts';
import { aheadEnd, createPartitions, ensureSeries } from './ensure.ts';

export interface MaintenanceReport {
  series: string;
  layout: Layout;
  /** Rows before this instant are past retention (the start of a period). */
  cutoff: Date;
  /** Partitions created: ahead, and for rows that were waiting in DEFAULT. */
  created: string[];
  /** Partitions dropped, wholly older than the cutoff. */
  dropped: string[];
  /** Rows deleted by age (PGlite's plain table, PostgreSQL's DEFAULT partition). */
  deleted: number;
}

/** Rows deleted per statement: short statements, so inserts and readers are never held long. */
export const DELETE_BATCH = 10_000;
/** Partitions made for stray rows per run; a large backlog is worked through run after run. */
const ADOPT_PER_RUN = 31;

/**
 * Brings a series to its steady state at `now`. Not inside a transaction: on PGlite it ends with a
 * VACUUM (PGlite runs no autovacuum), which PostgreSQL refuses in one.
 */
export async function maintainSeries(ctx: { db: Db }, def: SeriesDef, now: Date): Promise<MaintenanceReport> {
  const { layout, created } = await ensureSeries(ctx, def, now);
  const cutoff = retentionCutoff(def, now);
  const report: MaintenanceReport = { series: def.name, layout, cutoff, created, dropped: [], deleted: 0 };
  if (layout === 'plain') {
    report.deleted = await deleteBefore(ctx.db, def.name, def.timeName, cutoff);
    // Statistics for the planner and free space for new rows: autovacuum's work, which PGlite lacks.
    if ((await kindOf(ctx)) === 'pglite') await ctx.db.execute(sql.raw(`VACUUM (ANALYZE) ${q(def.name)}`));
    return report;
  }
  report.created.push(...(await adopt(ctx.db, def, cutoff, aheadEnd(def, now))));
  report.dropped = await dropBefore(ctx.db, def, cutoff);
  report.deleted = await deleteBefore(ctx.db, defaultPartitionName(def), def.timeName, cutoff);
  return report;
}

/**
 * Rows in DEFAULT that belong to the retained range (a worker down for longer than AHEAD_DAYS, a
 * back-fill, a device clock days late) move into partitions of their own, so DEFAULT stays near
 * empty: each ATTACH scans it.
 */
async function adopt(db: Db, def: SeriesDef, cutoff: Date, horizon: Date): Promise<string[]> {
  const d = q(defaultPartitionName(def));
  const t = q(def.timeName);
  const created: string[] = [];
  let from = cutoff;
  for (let i = 0; i < ADOPT_PER_RUN; i++) {
    const [r] = await queryRows<{ t: number | null }>(
      db,
      sql`SELECT (extract(epoch FROM min(${sql.raw(t)})) * 1000)::float8 AS t FROM ${sql.raw(d)}
          WHERE ${sql.raw(t)} >= ${from.toISOString()} AND ${sql.raw(t)} < ${horizon.toISOString()}`,
    );
    if (r?.t === null || r?.t === undefined) break;
    const p = periodOf(def, new Date(Number(r.t)));
    created.push(...(await createPartitions(db, def, p.from, p.to)));
    from = p.to;
  }
  return created;
}

/** DETACH then DROP every partition wholly older than the cutoff, each in its own transaction. */
async function dropBefore(db: Db, def: SeriesDef, cutoff: Date): Promise<string[]> {
  const old = (await partitions(db, def)).filter((p) => p.to && p.to <= cutoff).map((p) => p.name);
  const dropped: string[] = [];
  for (const name of old) {
    // DETACH holds the parent's lock for a moment; the DROP (removing the files) then holds none of it.
    const detached = await underLock(db, def, async (tx) => {
      if (!(await partitions(tx, def)).some((p) => p.name === name)) return false;
      await tx.execute(sql.raw(`ALTER TABLE ${q(def.name)} DETACH PARTITION ${q(name)}`));
      return true;
    });
    if (detached) dropped.push(name);
  }
  // Dropped here, and any left detached by a run that stopped between the two steps.
  const before = partitionName(def, cutoff);
  for (const name of (await detachedLeftovers(db, def)).filter((n) => n < before))
    await underLock(db, def, async (tx) => {
      await tx.execute(sql.raw(`DROP TABLE IF EXISTS ${q(name)}`));
    });
  return dropped;
}

/** Deletes rows before the cutoff, DELETE_BATCH at a time; returns how many (exported for bench/timeseries.ts). */
export async function deleteBefore(db: Db, table: string, timeName: string, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const [r] = await queryRows<{ n: number }>(
      db,
      sql`WITH d AS (DELETE FROM ${sql.raw(q(table))} WHERE ctid = ANY (ARRAY(
            SELECT ctid FROM ${sql.raw(q(table))} WHERE ${sql.raw(q(timeName))} < ${cutoff.toISOString()} LIMIT ${DELETE_BATCH})) RETURNING 1)
          SELECT count(*)::int AS n FROM d`,
    );
    const n = Number(r?.n ?? 0);
    total += n;
    if (n < DELETE_BATCH) return total;
  }
}

/**
 * The kernel job that keeps every series: hourly (at minute 7, once across nodes: pg-boss), one
 * series after another; a series that fails does not stop the others, and the run is marked failed.
 */
export function seriesMaintenanceJob(defs: readonly SeriesDef[]): GlobalJob {
  return {
    name: 'kernel-series-maintenance',
    scope: 'global',
    cron: '7 * * * *',
    handler: async (ctx) => {
      const failed: string[] = [];
      for (const def of defs) {
        try {
          const r = await maintainSeries(ctx, def, ctx.now());
          ctx.log.info({ series: r.series, created: r.created, dropped: r.dropped, deleted: r.deleted }, 'series maintained');
        } catch (e) {
          ctx.log.error({ err: e, series: def.name }, 'series maintenance failed');
          failed.push(`${def.name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      if (failed.length) throw new Error(`时序表维护失败 (series maintenance failed): ${failed.join('; ')}`);
    },
  };
}
