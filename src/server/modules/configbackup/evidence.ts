// What configuration backup proves to the reports (ARCHITECTURE.md principle 4): backups taken and
// failed in a period, and the configuration changes they detected, with those no approved change
// explains (R-CHG-03), read from the runs and versions as they are.
import { and, count, sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { changeConditions, takenIn } from './changes.ts';
import { cfgVersions } from './tables.ts';

/**
 * Per device group: backup runs started in [from, to) that succeeded and failed, and the versions
 * taken in the period that differ from the one before (a configuration change detected), of which
 * `unexplained` no approved change covers.
 */
export const backupCounts = defineEvidence({
  id: 'configbackup.backup_counts',
  title: { zh: '配置备份与配置变化', en: 'Configuration backups and changes detected' },
  requirements: ['R-CHG-03'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const [runs] = await queryRows<{ ok: number; failed: number; devices: number }>(
      ctx.db,
      sql`SELECT count(*) FILTER (WHERE state = 'ok')::int AS ok,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            count(DISTINCT device_id)::int AS devices
          FROM cfg_runs WHERE started_at >= ${p.from}::timestamptz AND started_at < ${p.to}::timestamptz`,
    );
    // The same conditions as the list the numbers open (changes.ts).
    const period = takenIn(p.from, p.to);
    const [changes] = await ctx.db
      .select({
        detected: count(),
        unexplained: sql<number>`count(*) FILTER (WHERE ${and(...changeConditions([], true))})`.mapWith(Number),
      })
      .from(cfgVersions)
      .where(and(...changeConditions(period, false)));
    return {
      from: p.from,
      to: p.to,
      ok: runs?.ok ?? 0,
      failed: runs?.failed ?? 0,
      devices: runs?.devices ?? 0,
      detected: changes?.detected ?? 0,
      unexplained: changes?.unexplained ?? 0,
    };
  },
});
