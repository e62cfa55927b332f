// `yunwei export DIR`: the complete export of every module's data (kernel/export.ts), for the agency
// at the contract's end or for the next contractor. Read-only; audited.
import { existsSync, readdirSync } from 'node:fs';
import { auditAlone } from '../server/kernel/audit.ts';
import { exportModules } from '../server/kernel/export.ts';
import { registryOf } from '../server/site.ts';
import { assertMigrated, cliCtx, CliError, EXIT_USAGE, loadCliConfig, out, parse, withDatabase } from './context.ts';

export const exportHelp = `用法 Usage: yunwei export DIR

把各模块的全部数据导出到空目录 DIR：每张表一个 JSON Lines 文件（DIR/<模块>/<表>.jsonl），
以及 manifest.json（各表行数与 SHA-256）。一致的快照；不导出口令散列、动态口令与机器人密钥。
Writes every module's data to the empty folder DIR: one JSON Lines file per table and manifest.json
(rows and SHA-256 per table). One consistent snapshot; credentials are never written.`;

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('export', args, {}, true);
  if (values.help) {
    out(exportHelp);
    return 0;
  }
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new CliError(exportHelp, EXIT_USAGE);
  if (existsSync(dir) && readdirSync(dir).length) throw new CliError(`目录不是空的 the folder is not empty: ${dir}`, EXIT_USAGE);
  const config = loadCliConfig();
  return withDatabase(config, async (database) => {
    await assertMigrated(database);
    const ctx = cliCtx(config, database);
    const m = await exportModules(ctx, registryOf(), dir);
    const rows = m.modules.flatMap((x) => x.tables).reduce((n, t) => n + t.rows, 0);
    await auditAlone(ctx, { action: 'system.export', objectType: 'database', detail: { dir, modules: m.modules.map((x) => x.id), rows } });
    for (const x of m.modules) out(`${x.zh} ${x.id}: ${x.tables.map((t) => `${t.table} ${t.rows}`).join(', ')}`);
    out(`已导出 exported ${rows} rows to ${dir}`);
    return 0;
  });
}
