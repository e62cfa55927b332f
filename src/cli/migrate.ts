// `yunwei migrate`: applies the SQL migrations in migrations/ and seeds the reference data (roles,
// calendar), as every start of the server does; reports which migrations it applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, queryRows, type Database } from '../server/kernel/db/client.ts';
import { cliCtx, loadCliConfig, out, parse, pgliteDirOf, prepare, withDatabase } from './context.ts';

export const migrateHelp = `用法 Usage: yunwei migrate

应用 migrations/ 中尚未执行的数据库迁移，并写入基础数据（内置角色、节假日日历）。
服务每次启动时也会这样做；部署新版本前可单独执行。内置数据库须先停止服务。
Applies the pending database migrations in migrations/ and seeds the reference data (built-in roles,
the holiday calendar), as every start of the server does. With the embedded database, stop the
server first.`;

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const j = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return j.entries;
}

/** created_at of the migrations recorded as applied (drizzle's own table), empty on a new database. */
async function applied(database: Database): Promise<Set<number>> {
  const [t] = await queryRows<{ t: string | null }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!t?.t) return new Set();
  const rows = await queryRows<{ created_at: string | number | bigint }>(
    database.db,
    sql`SELECT created_at FROM drizzle.__drizzle_migrations`,
  );
  return new Set(rows.map((r) => Number(r.created_at)));
}

export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parse('migrate', args, {});
  if (values.help) {
    out(migrateHelp);
    return 0;
  }
  const config = loadCliConfig();
  return withDatabase(config, async (database) => {
    const before = await applied(database);
    const ctx = cliCtx(config, database);
    const { calendarEntries } = await prepare(database, ctx);
    const after = await applied(database);
    const all = journal();
    const fresh = all.filter((e) => after.has(e.when) && !before.has(e.when));
    out(`数据库 Database: ${database.kind === 'pglite' ? `PGlite ${pgliteDirOf(config)}` : 'PostgreSQL'}`);
    if (fresh.length) {
      out(`已应用 ${fresh.length} 个迁移 Applied ${fresh.length} migration(s):`);
      for (const e of fresh) out(`  ${e.tag}`);
    } else {
      out(`数据库结构已是最新 The schema is up to date (${after.size} migrations applied earlier).`);
    }
    if (calendarEntries > 0) out(`已写入节假日日历 Seeded the holiday calendar: ${calendarEntries} entries.`);
    out('内置角色已就绪 Built-in roles are in place.');
    return 0;
  });
}
