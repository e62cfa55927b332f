// Keeping a series (on the database under test): partitions ahead as time goes on, retention that
// removes exactly the rows before the cutoff (same rows on both databases), stray rows adopted into
// partitions, two callers at once, the hourly job, the health figures, and partition pruning.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { onPostgres } from '../../test/harness.ts';
import { openDatabase, queryRows, type Database } from '../db/client.ts';
import { buildRegistry } from '../registry.ts';
import {
  appendRows,
  ensureSeries,
  inRange,
  maintainSeries,
  partitionName,
  periodOf,
  retentionCutoff,
  seriesMaintenanceJob,
  seriesStats,
  type SeriesDef,
} from './index.ts';
import { DAY, NOW, count, fileDb, homes, samplesSeries, seriesCtx } from './series.fixture.ts';

const t = fileDb();

const HOUR = 3_600_000;
/** One row every 6 hours from 20 days before NOW to NOW, plus the instants around the cutoff. */
function rowsAround(def: SeriesDef, now: Date): { at: Date; target: string; value: number }[] {
  const cutoff = retentionCutoff(def, now).getTime();
  const times = [cutoff - 1, cutoff, cutoff + 1];
  for (let at = now.getTime() - 20 * DAY; at <= now.getTime(); at += 6 * HOUR) times.push(at);
  return times.map((at, i) => ({ at: new Date(at), target: `t${i % 3}`, value: i }));
}

async function partitionNames(def: SeriesDef): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    t.database.db,
    sql`SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = to_regclass(${def.name}) ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

describe('maintainSeries', () => {
  it('removes exactly the rows before the cutoff, and keeps partitions a week ahead as time goes on', async () => {
    const def = samplesSeries('ts_keep', 10);
    const db = t.database.db;
    await ensureSeries(t.database, def, NOW);
    const rows = rowsAround(def, NOW);
    await appendRows(seriesCtx(db), def, rows);
    expect(await count(db, def.name)).toBe(rows.length);

    const cutoff = retentionCutoff(def, NOW);
    // 10 days back from 2026-12-06 10:00 Shanghai is 2026-11-26 10:00: the cutoff is that day's start.
    expect(cutoff.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    const r1 = await maintainSeries(seriesCtx(db, NOW), def, NOW);
    const kept = (now: Date) => rows.filter((r) => r.at >= retentionCutoff(def, now)).length;
    expect(await count(db, def.name)).toBe(kept(NOW));
    expect(await count(db, def.name, sql`WHERE at < ${cutoff.toISOString()}`)).toBe(0);
    expect(await count(db, def.name, sql`WHERE at = ${cutoff.toISOString()}`)).toBe(1);
    expect(r1.deleted).toBe(rows.length - kept(NOW));

    if (onPostgres) {
      // The rows of the retained past days waited in DEFAULT (ensure made only today onwards); now
      // each day has its partition and DEFAULT is empty.
      expect(r1.created).toHaveLength(10);
      expect(await count(db, 'ts_keep_pdefault')).toBe(0);
      const where = await homes(db, def.name);
      expect(Object.keys(where).sort()[0]).toBe('ts_keep_p20261126');
    }

    // Three days later: three more days fall out of retention; the new week ahead exists.
    const later = new Date(NOW.getTime() + 3 * DAY);
    const r2 = await maintainSeries(seriesCtx(db, later), def, later);
    expect(await count(db, def.name)).toBe(kept(later));
    expect(r2.deleted + r2.dropped.length).toBeGreaterThan(0);
    if (onPostgres) {
      expect(r2.dropped).toEqual(['ts_keep_p20261126', 'ts_keep_p20261127', 'ts_keep_p20261128']);
      expect(r2.deleted).toBe(0);
      expect(r2.created).toEqual(['ts_keep_p20261214', 'ts_keep_p20261215', 'ts_keep_p20261216']);
      const names = await partitionNames(def);
      expect(names[0]).toBe('ts_keep_p20261129');
      expect(names).toContain(partitionName(def, new Date(later.getTime() + 7 * DAY)));
      // Dropped, not merely detached.
      const [left] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM pg_class WHERE relname = 'ts_keep_p20261126'`);
      expect(left?.n).toBe(0);
    } else expect(r2.deleted).toBe(kept(NOW) - kept(later));

    // Idempotent: the same instant again changes nothing.
    const r3 = await maintainSeries(seriesCtx(db, later), def, later);
    expect({ created: r3.created, dropped: r3.dropped, deleted: r3.deleted }).toEqual({ created: [], dropped: [], deleted: 0 });
    expect(await count(db, def.name)).toBe(kept(later));
  });

  it('partitions of several days: retention keeps whole periods, the same rows on both databases', async () => {
    const def = samplesSeries('ts_week', 14, 7);
    const db = t.database.db;
    await ensureSeries(t.database, def, NOW);
    const rows = rowsAround(def, NOW);
    await appendRows(seriesCtx(db), def, rows);
    await maintainSeries(seriesCtx(db, NOW), def, NOW);
    const cutoff = retentionCutoff(def, NOW);
    expect(cutoff.getTime()).toBe(periodOf(def, new Date(NOW.getTime() - 14 * DAY)).from.getTime());
    expect(await count(db, def.name)).toBe(rows.filter((r) => r.at >= cutoff).length);
    if (onPostgres) {
      const parts = (await seriesStats(seriesCtx(db, NOW), def)).partitions;
      expect(parts[0]!.from).toEqual(cutoff);
      for (const p of parts) {
        expect(p.to!.getTime() - p.from!.getTime()).toBe(7 * DAY);
        expect(periodOf(def, p.from!).from).toEqual(p.from);
      }
    }
  });

  it('two callers maintaining the same series at once (two nodes) end where one would', async () => {
    const def = samplesSeries('ts_race', 10);
    // A second connection pool, as a second node has (PGlite: one process, the same handle).
    const other: Database = t.url ? await openDatabase({ url: t.url, pgliteDir: null, poolSize: 4 }) : t.database;
    try {
      // Both create the table at once, then both maintain it at once, with stray rows to adopt.
      await Promise.all([ensureSeries(t.database, def, NOW), ensureSeries(other, def, NOW)]);
      const rows = rowsAround(def, NOW);
      await appendRows(seriesCtx(t.database.db), def, rows);
      const [a, b] = await Promise.all([
        maintainSeries(seriesCtx(t.database.db, NOW), def, NOW),
        maintainSeries(seriesCtx(other.db, NOW), def, NOW),
      ]);
      const kept = rows.filter((r) => r.at >= retentionCutoff(def, NOW)).length;
      expect(await count(t.database.db, def.name)).toBe(kept);
      expect(a.deleted + b.deleted).toBe(rows.length - kept);
      if (onPostgres) {
        // Each partition made once, by one of them.
        const made = [...a.created, ...b.created].sort();
        expect(new Set(made).size).toBe(made.length);
        expect(made).toHaveLength(10);
        expect(await partitionNames(def)).toHaveLength(10 + 8 + 1);
      }
    } finally {
      if (other !== t.database) await other.close();
    }
  });

  it('the hourly job maintains every series; one that fails does not stop the others', async () => {
    const good = samplesSeries('ts_job', 10);
    const broken = samplesSeries('ts_job_broken', 10);
    // Something else already holds the name.
    await t.database.db.execute(sql`CREATE VIEW ts_job_broken AS SELECT now() AS at`);
    const job = seriesMaintenanceJob([broken, good]);
    expect(job.cron).toBe('7 * * * *');
    const ctx = { ...seriesCtx(t.database.db, NOW), log: pino({ level: 'silent' }) };
    await expect(job.handler(ctx, null, { registry: buildRegistry([]) })).rejects.toThrow(/ts_job_broken/);
    expect(await queryRows(t.database.db, sql`SELECT 1 FROM pg_class WHERE oid = to_regclass('ts_job')`)).toHaveLength(1);
  });
});

describe('seriesStats', () => {
  it('gives size, partitions, rows outside them, and the oldest and newest rows without reading the table', async () => {
    const def = samplesSeries('ts_stats', 10);
    const db = t.database.db;
    await ensureSeries(t.database, def, NOW);
    const empty = await seriesStats(seriesCtx(db, NOW), def);
    expect({ oldest: empty.oldest, newest: empty.newest }).toEqual({ oldest: null, newest: null });
    const rows = rowsAround(def, NOW);
    await appendRows(seriesCtx(db), def, rows);
    await maintainSeries(seriesCtx(db, NOW), def, NOW);
    const future = new Date(NOW.getTime() + 400 * DAY);
    await appendRows(seriesCtx(db), def, [{ at: future, target: 'clock-wrong', value: 0 }]);
    if (onPostgres) await db.execute(sql`ANALYZE ts_stats`);
    const s = await seriesStats(seriesCtx(db, NOW), def);
    expect(s.oldest?.toISOString()).toBe(retentionCutoff(def, NOW).toISOString());
    expect(s.newest?.toISOString()).toBe(future.toISOString());
    expect(s.layout).toBe(onPostgres ? 'partitioned' : 'plain');
    expect(s.bytes).toBeGreaterThan(0);
    expect(s.rowEstimate).toBeGreaterThan(0);
    if (onPostgres) {
      expect(s.outsidePartitions).toBe(1);
      expect(s.partitions.map((p) => p.name)).toEqual((await partitionNames(def)).filter((n) => n !== 'ts_stats_pdefault'));
      expect(s.partitions.every((p) => p.to!.getTime() - p.from!.getTime() === DAY)).toBe(true);
      expect(s.partitions[0]!.from!.toISOString()).toBe(retentionCutoff(def, NOW).toISOString());
    } else expect(s.partitions).toEqual([]);
    // Without the future row, the newest is the last one written by the hour.
    await db.execute(sql`DELETE FROM ts_stats WHERE target = 'clock-wrong'`);
    expect((await seriesStats(seriesCtx(db, NOW), def)).newest?.toISOString()).toBe(NOW.toISOString());
  });

  it('finds the oldest row of a young series kept for 400 days (rows only in its last days)', async () => {
    const def = samplesSeries('ts_young', 400);
    const db = t.database.db;
    await ensureSeries(t.database, def, NOW);
    const first = new Date(NOW.getTime() - 2 * DAY + 17 * 60_000);
    const last = new Date(NOW.getTime() - 3 * HOUR);
    await appendRows(
      seriesCtx(db),
      def,
      [first, new Date(NOW.getTime() - DAY), last].map((at) => ({ at, target: 'x' })),
    );
    const s = await seriesStats(seriesCtx(db, NOW), def);
    expect([s.oldest?.toISOString(), s.newest?.toISOString()]).toEqual([first.toISOString(), last.toISOString()]);
  });
});

describe.skipIf(!onPostgres)('partition pruning (PostgreSQL)', () => {
  it('a one-day range query reads one partition, a two-day one two, never DEFAULT', async () => {
    const def = samplesSeries('ts_prune', 10);
    await ensureSeries(t.database, def, NOW);
    await appendRows(seriesCtx(t.database.db), def, rowsAround(def, NOW));
    await maintainSeries(seriesCtx(t.database.db, NOW), def, NOW);
    const day = periodOf(def, NOW);
    const scanned = async (from: Date, to: Date) => {
      const q = t.database.db
        .select({ n: sql`count(*)` })
        .from(def.table)
        .where(inRange(def, from, to));
      const plan = (await queryRows<Record<string, string>>(t.database.db, sql`EXPLAIN ${q.getSQL()}`))
        .map((r) => Object.values(r)[0])
        .join('\n');
      return [...new Set(plan.match(/ts_prune_p\w+/g) ?? [])].sort();
    };
    expect(await scanned(day.from, day.to)).toEqual(['ts_prune_p20261206']);
    expect(await scanned(new Date(day.from.getTime() - DAY), day.to)).toEqual(['ts_prune_p20261205', 'ts_prune_p20261206']);
    expect(await scanned(new Date(day.from.getTime() + HOUR), new Date(day.from.getTime() + 2 * HOUR))).toEqual(['ts_prune_p20261206']);
  });
});
