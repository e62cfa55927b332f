// The confidential purge at the contract's end (R-CONF-03, 附件四3(5)): the configuration backups
// this module holds — every device's saved versions, their texts, and the transcripts of the runs.
import { count, isNotNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { PurgeReport, PurgeRequest } from '../../kernel/module.ts';
import { cfgRuns, cfgTexts, cfgVersions } from './tables.ts';

export async function purgeConfigBackups(ctx: Ctx, req: PurgeRequest): Promise<PurgeReport> {
  const [v] = await ctx.db
    .select({ n: count() })
    .from(cfgVersions)
    .where(sql`${cfgVersions.takenAt} < ${req.before}`);
  const [r] = await ctx.db.select({ n: count() }).from(cfgRuns).where(isNotNull(cfgRuns.transcript));
  const counts = { config_versions: Number(v?.n ?? 0), run_transcripts: Number(r?.n ?? 0) };
  if (req.dryRun) return { module: 'configbackup', counts };
  await ctx.db.update(cfgRuns).set({ transcript: null, versionId: null }).where(isNotNull(cfgRuns.transcript));
  await ctx.db.delete(cfgVersions).where(sql`${cfgVersions.takenAt} < ${req.before}`);
  await ctx.db.delete(cfgTexts).where(sql`NOT EXISTS (SELECT 1 FROM ${cfgVersions} WHERE ${cfgVersions.sha256} = ${cfgTexts.sha256})`);
  return { module: 'configbackup', counts };
}
