// A series as a module would declare one (the tests' own), and the system context on a test database.
import { bigserial, boolean, doublePrecision, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows, type Db } from '../db/client.ts';
import { keyring } from '../crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from '../context.ts';
import { defineSeries } from './define.ts';
import { afterAll, beforeAll } from 'vitest';
import { testDb, type TestDb } from '../../test/harness.ts';

export function samplesTable(name: string) {
  return pgTable(name, {
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    target: text('target').notNull(),
    value: doublePrecision('value'),
    ok: boolean('ok').notNull().default(true),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    id: uuid('id').notNull().defaultRandom(),
    tags: jsonb('tags').$type<string[]>(),
    source: text('source')
      .notNull()
      .$defaultFn(() => 'poller'),
  });
}

export function samplesSeries(name: string, retentionDays = 10, partitionDays = 1) {
  return defineSeries({
    name,
    table: samplesTable(name),
    timeColumn: 'at',
    retentionDays,
    partitionDays,
    indexes: [{ columns: ['target', 'at'] }],
  });
}

export function seriesCtx(db: Db, now: Date = new Date()): Ctx {
  return {
    db,
    actor: SYSTEM_ACTOR,
    ip: null,
    requestId: 'test',
    now: () => now,
    log: pino({ level: 'silent' }),
    keys: keyring(Buffer.alloc(32, 7)),
  };
}

/** 2026-12-06 10:00 in Shanghai: the tests' "now". */
export const NOW = new Date('2026-12-06T02:00:00Z');
export const DAY = 86_400_000;

export async function count(db: Db, table: string, where = sql``): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} ${where}`);
  return Number(r?.n ?? 0);
}

/** Which relation each row of the table is stored in (partition names on PostgreSQL). */
export async function homes(db: Db, table: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ home: string; n: number }>(
    db,
    sql`SELECT tableoid::regclass::text AS home, count(*)::int AS n FROM ${sql.identifier(table)} GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.home, Number(r.n)]));
}

/** A fresh database for the test file: created before its tests, dropped after them. */
export function fileDb(): TestDb {
  const holder = {} as TestDb;
  beforeAll(async () => {
    Object.assign(holder, await testDb());
  });
  afterAll(() => holder.drop());
  return holder;
}
