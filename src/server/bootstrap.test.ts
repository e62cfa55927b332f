// Bootstrap: idempotent, and it notices a database created under another secret key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { count } from 'drizzle-orm';
import { bootstrap } from './bootstrap.ts';
import { keyring } from './kernel/crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from './kernel/context.ts';
import { confMeetings } from './modules/conferences/tables.ts';
import { contracts } from './modules/contract/tables.ts';
import { users } from './kernel/db/tables.ts';
import { ensureAllSeries, registryOf } from './site.ts';
import { testDb, type TestDb } from './test/harness.ts';

let db: TestDb;
const ctxWith = (key: number): Ctx => ({
  db: db.database.db,
  actor: SYSTEM_ACTOR,
  ip: null,
  requestId: 't',
  now: () => new Date(),
  log: pino({ level: 'silent' }),
  keys: keyring(Buffer.alloc(32, key)),
});

beforeAll(async () => {
  db = await testDb();
  await ensureAllSeries(db.database, registryOf()); // as a node does before the bootstrap: the demo writes events
});
afterAll(async () => {
  await db.drop();
});

describe('bootstrap', () => {
  it('creates the admin and the demo once, and prints their passwords only the first time', async () => {
    const first = await bootstrap(ctxWith(1), { adminPassword: null, demo: true, demoPassword: null });
    expect(first.admin).toMatchObject({ created: true, generated: true });
    expect(first.admin.password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,}$/);
    expect(first.demo?.accounts).toHaveLength(14);
    const second = await bootstrap(ctxWith(1), { adminPassword: null, demo: true, demoPassword: null });
    expect(second.admin.created).toBe(false);
    expect(second.demo).toBeNull();
    expect(second.keyMismatch).toBe(false);
    const [c] = await db.database.db.select({ n: count() }).from(contracts);
    expect(Number(c!.n)).toBe(2);
    const [u] = await db.database.db.select({ n: count() }).from(users);
    expect(Number(u!.n)).toBe(15); // admin + 14 demo accounts
    // The conferences demo: last week's meeting held with one problem, tomorrow's half tested, next week's untested.
    const meetings = await db.database.db.select().from(confMeetings).orderBy(confMeetings.startAt);
    expect(meetings.map((m) => [m.state, m.problems.length, m.checks.length > 0])).toEqual([
      ['done', 1, true],
      ['planned', 0, true],
      ['planned', 0, false],
    ]);
  });

  it('reports a secret key other than the one the database was created with', async () => {
    expect((await bootstrap(ctxWith(2), { adminPassword: null, demo: false, demoPassword: null })).keyMismatch).toBe(true);
  });
});
