// queryRowsPrepared (kernel/db/client.ts) on both databases: the same rows as an ordinary query, run
// again and again from one prepared statement; a statement that fails leaves the database usable and
// its error as the driver's (a duplicate is still a unique violation); and on PGlite, where the
// prepared path talks to the engine itself, it never runs inside somebody else's transaction.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, queryRowsPrepared } from './client.ts';
import { testDb, type TestDb } from '../../test/harness.ts';

let t: TestDb;
beforeAll(async () => {
  t = await testDb([]);
  await t.database.db.execute(sql`CREATE TABLE prep_calls (id int PRIMARY KEY, caller text NOT NULL, at timestamptz, notes jsonb)`);
}, 60_000);
afterAll(async () => {
  await t.drop();
});

// The SQLSTATE, on the error itself (PGlite's) or on its cause (drizzle's wrapper around node-postgres).
const codeOf = (e: unknown) => (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;

const insert = (id: number, caller: string | null, at: Date | null, notes: unknown) =>
  sql`INSERT INTO prep_calls (id, caller, at, notes) VALUES (${id}, ${caller}, ${at}, ${notes === null ? null : JSON.stringify(notes)}::jsonb)
      RETURNING id, caller, at, notes, (SELECT count(*)::int FROM prep_calls) AS before`;

describe('queryRowsPrepared', () => {
  it('answers as an ordinary query does, call after call, with timestamps as text', async () => {
    const at = new Date('2026-10-01T03:00:00.000Z');
    const got = [];
    for (let i = 1; i <= 8; i++)
      got.push(...(await queryRowsPrepared<Record<string, unknown>>(t.database.db, insert(i, `值班员${i}`, at, { line: 'NET', n: i }))));
    expect(got.map((r) => r.caller)).toEqual(Array.from({ length: 8 }, (_, i) => `值班员${i + 1}`));
    expect(got.map((r) => r.before)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(got[7]!.notes).toEqual({ line: 'NET', n: 8 });
    expect(typeof got[0]!.at).toBe('string');
    expect(new Date(got[0]!.at as string).toISOString()).toBe(at.toISOString());
    const [plain] = await queryRows<{ caller: string }>(t.database.db, sql`SELECT caller FROM prep_calls WHERE id = 3`);
    expect(plain!.caller).toBe('值班员3');
    // A null parameter where the first calls had values.
    const [n] = await queryRowsPrepared<{ at: string | null; notes: unknown }>(t.database.db, insert(9, '夜班', null, null));
    expect(n).toMatchObject({ at: null, notes: null });
  });

  it('fails as the driver fails, and the next statement still runs', async () => {
    const again = queryRowsPrepared(t.database.db, insert(1, '重复', null, null));
    expect(codeOf(await again.catch((e: unknown) => e))).toBe('23505'); // unique_violation
    const notNull = queryRowsPrepared(t.database.db, insert(20, null, null, null));
    expect(codeOf(await notNull.catch((e: unknown) => e))).toBe('23502'); // not_null_violation
    const [r] = await queryRowsPrepared<{ id: number }>(t.database.db, insert(21, '恢复', null, null));
    expect(r!.id).toBe(21);
    const [c] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM prep_calls`);
    expect(c!.n).toBe(10);
  });

  it('waits for a transaction in progress instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = t.database.db
      .transaction(async (x) => {
        await x.execute(sql`INSERT INTO prep_calls (id, caller) VALUES (100, '事务内')`);
        await held;
        throw new Error('rolled back on purpose');
      })
      .catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 50)); // the transaction has begun
    const outside = queryRowsPrepared<{ id: number }>(t.database.db, insert(101, '事务外', null, null));
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await tx).toBe('rolled back on purpose');
    expect((await outside)[0]!.id).toBe(101);
    const rows = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM prep_calls WHERE id >= 100 ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual([101]); // kept: it was not part of the rolled-back transaction
  });
});
