// What every `yunwei` command shares: configuration, the database, a system ctx, errors and output.
import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from '../server/kernel/config.ts';
import { DataDirLocked, openConfigured, queryRows, type Database } from '../server/kernel/db/client.ts';
import { keyring } from '../server/kernel/crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from '../server/kernel/context.ts';
import { seedReferenceData } from '../server/bootstrap.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from '../server/site.ts';
import { CliError, EXIT_IN_USE, EXIT_USAGE } from './errors.ts';

export { CliError, EXIT_FAILED, EXIT_IN_USE, EXIT_USAGE, out, warn } from './errors.ts';

/** Parses a command's arguments strictly; a wrong option is a usage error naming the command's help. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n参见 see: yunwei ${command} --help`, EXIT_USAGE);
  }
}

export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(`配置错误 configuration error: ${e.message}`, EXIT_USAGE);
    throw e;
  }
}

export const pgliteDirOf = (config: Config): string => join(config.dataDir, 'pgdata');

/** True when the data dir already holds an embedded database. */
export const hasEmbeddedDb = (config: Config): boolean => existsSync(join(pgliteDirOf(config), 'PG_VERSION'));

const STOP_FIRST =
  '此命令需要独占内置数据库：请先停止服务再执行。This command needs the embedded database to itself: stop the server first, then run it again.';

export function inUseError(e: DataDirLocked, hint = STOP_FIRST): CliError {
  return new CliError(`${e.message}\n${hint}`, EXIT_IN_USE);
}

/** Opens the configured database as main.ts does; the embedded one is refused while a server holds it. */
export async function openCliDatabase(config: Config, hint?: string): Promise<Database> {
  try {
    return await openConfigured(config, 2);
  } catch (e) {
    if (e instanceof DataDirLocked) throw inUseError(e, hint);
    throw e;
  }
}

/** Opens the database, runs fn, and closes it whatever happens. */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>, hint?: string): Promise<T> {
  const database = await openCliDatabase(config, hint);
  try {
    return await fn(database);
  } finally {
    await database.close().catch(() => undefined);
  }
}

function operator(): string {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    /* no passwd entry */
  }
  return `${name}@${hostname()}`;
}

/** The ctx of a CLI command: the system actor, its request id naming the OS user who ran it. */
export function cliCtx(config: Config, database: Database): Ctx {
  return {
    db: database.db,
    actor: SYSTEM_ACTOR,
    ip: null,
    requestId: `cli:${operator()}`,
    now: () => new Date(),
    log: pino({ level: config.logLevel === 'silent' ? 'silent' : 'warn' }, pino.destination({ fd: 2, sync: true })),
    keys: keyring(config.secretKey),
  };
}

/** Migrations and the reference data every command relies on (roles, calendar); what a start does first. */
export async function prepare(database: Database, ctx: Ctx): Promise<{ calendarEntries: number }> {
  const registry = registryOf();
  await database.migrate(moduleMigrations(registry));
  await ensureAllSeries(database, registry);
  return seedReferenceData(ctx, registry);
}

/** Refuses to work on a database whose schema was never created. */
export async function assertMigrated(database: Database): Promise<void> {
  const [r] = await queryRows<{ t: string | null }>(database.db, sql`SELECT to_regclass('public.audit_log')::text AS t`);
  if (!r?.t) throw new CliError('数据库尚未初始化 the database has no schema yet: run `yunwei migrate` (or start the server) first.');
}
