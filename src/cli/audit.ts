// `yunwei audit verify`: walks the hash chain of the audit log and names the first changed or missing
// record (等保 2.0 8.1.4.3; issue 2, point 6).
import { verifyAudit, type VerifyResult } from '../server/kernel/audit.ts';
import type { Db } from '../server/kernel/db/client.ts';
import { assertMigrated, CliError, EXIT_FAILED, EXIT_USAGE, hasEmbeddedDb, loadCliConfig, out, parse, withDatabase } from './context.ts';

export const auditHelp = `用法 Usage: yunwei audit verify

逐条校验审计日志的哈希链，报告第一条被修改（changed）、缺失（missing）或链接断开（broken_link）的记录。
完整时退出码为 0，被破坏时为 1。只读，不写入数据库。内置数据库须先停止服务。
Checks the hash chain of the whole audit log and reports the first record that was changed, is
missing, or whose link to the previous one is broken. Exit code 0 when intact, 1 when broken.
Read-only. With the embedded database, stop the server first.`;

const REASON_ZH = { changed: '内容被修改', missing: '记录缺失', broken_link: '链接断开' } as const;

export function verifyLine(r: VerifyResult): string {
  if (r.ok) return `审计链完整 audit chain intact: ${r.checked} records`;
  const bad = r.firstBad!;
  return `审计链被破坏 audit chain broken at record #${bad.seq} (${bad.reason}) — ${REASON_ZH[bad.reason]}；此前 ${r.checked} 条完好 (${r.checked} records before it intact)`;
}

/** Verifies, prints the one-line verdict, and returns the exit code. */
export async function verifyAndReport(db: Db): Promise<number> {
  const r = await verifyAudit(db);
  out(verifyLine(r));
  return r.ok ? 0 : EXIT_FAILED;
}

async function verify(args: string[]): Promise<number> {
  const { values } = parse('audit verify', args, {});
  if (values.help) {
    out(auditHelp);
    return 0;
  }
  const config = loadCliConfig();
  if (!config.databaseUrl && !hasEmbeddedDb(config))
    throw new CliError(`数据目录中还没有数据库 there is no database in ${config.dataDir} yet.`);
  return withDatabase(config, async (database) => {
    await assertMigrated(database);
    return verifyAndReport(database.db);
  });
}

export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') return verify(rest);
  if (sub === undefined) throw new CliError(auditHelp, EXIT_USAGE);
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    out(auditHelp);
    return 0;
  }
  throw new CliError(`未知子命令 unknown subcommand: audit ${sub}\n${auditHelp}`, EXIT_USAGE);
}
