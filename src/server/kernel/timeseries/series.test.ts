// The time-series helper on the database under test (PGlite, or PostgreSQL with YUNWEI_TEST_DB):
// the table made from the Drizzle declaration, twice without harm, typed rows in and out, and rows of
// any time accepted. Maintenance (retention, partitions ahead, two nodes) is in maintain.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { onPostgres } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { Invalid } from '../errors.ts';
import {
  appendRows,
  defineSeries,
  ensureSeries,
  inRange,
  maintainSeries,
  partitionName,
  rangeQuery,
  SeriesDefinitionError,
} from './index.ts';
import { DAY, NOW, count, fileDb, homes, samplesSeries, seriesCtx } from './series.fixture.ts';

const t = fileDb();

async function relkind(name: string): Promise<string | null> {
  const [r] = await queryRows<{ k: string }>(t.database.db, sql`SELECT relkind::text AS k FROM pg_class WHERE oid = to_regclass(${name})`);
  return r?.k ?? null;
}

describe('ensureSeries', () => {
  it('creates the table from the Drizzle columns, its indexes and the days ahead; a second call changes nothing', async () => {
    const def = samplesSeries('ts_ensure');
    const first = await ensureSeries(t.database, def, NOW);
    expect(first.layout).toBe(onPostgres ? 'partitioned' : 'plain');
    expect(await relkind('ts_ensure')).toBe(onPostgres ? 'p' : 'r');
    const cols = await queryRows<{ name: string; type: string; notnull: boolean; dflt: string | null }>(
      t.database.db,
      sql`SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS dflt
          FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE attrelid = to_regclass('ts_ensure') AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    );
    expect(cols.map((c) => [c.name, c.type, c.notnull])).toEqual([
      ['seq', 'bigint', true],
      ['at', 'timestamp with time zone', true],
      ['target', 'text', true],
      ['value', 'double precision', false],
      ['ok', 'boolean', true],
      ['received_at', 'timestamp with time zone', true],
      ['id', 'uuid', true],
      ['tags', 'jsonb', false],
      ['source', 'text', true],
    ]);
    const dflt = Object.fromEntries(cols.map((c) => [c.name, c.dflt]));
    // $defaultFn is applied in Node (by appendRows, as by Drizzle's insert): no database default.
    expect(dflt).toMatchObject({ ok: 'true', received_at: 'now()', id: 'gen_random_uuid()', source: null });
    expect(dflt.seq).toMatch(/^nextval\('ts_ensure_seq_seq'/);
    const idx = await queryRows<{ name: string; def: string }>(
      t.database.db,
      sql`SELECT indexname::text AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'ts_ensure' ORDER BY 1`,
    );
    expect(idx.map((i) => i.name)).toEqual(['ts_ensure_brin', 'ts_ensure_target_at_idx']);
    expect(idx[0]!.def).toContain('USING brin (at)');
    if (onPostgres) {
      // Today (Shanghai) and a week ahead, and the DEFAULT partition.
      const days = Array.from({ length: 8 }, (_, i) => partitionName(def, new Date(NOW.getTime() + i * DAY)));
      expect(first.created).toEqual(days);
      expect(days[0]).toBe('ts_ensure_p20261206');
      expect(await relkind('ts_ensure_pdefault')).toBe('r');
    } else expect(first.created).toEqual([]);

    const second = await ensureSeries(t.database, def, NOW);
    expect(second).toEqual({ layout: first.layout, created: [] });
    // The same through a context (no Database.kind there: asked of the server).
    expect(await ensureSeries(seriesCtx(t.database.db, NOW), def, NOW)).toEqual(second);
  });

  it('adds a column a newer declaration has, leaving the rows', async () => {
    const v1 = defineSeries({
      name: 'ts_grow',
      table: pgTable('ts_grow', { at: timestamp('at', { withTimezone: true }).notNull(), a: text('a').notNull() }),
      timeColumn: 'at',
      retentionDays: 30,
    });
    await ensureSeries(t.database, v1, NOW);
    await appendRows(seriesCtx(t.database.db), v1, [{ at: NOW, a: 'x' }]);
    const v2 = defineSeries({
      name: 'ts_grow',
      table: pgTable('ts_grow', { at: timestamp('at', { withTimezone: true }).notNull(), a: text('a').notNull(), b: text('b') }),
      timeColumn: 'at',
      retentionDays: 30,
    });
    await ensureSeries(t.database, v2, NOW);
    await appendRows(seriesCtx(t.database.db), v2, [{ at: NOW, a: 'y', b: 'z' }]);
    const rows = await rangeQuery(seriesCtx(t.database.db), v2, { from: NOW, to: new Date(NOW.getTime() + 1), order: 'asc' });
    expect(rows.map((r) => [r.a, r.b]).sort()).toEqual([
      ['x', null],
      ['y', 'z'],
    ]);
  });

  it('refuses declarations it could not honour, naming the problem', () => {
    const at = timestamp('at', { withTimezone: true }).notNull();
    const bad = [
      () => defineSeries({ name: 'x_a', table: pgTable('x_b', { at }), timeColumn: 'at', retentionDays: 1 }),
      () =>
        defineSeries({
          name: 'x_naive',
          table: pgTable('x_naive', { at: timestamp('at').notNull() }),
          timeColumn: 'at',
          retentionDays: 1,
        }),
      () =>
        defineSeries({
          name: 'x_ix',
          table: pgTable('x_ix', { at: timestamp('at', { withTimezone: true }).notNull(), k: text('k') }, (c) => [index('x_ix_k').on(c.k)]),
          timeColumn: 'at',
          retentionDays: 1,
        }),
      () =>
        defineSeries({
          name: 'x_pk',
          table: pgTable('x_pk', { at: timestamp('at', { withTimezone: true }).notNull(), k: text('k').primaryKey() }),
          timeColumn: 'at',
          retentionDays: 1,
        }),
      () => defineSeries({ name: 'x_ret', table: pgTable('x_ret', { at }), timeColumn: 'at', retentionDays: 0 }),
    ];
    for (const f of bad) expect(f).toThrow(SeriesDefinitionError);
    // A primary key with the time column in it is fine (partitioned tables need exactly that).
    const ok = defineSeries({
      name: 'x_okpk',
      table: pgTable('x_okpk', { at: timestamp('at', { withTimezone: true }).notNull(), k: text('k').notNull() }, (c) => [
        primaryKey({ columns: [c.k, c.at] }),
      ]),
      timeColumn: 'at',
      retentionDays: 1,
    });
    expect(ok.timeName).toBe('at');
  });
});

describe('a series with a primary key (the time column in it)', () => {
  it('keeps the key in every partition, adopted ones too: a duplicate fails its batch', async () => {
    const def = defineSeries({
      name: 'ts_keyed',
      table: pgTable('ts_keyed', { at: timestamp('at', { withTimezone: true }).notNull(), k: text('k').notNull() }, (c) => [
        primaryKey({ columns: [c.k, c.at] }),
      ]),
      timeColumn: 'at',
      retentionDays: 30,
    });
    const ctx = seriesCtx(t.database.db, NOW);
    await ensureSeries(t.database, def, NOW);
    const earlier = new Date(NOW.getTime() - 3 * DAY); // before the partitions ensure made: DEFAULT, then adopted
    await appendRows(ctx, def, [
      { at: earlier, k: 'a' },
      { at: NOW, k: 'a' },
    ]);
    await maintainSeries(ctx, def, NOW);
    for (const at of [earlier, NOW]) await expect(appendRows(ctx, def, [{ at, k: 'a' }])).rejects.toThrow();
    expect(await count(t.database.db, 'ts_keyed')).toBe(2);
    if (onPostgres)
      expect(Object.keys(await homes(t.database.db, 'ts_keyed')).sort()).toEqual(['ts_keyed_p20261203', 'ts_keyed_p20261206']);
  });
});

describe('appendRows and rangeQuery', () => {
  const def = samplesSeries('ts_rows');
  beforeAll(async () => {
    await ensureSeries(t.database, def, NOW);
  });

  it('writes a batch in one statement with the defaults filled in, and reads a range back typed', async () => {
    const ctx = seriesCtx(t.database.db, NOW);
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const n = await appendRows(ctx, def, [
      { at: at(-30), target: 'sw-01', value: 1.5, tags: ['core'] },
      { at: at(-20), target: 'sw-02', value: 2.5, ok: false },
      { at: at(-10), target: 'sw-01', value: null },
      { at: at(+10), target: 'sw-01', value: 4 },
    ]);
    expect(n).toBe(4);
    const rows = await rangeQuery(ctx, def, { from: at(-30), to: at(10) });
    // Half-open [from, to), newest first; the row at `to` is not in it.
    expect(rows.map((r) => [r.target, r.value, r.ok, r.source, r.tags])).toEqual([
      ['sw-01', null, true, 'poller', null],
      ['sw-02', 2.5, false, 'poller', null],
      ['sw-01', 1.5, true, 'poller', ['core']],
    ]);
    const r0 = rows[0]!;
    expect(r0.at).toBeInstanceOf(Date);
    expect(r0.at.getTime()).toBe(at(-10).getTime());
    expect(r0.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r0.receivedAt).toBeInstanceOf(Date);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
    const one = await rangeQuery(ctx, def, { from: at(-60), to: at(60), where: eq(def.table.target, 'sw-01'), order: 'asc', limit: 2 });
    expect(one.map((r) => r.value)).toEqual([1.5, null]);
    // Any select can use the same condition (aggregates for charts).
    const [agg] = await t.database.db
      .select({ n: sql<number>`count(*)::int`, avg: sql<number>`avg(${def.table.value})` })
      .from(def.table)
      .where(inRange(def, at(-60), at(60)));
    expect(agg).toEqual({ n: 4, avg: 8 / 3 });
  });

  it('accepts rows far in the past or the future; on PostgreSQL they wait in the DEFAULT partition', async () => {
    const ctx = seriesCtx(t.database.db, NOW);
    const past = new Date('2001-01-01T00:00:00Z');
    const future = new Date('2099-12-31T12:00:00Z');
    await appendRows(ctx, def, [
      { at: past, target: 'clock-wrong', value: 1 },
      { at: NOW, target: 'sw-03', value: 2 },
      { at: future, target: 'clock-wrong', value: 3 },
    ]);
    expect((await rangeQuery(ctx, def, { from: past, to: new Date(past.getTime() + 1) })).map((r) => r.value)).toEqual([1]);
    expect((await rangeQuery(ctx, def, { from: future, to: new Date(future.getTime() + 1) })).map((r) => r.value)).toEqual([3]);
    if (onPostgres) {
      const where = sql`WHERE target IN ('clock-wrong', 'sw-03')`;
      const rows = await queryRows<{ home: string; target: string }>(
        t.database.db,
        sql`SELECT tableoid::regclass::text AS home, target FROM ts_rows ${where} ORDER BY at`,
      );
      expect(rows).toEqual([
        { home: 'ts_rows_pdefault', target: 'clock-wrong' },
        { home: 'ts_rows_p20261206', target: 'sw-03' },
        { home: 'ts_rows_pdefault', target: 'clock-wrong' },
      ]);
    } else expect(await homes(t.database.db, 'ts_rows')).toEqual({ ts_rows: await count(t.database.db, 'ts_rows') });
  });

  it('refuses an empty or inverted range and an unbounded read with Invalid', async () => {
    const ctx = seriesCtx(t.database.db, NOW);
    await expect(rangeQuery(ctx, def, { from: NOW, to: NOW })).rejects.toThrow(Invalid);
    await expect(rangeQuery(ctx, def, { from: NOW, to: new Date(NOW.getTime() - 1) })).rejects.toMatchObject({ code: 'series.range' });
    await expect(rangeQuery(ctx, def, { from: NOW, to: new Date(NOW.getTime() + 1), limit: 1e6 })).rejects.toMatchObject({
      code: 'series.limit',
    });
    expect(await appendRows(ctx, def, [])).toBe(0);
  });
});
