// A fresh database for the bench (PGlite in memory, or a new database on a PostgreSQL server), the
// kernel's bootstrap (demo off), one party with 5,000 people (plus a few in another party) and a
// reader account holding org.read.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bootstrap } from '../../src/server/bootstrap.ts';
import { openDatabase, type Database } from '../../src/server/kernel/db/client.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from '../../src/server/site.ts';
import type { Ctx } from '../../src/server/kernel/context.ts';
import { createUser } from '../../src/server/kernel/auth/users.ts';
import { parties, people } from '../../src/server/modules/org/tables.ts';
import { makePeople } from './names.ts';
import { benchCtx } from './session.ts';

export const READER = { username: 'bench_reader', password: 'Bench-Pass-1', role: 'agency_contact' };
export const PEOPLE_IN_PARTY = 5000;
export const PEOPLE_ELSEWHERE = 25;

export interface BenchDb {
  database: Database;
  label: 'PostgreSQL' | 'PGlite';
  version: string;
  drop(): Promise<void>;
}

export interface Seeded {
  partyId: string;
  otherPartyId: string;
  ctx: Ctx;
}

/** The kernel's and every module's migrations and time series, as a node applies them at start. */
async function migrateAll(database: Database): Promise<void> {
  const registry = registryOf();
  await database.migrate(moduleMigrations(registry));
  await ensureAllSeries(database, registry);
}

/** A fresh, migrated database: a new database on the server at baseUrl, or PGlite in memory. */
export async function freshDb(baseUrl: string | null): Promise<BenchDb> {
  if (baseUrl) {
    const name = `yw_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    // The product's own pool (openDatabase's default size), as main.ts opens it.
    const database = await openDatabase({ url: u.toString(), pgliteDir: null });
    let dropped = false;
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
    try {
      await migrateAll(database);
      const v = (await database.pool!.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
      return { database, label: 'PostgreSQL', version: `PostgreSQL ${v}`, drop };
    } catch (e) {
      await drop().catch(() => undefined);
      throw e;
    }
  }
  const database = await openDatabase({ url: null, pgliteDir: null });
  let closed = false;
  const drop = async () => {
    if (closed) return;
    closed = true;
    await database.close();
  };
  try {
    await migrateAll(database);
    const v = (await database.pglite!.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    return { database, label: 'PGlite', version: `PGlite (PostgreSQL ${v}, in memory)`, drop };
  } catch (e) {
    await drop().catch(() => undefined);
    throw e;
  }
}

export async function seed(database: Database, secretKey: Buffer): Promise<Seeded> {
  const ctx = benchCtx(database, secretKey, 'bench');
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: false, demoPassword: null });
  const [party] = await database.db
    .insert(parties)
    .values({
      kind: 'contractor',
      name: '云南星辰信息技术有限公司',
      shortName: '星辰信息',
      address: '云南省昆明市五华区人民中路 88 号',
      phone: '0871-65100000',
    })
    .returning({ id: parties.id });
  const [other] = await database.db
    .insert(parties)
    .values({
      kind: 'vendor',
      name: '昆明恒通网络设备有限公司',
      shortName: '恒通网络',
      address: '云南省昆明市盘龙区北京路 120 号',
      phone: '0871-63300000',
    })
    .returning({ id: parties.id });
  if (!party || !other) throw new Error('party insert failed');
  const rows = [
    ...makePeople(PEOPLE_IN_PARTY, 20210901).map((p) => ({ ...p, partyId: party.id })),
    ...makePeople(PEOPLE_ELSEWHERE, 7).map((p) => ({ ...p, partyId: other.id, email: `v-${p.email}` })),
  ];
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(people).values(rows.slice(i, i + 500));
  // Steady state, as autovacuum leaves a live database: statistics, and a visibility map so a
  // count can be answered from the index alone.
  if (database.pool) await database.pool.query('VACUUM ANALYZE');
  else await database.pglite!.exec('VACUUM ANALYZE');
  await createUser(
    ctx,
    { username: READER.username, displayName: '压测只读用户', password: READER.password, roles: [READER.role], serviceLines: [] },
    { mustChangePassword: false, allowRoles: true },
  );
  return { partyId: party.id, otherPartyId: other.id, ctx };
}
