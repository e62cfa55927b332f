// `yunwei backup FILE` and `yunwei restore FILE` (issue 2, point 11; ARCHITECTURE.md "Backup").
//   embedded PGlite: a consistent gzip tarball of the data directory (PGlite's dumpDataDir), taken
//     with the server stopped (one process per data dir); restored into an empty data dir.
//   PostgreSQL: pg_dump's custom format, restored with pg_restore into an empty database.
//   The move a growing site makes: an embedded tarball restored with DATABASE_URL set is turned
//     into plain SQL by PGlite's own pg_dump (@electric-sql/pglite-tools) and loaded with psql.
// Every restore ends with the audit chain verified, and backups and restores are audited.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { count, isNotNull, sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import type { Config } from '../server/kernel/config.ts';
import { DataDirLocked, lockDataDir, openDatabase, queryRows, type Database } from '../server/kernel/db/client.ts';
import { auditLog, users } from '../server/kernel/db/tables.ts';
import { auditAlone, verifyAudit } from '../server/kernel/audit.ts';
import {
  CliError,
  cliCtx,
  EXIT_FAILED,
  EXIT_USAGE,
  hasEmbeddedDb,
  inUseError,
  loadCliConfig,
  openCliDatabase,
  out,
  parse,
  pgliteDirOf,
  warn,
} from './context.ts';
import { adaptPlainDump, connection, runTool } from './pgtools.ts';
import { verifyLine } from './audit.ts';
import { moduleMigrations, registryOf } from '../server/site.ts';

export const backupHelp = `用法 Usage: yunwei backup FILE

备份整个数据库到 FILE（已存在则覆盖）。
  内置数据库 (PGlite)：数据目录的一致性压缩包 (.tar.gz)。须先停止服务：同一时间只有一个进程能打开内置数据库。
  PostgreSQL (DATABASE_URL)：pg_dump 自定义格式 (-Fc)，服务可继续运行。
加密密钥不在备份中：请同时保管 YUNWEI_SECRET_KEY 或数据目录中的 secret.key。
Backs up the whole database into FILE (replaced if it exists).
  Embedded (PGlite): a consistent gzip tarball of the data directory. Stop the server first: only
  one process at a time can open the embedded database.
  PostgreSQL (DATABASE_URL): pg_dump custom format (-Fc); the servers may keep running.
The secret key is not in the backup: keep YUNWEI_SECRET_KEY or the data dir's secret.key with it.`;

export const restoreHelp = `用法 Usage: yunwei restore FILE [--force]

从 FILE 恢复全部数据，格式自动识别，恢复后校验审计链。
  内置数据库：恢复到空的数据目录（YUNWEI_DATA_DIR 中没有 pgdata）；--force 将现有的 pgdata
  改名为 pgdata.bak-<时间> 后再恢复。须先停止服务。
  PostgreSQL (DATABASE_URL)：只恢复到空数据库（先 createdb 一个新库）。
  内置数据库的备份也可恢复到 PostgreSQL（设置 DATABASE_URL 即可）：站点扩大时迁移到 PostgreSQL 的方法。
Restores everything from FILE (format detected from its content) and verifies the audit chain.
  Embedded: into an empty data dir (no pgdata in YUNWEI_DATA_DIR); --force first moves an existing
  pgdata aside to pgdata.bak-<time>. Stop the server first.
  PostgreSQL (DATABASE_URL): only into an empty database (create a new one with createdb).
  A backup of the embedded database restores into PostgreSQL too (set DATABASE_URL): the move a
  growing site makes.

  --force    内置数据库：把现有数据库移到一旁 embedded only: move the existing database aside`;

const KEY_NOTE =
  '注意：加密密钥不在备份中，请与备份一起保管 YUNWEI_SECRET_KEY 或数据目录中的 secret.key（否则恢复后已绑定的动态口令无法使用）。\n' +
  "Note: the secret key is not in the backup. Keep YUNWEI_SECRET_KEY or the data dir's secret.key with it, or the TOTP enrolments cannot be read after a restore.";

type Format = 'pglite' | 'pg_custom' | 'sql';
const FORMAT_NAME: Record<Format, string> = {
  pglite: '内置数据库压缩包 embedded (PGlite) tarball',
  pg_custom: 'pg_dump 自定义格式 pg_dump custom format',
  sql: 'SQL 脚本 plain SQL dump',
};

/** Tells the backup kinds apart by their first bytes: PGDMP (pg_dump -Fc), gzip or tar (PGlite), SQL text. */
export function detectFormat(file: string): Format {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(512);
  const n = readSync(fd, head, 0, 512, 0);
  closeSync(fd);
  const b = head.subarray(0, n);
  if (b.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_custom';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'pglite';
  if (n >= 262 && b.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  if (b.toString('utf8').includes('PostgreSQL database dump')) return 'sql';
  throw new CliError(`无法识别的备份格式 ${file} is not a Yunwei backup (neither a PGlite tarball, a pg_dump -Fc file nor a SQL dump).`);
}

const sha256File = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const size = (n: number): string => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

function stamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

async function counts(database: Database): Promise<{ users: number; audit: number } | null> {
  const [t] = await queryRows<{ t: string | null }>(database.db, sql`SELECT to_regclass('public.audit_log')::text AS t`);
  if (!t?.t) return null;
  const [u] = await database.db.select({ n: count() }).from(users);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { users: Number(u?.n ?? 0), audit: Number(a?.n ?? 0) };
}

// ---------------------------------------------------------------------------------------- backup

async function backupPglite(config: Config, file: string): Promise<void> {
  if (!hasEmbeddedDb(config)) throw new CliError(`数据目录中还没有数据库 there is no database in ${config.dataDir} to back up.`);
  const database = await openCliDatabase(
    config,
    '备份内置数据库须先停止服务（同一时间只有一个进程能打开它）。The server must be stopped first to back up the embedded database (one process at a time can open it).',
  );
  try {
    const c = await counts(database);
    const blob = await database.pglite!.dumpDataDir('gzip');
    const data = Buffer.from(await blob.arrayBuffer());
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    const sha256 = sha256File(data);
    if (c)
      await auditAlone(cliCtx(config, database), {
        action: 'system.backup',
        objectType: 'database',
        detail: { file, bytes: data.length, sha256, format: 'pglite' },
      });
    out(`已备份 Backed up the embedded database to ${file}`);
    out(`  ${size(data.length)}, sha256 ${sha256}${c ? `; ${c.users} users, ${c.audit} audit records` : ''}`);
  } finally {
    await database.close().catch(() => undefined);
  }
}

async function backupPostgres(config: Config, file: string): Promise<void> {
  const { conninfo, env } = connection(config.databaseUrl!);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await runTool('pg_dump', ['-Fc', '-f', tmp, '-d', conninfo], env);
    renameSync(tmp, file);
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
  const data = readFileSync(file);
  const sha256 = sha256File(data);
  const database = await openCliDatabase(config);
  try {
    const c = await counts(database);
    if (c)
      await auditAlone(cliCtx(config, database), {
        action: 'system.backup',
        objectType: 'database',
        detail: { file, bytes: data.length, sha256, format: 'pg_custom' },
      });
    out(`已备份 Backed up the PostgreSQL database to ${file}`);
    out(`  ${size(data.length)}, sha256 ${sha256}${c ? `; ${c.users} users, ${c.audit} audit records` : ''}`);
  } finally {
    await database.close().catch(() => undefined);
  }
}

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('backup', args, {}, true);
  if (values.help) {
    out(backupHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`需要一个文件名 expected one FILE\n${backupHelp}`, EXIT_USAGE);
  const file = resolve(positionals[0]!);
  if (!existsSync(dirname(file))) throw new CliError(`目录不存在 no such directory: ${dirname(file)}`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`${file} 是目录 is a directory; give a file name`, EXIT_USAGE);
  const config = loadCliConfig();
  if (config.databaseUrl) await backupPostgres(config, file);
  else await backupPglite(config, file);
  out(KEY_NOTE);
  return 0;
}

// --------------------------------------------------------------------------------------- restore

interface Restored {
  file: string;
  format: Format;
  sha256: string;
  movedAside: string | null;
}

/** After any restore: bring the schema up to this version, verify the chain, audit the restore, report. */
async function finishRestore(config: Config, database: Database, r: Restored): Promise<number> {
  await database.migrate(moduleMigrations(registryOf()));
  const ctx = cliCtx(config, database);
  await auditAlone(ctx, {
    action: 'system.restore',
    objectType: 'database',
    detail: { file: r.file, sha256: r.sha256, format: r.format, into: database.kind, movedAside: r.movedAside },
  });
  // The restored chain, with the record of this restore at its end.
  const verdict = await verifyAudit(database.db);
  const c = await counts(database);
  out(
    `已恢复 Restored ${FORMAT_NAME[r.format]} ${r.file} into ${database.kind === 'pglite' ? `PGlite ${pgliteDirOf(config)}` : 'PostgreSQL'}`,
  );
  if (c) out(`  ${c.users} users, ${c.audit} audit records (including this restore)`);
  if (r.movedAside) out(`  原有数据库已移至 The previous database was moved to ${r.movedAside}`);
  out(verifyLine(verdict));

  // A restore under another secret key cannot read the TOTP seeds: say so now rather than at sign-in.
  const [sealed] = await database.db.select({ s: users.totpSecret }).from(users).where(isNotNull(users.totpSecret)).limit(1);
  let keyOk = true;
  if (sealed?.s) {
    try {
      ctx.keys.decrypt(sealed.s);
    } catch {
      keyOk = false;
    }
  }
  if (!keyOk)
    warn(
      '警告：当前密钥无法解密备份中的动态口令。请把原安装的 secret.key 复制到数据目录（或设置相同的 YUNWEI_SECRET_KEY）后再启动服务。\n' +
        "Warning: the current secret key cannot read the TOTP secrets of this backup. Copy the original installation's secret.key into the data dir (or set the same YUNWEI_SECRET_KEY) before starting the server.",
    );
  else if (config.secretKeyGenerated)
    warn(
      `注意：已在 ${config.dataDir} 生成新的密钥 secret.key。Note: a new secret key was generated in ${config.dataDir}; if the backup comes from another installation, copy that installation's secret.key over it before starting the server.`,
    );
  return verdict.ok ? 0 : EXIT_FAILED;
}

async function restorePglite(config: Config, file: string, format: Format, data: Buffer<ArrayBuffer>, force: boolean): Promise<number> {
  if (format !== 'pglite')
    throw new CliError(
      `${file} 是 PostgreSQL 的备份 (${FORMAT_NAME[format]})：请设置 DATABASE_URL 恢复到 PostgreSQL。` +
        `\nThis is a PostgreSQL backup: set DATABASE_URL to restore it into a PostgreSQL database.`,
    );
  const pgdata = pgliteDirOf(config);
  mkdirSync(config.dataDir, { recursive: true });
  let release: () => void;
  try {
    release = lockDataDir(config.dataDir);
  } catch (e) {
    if (e instanceof DataDirLocked)
      throw inUseError(e, '恢复内置数据库须先停止服务。The server must be stopped first to restore the embedded database.');
    throw e;
  }
  try {
    let movedAside: string | null = null;
    if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
      if (!force)
        throw new CliError(
          `${pgdata} 中已有数据库，恢复只写入空的数据目录；如确需覆盖，请加 --force（现有数据库将改名保留）。\n` +
            `${pgdata} already holds a database: restore into an empty data dir, or add --force to move it aside first.`,
        );
      movedAside = `${pgdata}.bak-${stamp()}`;
      renameSync(pgdata, movedAside);
    }
    try {
      const blob = new Blob([data], { type: data[0] === 0x1f ? 'application/x-gzip' : 'application/x-tar' });
      const pg = await PGlite.create({ dataDir: pgdata, loadDataDir: blob, extensions: { pg_trgm } });
      await pg.query('SELECT 1');
      await pg.close();
    } catch (e) {
      rmSync(pgdata, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, pgdata);
      throw new CliError(
        `恢复失败 restore failed: ${(e as Error).message}${movedAside ? '\n原有数据库已放回 the previous database was put back.' : ''}`,
      );
    }
    // We hold the lock file: openDatabase() recognises our own pid and takes it over.
    const database = await openDatabase({ url: null, pgliteDir: pgdata });
    try {
      return await finishRestore(config, database, { file, format, sha256: sha256File(data), movedAside });
    } finally {
      await database.close().catch(() => undefined);
    }
  } finally {
    release();
  }
}

async function assertEmptyPostgres(config: Config): Promise<void> {
  const database = await openCliDatabase(config);
  try {
    const rows = await queryRows<{ name: string }>(
      database.db,
      sql`SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
          ORDER BY 1 LIMIT 5`,
    );
    if (rows.length)
      throw new CliError(
        `目标数据库不是空的（已有 ${rows.map((r) => r.name).join('、')} 等），恢复只写入空数据库：请用 createdb 新建一个库并让 DATABASE_URL 指向它。\n` +
          `The target database is not empty (it has ${rows.map((r) => r.name).join(', ')}…): restore only into an empty database; create one with createdb and point DATABASE_URL at it.`,
      );
  } finally {
    await database.close().catch(() => undefined);
  }
}

/** PGlite tarball -> plain SQL through PGlite's own pg_dump, adapted for PostgreSQL 14+. */
async function pgliteToSql(data: Buffer<ArrayBuffer>): Promise<string> {
  const blob = new Blob([data], { type: data[0] === 0x1f ? 'application/x-gzip' : 'application/x-tar' });
  const pg = await PGlite.create({ loadDataDir: blob, extensions: { pg_trgm } });
  try {
    const dump = await pgDump({ pg, args: ['--no-owner', '--no-privileges', '--no-comments'] });
    return adaptPlainDump(await dump.text());
  } finally {
    await pg.close();
  }
}

async function restorePostgres(config: Config, file: string, format: Format, data: Buffer<ArrayBuffer>): Promise<number> {
  await assertEmptyPostgres(config);
  const { conninfo, env } = connection(config.databaseUrl!);
  if (format === 'pg_custom') {
    await runTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--no-comments', '--exit-on-error', '--single-transaction', '-d', conninfo, file],
      env,
    );
  } else {
    if (format === 'pglite') out('正在把内置数据库转换为 SQL Converting the embedded database to SQL (PGlite pg_dump)…');
    const text = format === 'pglite' ? await pgliteToSql(data) : adaptPlainDump(data.toString('utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'yunwei-restore-'));
    try {
      const sqlFile = join(dir, 'restore.sql');
      writeFileSync(sqlFile, text, { mode: 0o600 });
      await runTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', conninfo, '-f', sqlFile], env);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const database = await openCliDatabase(config);
  try {
    return await finishRestore(config, database, { file, format, sha256: sha256File(data), movedAside: null });
  } finally {
    await database.close().catch(() => undefined);
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('restore', args, { force: { type: 'boolean' } }, true);
  if (values.help) {
    out(restoreHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`需要一个文件名 expected one FILE\n${restoreHelp}`, EXIT_USAGE);
  const file = resolve(positionals[0]!);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`文件不存在 no such file: ${file}`);
  const format = detectFormat(file);
  const config = loadCliConfig();
  if (config.databaseUrl && values.force)
    throw new CliError(
      '--force 只用于内置数据库；PostgreSQL 只恢复到空数据库。--force applies to the embedded database only; PostgreSQL restores only into an empty database.',
      EXIT_USAGE,
    );
  const data = readFileSync(file);
  return config.databaseUrl
    ? restorePostgres(config, file, format, data)
    : restorePglite(config, file, format, data, values.force === true);
}
