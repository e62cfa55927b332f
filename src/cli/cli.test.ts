// The `yunwei` command, run as a user runs it: `node bin/yunwei.js …` in a child process against a
// temporary data dir (PGlite) or, with YUNWEI_TEST_DB=postgres, a fresh database on TEST_DATABASE_URL.
// The test process looks into the database between commands (for PGlite only while no command runs:
// one process per data dir).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq, lte, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, type Database } from '../server/kernel/db/client.ts';
import { apiTokens, auditLog, users } from '../server/kernel/db/tables.ts';
import { contracts } from '../server/modules/contract/tables.ts';
import { keyring, sha256 } from '../server/kernel/crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from '../server/kernel/context.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { passwordProblem } from '../common/password.ts';

const onPostgres = process.env.YUNWEI_TEST_DB === 'postgres';
const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/yunwei.js');
const SLOW = 240_000;

const temps: string[] = [];
const databases: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yw-cli-'));
  temps.push(d);
  return d;
};

/** A fresh, empty database on the test PostgreSQL. */
async function freshPostgres(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('YUNWEI_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `yw_cli_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  databases.push(name);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Where a command works: its environment, and a way for the test to open the same database. */
interface Site {
  dataDir: string;
  url: string | null;
  env: Record<string, string>;
  open(): Promise<Database>;
}

async function site(kind: 'pglite' | 'postgresql'): Promise<Site> {
  const dataDir = tempDir();
  const url = kind === 'postgresql' ? await freshPostgres() : null;
  return {
    dataDir,
    url,
    env: { YUNWEI_DATA_DIR: dataDir, YUNWEI_DEMO: '0', ...(url ? { DATABASE_URL: url } : {}) },
    open: () => openDatabase({ url, pgliteDir: url ? null : join(dataDir, 'pgdata'), poolSize: 2 }),
  };
}

async function withDb<T>(s: Site, fn: (db: Database) => Promise<T>): Promise<T> {
  const d = await s.open();
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/yunwei.js ARGS` with only the given configuration (nothing leaks in from the test's environment). */
function yunwei(args: string[], env: Record<string, string>): Promise<Run> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(YUNWEI_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$)/.test(k)) clean[k] = v;
  return new Promise((resolvePromise, reject) => {
    const p = spawn(NODE, [BIN, ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs a command that must succeed. */
async function ok(args: string[], env: Record<string, string>): Promise<Run> {
  const r = await yunwei(args, env);
  if (r.code !== 0) throw new Error(`yunwei ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const ctxOf = (d: Database): Ctx => ({
  db: d.db,
  actor: SYSTEM_ACTOR,
  ip: null,
  requestId: 'test',
  now: () => new Date(),
  log: pino({ level: 'silent' }),
  keys: keyring(Buffer.alloc(32, 7)),
});

async function tableCounts(d: Database): Promise<{ users: number; audit: number; contracts: number }> {
  const [u] = await d.db.select({ n: count() }).from(users);
  const [a] = await d.db.select({ n: count() }).from(auditLog);
  const [c] = await d.db.select({ n: count() }).from(contracts);
  return { users: Number(u?.n), audit: Number(a?.n), contracts: Number(c?.n) };
}

async function chain(d: Database, upTo: number): Promise<string[]> {
  const rows = await d.db.select({ hash: auditLog.hash }).from(auditLog).where(lte(auditLog.seq, upTo)).orderBy(asc(auditLog.seq));
  return rows.map((r) => r.hash);
}

afterAll(async () => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  if (databases.length) {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
});

// Usage does not touch a database: checked once, in the PGlite run.
describe.skipIf(onPostgres)('yunwei: usage', () => {
  it('prints help in Chinese and English, per command too', async () => {
    const all = await ok(['--help'], {});
    expect(all.stdout).toContain('用法 Usage: yunwei');
    for (const c of ['migrate', 'admin create', 'admin reset', 'token create', 'audit verify', 'backup FILE', 'restore FILE'])
      expect(all.stdout).toContain(c);
    const one = await ok(['restore', '--help'], {});
    expect(one.stdout).toContain('--force');
    expect(one.stdout).toMatch(/恢复/);
    expect((await ok(['help', 'admin'], {})).stdout).toContain('create');
    expect((await ok(['admin', 'create', '-h'], {})).stdout).toContain('--role');
  });

  it(
    'refuses unknown commands, unknown options and missing arguments with exit code 2',
    async () => {
      const env = { YUNWEI_DATA_DIR: tempDir() };
      expect((await yunwei(['frobnicate'], env)).code).toBe(2);
      const bad = await yunwei(['migrate', '--colour'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('yunwei migrate --help');
      expect((await yunwei(['admin', 'create', '--user', 'x'], env)).code).toBe(2);
      expect((await yunwei(['token', 'create', '--user', 'x'], env)).code).toBe(2);
      expect((await yunwei(['backup'], env)).code).toBe(2);
      // Five processes, each loading the command's modules (4–6 s apiece here) before it reads the options.
    },
    SLOW,
  );

  it('stops on a configuration error with one line naming the variable (exit 2)', async () => {
    const r = await yunwei(['migrate'], { YUNWEI_DATA_DIR: tempDir(), PORT: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^配置错误 configuration error: PORT: /);
  });
});

describe(`yunwei on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  let s: Site;
  let auditBefore = 0; // audit records when the backup was taken
  let backupFile = '';

  beforeAll(async () => {
    s = await site(onPostgres ? 'postgresql' : 'pglite');
  }, SLOW);

  it(
    'migrate applies the migrations, then finds nothing to do',
    async () => {
      const first = await ok(['migrate'], s.env);
      expect(first.stdout).toContain('0000_extensions');
      expect(first.stdout).toContain('0001_kernel_org_contract');
      const again = await ok(['migrate'], s.env);
      expect(again.stdout).toContain('up to date');
      // The demo contract, so the backup below carries real records (the CLI runs with YUNWEI_DEMO=0).
      await withDb(s, (d) => bootstrap(ctxOf(d), { adminPassword: 'Admin-Pass-1', demo: true, demoPassword: 'Demo-Pass-1' }));
    },
    SLOW,
  );

  it(
    'admin create makes an account with a one-time random password it must change; refuses two of the three admin roles',
    async () => {
      const r = await ok(['admin', 'create', '--user', 'secadmin.cli', '--role', 'security_admin', '--name', '安全管理员'], s.env);
      const pw = /Initial password: (\S+)/.exec(r.stdout)?.[1];
      expect(pw).toBeTruthy();
      expect(passwordProblem(pw!)).toBeNull();
      const twoHats = await yunwei(['admin', 'create', '--user', 'twohats', '--role', 'system_admin,audit_admin'], s.env);
      expect(twoHats.code).toBe(1);
      expect(twoHats.stderr).toContain('role.admin_separation');
      const weak = await yunwei(['admin', 'create', '--user', 'weakling', '--role', 'audit_admin', '--password', 'weak'], s.env);
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('password.weak');
      await withDb(s, async (d) => {
        const [u] = await d.db.select().from(users).where(eq(users.username, 'secadmin.cli'));
        expect(u).toMatchObject({ displayName: '安全管理员', mustChangePassword: true });
        expect(await d.db.select().from(users).where(eq(users.username, 'twohats'))).toHaveLength(0);
        // lock pm out, for the reset below
        await d.db
          .update(users)
          .set({ failedLogins: 5, lockedUntil: new Date(Date.now() + 3_600_000) })
          .where(eq(users.username, 'pm'));
      });
    },
    SLOW,
  );

  it(
    'admin reset sets a new initial password and unlocks the account',
    async () => {
      const r = await ok(['admin', 'reset', '--user', 'pm', '--password', 'Reset-Pass-7'], s.env);
      expect(r.stdout).toContain('pm');
      expect((await yunwei(['admin', 'reset', '--user', 'nobody'], s.env)).code).toBe(1);
      await withDb(s, async (d) => {
        const [u] = await d.db.select().from(users).where(eq(users.username, 'pm'));
        expect(u).toMatchObject({ failedLogins: 0, lockedUntil: null, mustChangePassword: true });
      });
    },
    SLOW,
  );

  it(
    'token create prints a token once and stores only its hash',
    async () => {
      const r = await ok(['token', 'create', '--user', 'secadmin.cli', '--name', 'zabbix'], s.env);
      const token = /^(yw_\S+)$/m.exec(r.stdout)?.[1];
      expect(token).toBeTruthy();
      expect((await yunwei(['token', 'create', '--user', 'nobody', '--name', 'x'], s.env)).code).toBe(1);
      await withDb(s, async (d) => {
        const [t] = await d.db
          .select()
          .from(apiTokens)
          .where(eq(apiTokens.tokenHash, sha256(token!)));
        expect(t?.name).toBe('zabbix');
      });
    },
    SLOW,
  );

  it(
    'audit verify reports an intact chain',
    async () => {
      const r = await ok(['audit', 'verify'], s.env);
      const m = /^审计链完整 audit chain intact: (\d+) records$/m.exec(r.stdout);
      expect(m).toBeTruthy();
      auditBefore = Number(m![1]);
      expect(auditBefore).toBeGreaterThan(20);
    },
    SLOW,
  );

  it(
    'backup, then restore into an empty target, gives back every record with a verifiable chain',
    async () => {
      backupFile = join(tempDir(), onPostgres ? 'yunwei.dump' : 'yunwei.tar.gz');
      await ok(['backup', backupFile], s.env);
      expect(existsSync(backupFile)).toBe(true);
      const target = await site(onPostgres ? 'postgresql' : 'pglite');
      const r = await ok(['restore', backupFile], target.env);
      expect(r.stdout).toContain('audit chain intact');
      expect((await ok(['audit', 'verify'], target.env)).stdout).toContain(`intact: ${auditBefore + 1} records`);

      const source = await withDb(s, async (d) => ({
        counts: await tableCounts(d),
        chain: await chain(d, auditBefore),
        last: await d.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.seq, auditBefore + 1)),
      }));
      const restored = await withDb(target, async (d) => ({
        counts: await tableCounts(d),
        chain: await chain(d, auditBefore),
        last: await d.db
          .select()
          .from(auditLog)
          .where(eq(auditLog.seq, auditBefore + 1)),
      }));
      expect(source.counts.contracts).toBeGreaterThan(0);
      expect(restored.counts).toEqual(source.counts); // each has one record more: the backup there, the restore here
      expect(restored.chain).toEqual(source.chain);
      expect(source.last[0]?.action).toBe('system.backup');
      expect(restored.last[0]?.action).toBe('system.restore');

      // Only into an empty target.
      const again = await yunwei(['restore', backupFile], target.env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(onPostgres ? /not empty/ : /already holds a database/);
      if (!onPostgres) {
        const forced = await ok(['restore', backupFile, '--force'], target.env);
        expect(forced.stdout).toContain('moved to');
        expect(readdirSync(target.dataDir).some((f) => f.startsWith('pgdata.bak-'))).toBe(true);
        expect((await ok(['audit', 'verify'], target.env)).stdout).toContain('intact');
      }
    },
    SLOW,
  );

  it(
    'audit verify names a changed record, then a missing one',
    async () => {
      const original = await withDb(s, async (d) => {
        const [r] = await d.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.seq, 2));
        await d.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 2`);
        return r!.action;
      });
      const changed = await yunwei(['audit', 'verify'], s.env);
      expect(changed.code).toBe(1);
      expect(changed.stdout).toMatch(/^审计链被破坏 audit chain broken at record #2 \(changed\)/m);

      await withDb(s, async (d) => {
        await d.db.execute(sql`UPDATE audit_log SET action = ${original} WHERE seq = 2`);
        await d.db.execute(sql`DELETE FROM audit_log WHERE seq = 5`);
      });
      const missing = await yunwei(['audit', 'verify'], s.env);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(/^审计链被破坏 audit chain broken at record #5 \(missing\)/m);
    },
    SLOW,
  );

  it.skipIf(onPostgres)(
    'refuses to touch an embedded database another process holds (exit 3)',
    async () => {
      const held = await s.open();
      try {
        const verify = await yunwei(['audit', 'verify'], s.env);
        expect(verify.code).toBe(3);
        expect(verify.stderr).toContain(s.dataDir);
        expect(verify.stderr).toContain('stop the server first');
        const backup = await yunwei(['backup', join(tempDir(), 'x.tar.gz')], s.env);
        expect(backup.code).toBe(3);
        expect(backup.stderr).toContain('must be stopped first');
        const restore = await yunwei(['restore', backupFile, '--force'], s.env);
        expect(restore.code).toBe(3);
      } finally {
        await held.close();
      }
    },
    SLOW,
  );
});

describe.skipIf(!onPostgres)('yunwei restore: an embedded backup into PostgreSQL (the move a growing site makes)', () => {
  it(
    'loads every record of the PGlite tarball into an empty PostgreSQL database and the chain verifies',
    async () => {
      const embedded = await site('pglite');
      await ok(['migrate'], embedded.env);
      await withDb(embedded, (d) => bootstrap(ctxOf(d), { adminPassword: 'Admin-Pass-1', demo: true, demoPassword: 'Demo-Pass-1' }));
      await ok(['admin', 'create', '--user', 'auditor', '--role', 'audit_admin'], embedded.env);
      const file = join(tempDir(), 'embedded.tar.gz');
      await ok(['backup', file], embedded.env);
      const before = await withDb(embedded, async (d) => ({ counts: await tableCounts(d), chain: await chain(d, 1e9) }));

      const target = await site('postgresql');
      const r = await ok(['restore', file], target.env);
      expect(r.stdout).toContain('into PostgreSQL');
      expect((await ok(['audit', 'verify'], target.env)).stdout).toContain('intact');
      const after = await withDb(target, async (d) => ({
        counts: await tableCounts(d),
        chain: await chain(d, 1e9),
        pm: await d.db.select().from(users).where(eq(users.username, 'pm')),
      }));
      // The embedded side gained its backup record after the dump; PostgreSQL gained the restore record.
      expect(after.counts).toEqual(before.counts);
      expect(after.chain.slice(0, -1)).toEqual(before.chain.slice(0, -1));
      expect(after.pm).toHaveLength(1);
    },
    SLOW,
  );
});
