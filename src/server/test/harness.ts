// Test harness: a fresh database per test file (PGlite in memory, or a new database on the
// PostgreSQL of TEST_DATABASE_URL when YUNWEI_TEST_DB=postgres), the real app, and agents that
// sign in through the HTTP API with real sessions and CSRF tokens.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { bootstrap } from '../bootstrap.ts';
import { openDatabase, type Database, type ModuleMigrations } from '../kernel/db/client.ts';
import { migratedSnapshot, migrationsKey } from './pglite-snapshot.ts';
import type { ModuleManifest } from '../kernel/module.ts';
import type { Registry } from '../kernel/registry.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from '../site.ts';
import { keyring } from '../kernel/crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from '../kernel/context.ts';
import { createUser } from '../kernel/auth/users.ts';
import { totpNow } from '../kernel/auth/totp.ts';

export const onPostgres = process.env.YUNWEI_TEST_DB === 'postgres';
export const TEST_PASSWORD = 'Test-Pass-1';

export interface TestDb {
  database: Database;
  url: string | null;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK = 7_244_010_517;

/**
 * The name of a database migrated with these modules, made once per set of migrations and copied by
 * CREATE DATABASE … TEMPLATE for each test file (a copy takes a fraction of the ~3 s of migrating).
 * Parallel workers wait on an advisory lock; a template is built under another name and renamed
 * when complete, so one left half-built by a killed run is never used.
 */
async function migratedTemplate(base: string, modules: readonly ModuleMigrations[]): Promise<string> {
  const template = `yw_tpl_${migrationsKey(modules)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!found.rowCount) {
      const building = `${template}_b${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const u = new URL(base);
      u.pathname = `/${building}`;
      const database = await openDatabase({ url: u.toString(), pgliteDir: null, poolSize: 2 });
      try {
        await database.migrate(modules);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return template;
}

/** A fresh, migrated database (the kernel's stream, then the given modules' own; by default this site's). */
export async function testDb(modules: readonly ModuleMigrations[] = moduleMigrations(registryOf())): Promise<TestDb> {
  if (onPostgres) {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('YUNWEI_TEST_DB=postgres needs TEST_DATABASE_URL');
    const name = `yw_test_${randomBytes(6).toString('hex')}`;
    const template = await migratedTemplate(base, modules);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), pgliteDir: null, poolSize: 10 });
    return {
      database,
      url: u.toString(),
      async drop() {
        await database.close();
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const database = await openDatabase({ url: null, pgliteDir: null, loadDataDir: await migratedSnapshot(modules) });
  return { database, url: null, drop: () => database.close() };
}

export class Clock {
  private t: number;
  constructor(start = new Date()) {
    this.t = start.getTime();
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
}

export const TEST_KEY = Buffer.alloc(32, 7);

export interface TestApp {
  app: FastifyInstance;
  /** The registry the app was built with (job handlers take it as `env.registry`: `job.handler(t.ctx, null, t)`). */
  registry: Registry;
  db: TestDb;
  clock: Clock;
  ctx: Ctx;
  agent(): Agent;
  /** Creates a user (not forced to change the password) and returns an agent signed in as them. */
  userAgent(username: string, roles: string[], opts?: { serviceLines?: string[]; phone?: string }): Promise<Agent>;
  close(): Promise<void>;
}

export async function testApp(
  opts: { demo?: boolean; clock?: Clock; uploadMaxMb?: number; modules?: readonly ModuleManifest[] } = {},
): Promise<TestApp> {
  const registry = registryOf(opts.modules);
  const db = await testDb(moduleMigrations(registry));
  await ensureAllSeries(db.database, registry);
  const clock = opts.clock ?? new Clock();
  const ctx: Ctx = {
    db: db.database.db,
    actor: SYSTEM_ACTOR,
    ip: null,
    requestId: 'test',
    now: clock.now,
    log: pino({ level: 'silent' }),
    keys: keyring(TEST_KEY),
  };
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: opts.demo ?? false, demoPassword: TEST_PASSWORD }, registry);
  const app = await buildApp({
    ...(opts.modules ? { modules: opts.modules } : {}),
    database: db.database,
    secretKey: TEST_KEY,
    clock: clock.now,
    webDir: null,
    ...(opts.uploadMaxMb ? { uploadMaxMb: opts.uploadMaxMb } : {}),
  });
  await app.ready();
  return {
    app,
    registry,
    db,
    clock,
    ctx,
    agent: () => new Agent(app),
    async userAgent(username, roles, o = {}) {
      await createUser(
        ctx,
        { username, displayName: username, password: TEST_PASSWORD, roles, serviceLines: o.serviceLines ?? [], phone: o.phone ?? null },
        { mustChangePassword: false, allowRoles: true },
      );
      const a = new Agent(app);
      const r = await a.login(username, TEST_PASSWORD);
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      if (r.json<{ next: string | null }>().next === 'enroll_totp') {
        // Administrators must enrol TOTP before anything else: do it as their phone would.
        const { secret } = (await a.post('/api/auth/totp/enroll')).json<{ secret: string }>();
        const done = await a.post('/api/auth/totp/confirm', { code: totpNow(secret, clock.now()) });
        if (done.json<{ next: string | null }>().next !== null) throw new Error(`enrol ${username}: ${done.body}`);
      }
      return a;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps cookies, echoes the CSRF cookie in X-CSRF-Token. */
export class Agent {
  cookies = new Map<string, string>();
  bearer: string | null = null;
  sendCsrf = true;
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }
  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('yunwei_csrf');
    if (this.sendCsrf && csrf && method !== 'GET') h['x-csrf-token'] = csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({ method, url, headers: h, ...(body === undefined ? {} : { payload: body as object }) });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
  login = (username: string, password: string) => this.post('/api/auth/login', { username, password });
  /** POSTs a real multipart/form-data body: the text fields first, then one file, as browsers send them. */
  upload(
    url: string,
    o: { field?: string; filename: string; content: Buffer; contentType?: string; fields?: Record<string, string> },
  ): Promise<LightMyRequestResponse> {
    const boundary = `----yunwei${randomBytes(12).toString('hex')}`;
    // WHATWG form encoding: quotes and line breaks in names are percent-escaped, the rest is raw UTF-8.
    const q = (v: string) => v.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(o.fields ?? {}))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${q(k)}"\r\n\r\n${v}\r\n`));
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${q(o.field ?? 'file')}"; filename="${q(o.filename)}"\r\n` +
          `Content-Type: ${o.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      o.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
}

export const json = <T = Record<string, unknown>>(r: LightMyRequestResponse): T => r.json<T>();
