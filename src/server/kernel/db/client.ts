// One database API over two drivers: embedded PGlite (files under the data dir) or PostgreSQL via
// node-postgres. Same SQL on both (ARCHITECTURE.md, "Two databases, one dialect").
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, parse as pgliteParse, protocol } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { LOCK_MIGRATE } from './locks.ts';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type DbKind = 'pglite' | 'postgresql';

/** A module's own migrations folder (its manifest's `migrations`), applied after the kernel's. */
export interface ModuleMigrations {
  id: string;
  folder: string;
}

export interface Database {
  db: Db;
  kind: DbKind;
  pglite: PGlite | null;
  pool: pg.Pool | null;
  /** The kernel's baseline stream (migrations/), then each module's own folder in the order given. */
  migrate(modules?: readonly ModuleMigrations[]): Promise<void>;
  close(): Promise<void>;
}

/** Each module's migrations are journalled in a table of its own, so streams never interleave. */
const journalOf = (m: ModuleMigrations) => ({ migrationsFolder: m.folder, migrationsTable: `__drizzle_migrations_${m.id}` });

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

// Types come back differently from the two drivers (int8 is a string from node-postgres): parse int8
// as a number everywhere; our counts and sequences stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export class DataDirLocked extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `数据目录 ${dir} 已被进程 ${pid} 使用；内置数据库同一时间只能由一个进程打开 ` +
        `(the embedded database in ${dir} is in use by process ${pid}; run several nodes on PostgreSQL with DATABASE_URL)`,
    );
    this.dir = dir;
    this.pid = pid;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One process per PGlite data directory: an exclusive lock file holding our pid. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'yunwei.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) throw new DataDirLocked(dir, pid);
      unlinkSync(file); // stale lock of a process that is gone
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

export interface OpenOptions {
  url: string | null;
  /** PGlite data directory; null = in memory (tests). */
  pgliteDir: string | null;
  poolSize?: number;
  /** PGlite only: start from this dump of a data directory (dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 20 });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    // A client checked out of the pool (a transaction under way) whose server goes away (a restart)
    // emits 'error', which without a listener ends the process. Its query fails anyway, and the pool
    // drops the broken client when it is released (restart.test.ts in kernel/collectors).
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      pglite: null,
      pool,
      async migrate(modules = []) {
        // Several nodes may start at once: one migrates, the others wait on the advisory lock.
        const client = await pool.connect();
        try {
          await client.query(`SELECT pg_advisory_lock(${LOCK_MIGRATE})`);
          await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
          for (const m of modules) await migratePg(drizzlePg(client), journalOf(m));
        } finally {
          await client.query(`SELECT pg_advisory_unlock(${LOCK_MIGRATE})`).catch(() => undefined);
          client.release();
        }
      },
      async close() {
        await pool.end();
      },
    };
  }
  const unlock = opts.pgliteDir ? lockDataDir(dirname(opts.pgliteDir)) : () => undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(opts.pgliteDir ?? undefined, {
      extensions: { pg_trgm },
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      // PostgreSQL's default 128 MB of shared buffers lives in the WASM heap and doubles the process's
      // resident memory. 16 MB: a page it misses comes from the operating system's file cache, and on
      // 100,000 tickets the desk's lists and ticket creation cost no more CPU than at 32 MB while the
      // process holds about 20-45 MB less (docs/decisions/0014-restart-and-idle-memory.md).
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    pool: null,
    async migrate(modules = []) {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
      for (const m of modules) await migratePglite(drizzlePglite(client), journalOf(m));
    },
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Raw SQL returning rows, on either driver (both answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

interface SessionInternals {
  dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(q: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { all(): Promise<unknown[]> };
  };
}

/**
 * queryRows for the few statements the product runs at a high rate (ticket creation): a named prepared
 * statement, parsed and planned once per connection (PostgreSQL) or per embedded database (PGlite,
 * `pgliteQueryPrepared`) instead of on every call: a third of the database's CPU per ticket. The name
 * is a hash of the text, so statements of the same shape share it and no two texts collide.
 * Timestamps come back as text.
 */
export async function queryRowsPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const d = db as unknown as SessionInternals & { session: { client?: unknown } };
  const q = d.dialect.sqlToQuery(query);
  const name = `yw_${createHash('sha1').update(q.sql).digest('hex').slice(0, 24)}`;
  // Inside a transaction the client is PGlite's Transaction, which runs statements as usual.
  if (d.session.client instanceof PGlite) return pgliteQueryPrepared<T>(d.session.client, name, q.sql, q.params);
  return (await d.session.prepareQuery(q, undefined, name, false).all()) as T[];
}

interface PgliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<R>(fn: () => Promise<R>): Promise<R>;
  _runExclusiveQuery<R>(fn: () => Promise<R>): Promise<R>;
  serializers: Record<number, (x: unknown) => string>;
  parsers: Parameters<typeof pgliteParse.parseResults>[1];
}
// Dates, times and intervals (and their arrays) as the text the database wrote, as drizzle reads them.
const asText = (x: string) => x;
const AS_TEXT = Object.fromEntries([1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231].map((oid) => [oid, asText]));

/** Per embedded database: each prepared statement's parameter types, by name. */
const pglitePrepared = new WeakMap<PGlite, Map<string, number[]>>();

/**
 * A named prepared statement on PGlite, which its query API does not offer (each `query` parses, plans
 * and describes the text again, in six exchanges with the engine): Parse and Describe once per
 * database, then Bind, Execute and Sync in one exchange. Runs under PGlite's own locks, as `query` does,
 * so it never interleaves with a transaction or another statement. Rows come back as `query` gives them.
 */
async function pgliteQueryPrepared<T>(pg: PGlite, name: string, text: string, params: unknown[]): Promise<T[]> {
  const p = pg as unknown as PgliteInternals;
  await p._checkReady();
  return p._runExclusiveTransaction(() =>
    p._runExclusiveQuery(async () => {
      let known = pglitePrepared.get(pg);
      if (!known) pglitePrepared.set(pg, (known = new Map<string, number[]>()));
      let types = known.get(name);
      if (!types) {
        const described = await pg.execProtocolStream(
          Buffer.concat([
            protocol.serialize.parse({ name, text }),
            protocol.serialize.describe({ type: 'S', name }),
            protocol.serialize.sync(),
          ]),
          { syncToFs: false },
        );
        types = pgliteParse.parseDescribeStatementResults(described);
        known.set(name, types);
      }
      const values = params.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serialize = p.serializers[types[i]!];
        if (serialize) return serialize(v);
        return paramText(v);
      });
      const messages = await pg.execProtocolStream(
        Buffer.concat([
          protocol.serialize.bind({ statement: name, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
        { syncToFs: false },
      );
      await pg.syncToFs();
      return pgliteParse.parseResults(messages, p.parsers, { parsers: AS_TEXT })[0]!.rows as T[];
    }),
  );
}

// A parameter no type serializer took, as text (an object as JSON, where PGlite's own query would send its toString()).
function paramText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${v}`;
  return JSON.stringify(v);
}

/** The configured database: PostgreSQL when DATABASE_URL is set, else PGlite in <data dir>/pgdata. */
export function openConfigured(
  config: { databaseUrl: string | null; dataDir: string },
  poolSize?: number,
  /** PGlite: the dump an empty data directory starts from (kernel/db/template.ts). */
  template?: (pgdata: string) => Blob | null,
): Promise<Database> {
  const pgdata = config.databaseUrl ? null : join(config.dataDir, 'pgdata');
  const loadDataDir = pgdata && template ? template(pgdata) : null;
  return openDatabase({
    url: config.databaseUrl,
    pgliteDir: pgdata,
    ...(poolSize ? { poolSize } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}
