// What the change process proves to the reports (ARCHITECTURE.md principle 4): the change requests of a
// period by type and state, read from the requests as they are (R-CHG-01/02).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';

/**
 * Change requests raised in the period [from, to) by type (normal, standard, emergency) and the state
 * they are in now, and how many of all changes finished (carried out) within the period.
 */
export const changeCounts = defineEvidence({
  id: 'changes.change_counts',
  title: { zh: '变更数量（按类型、状态）', en: 'Changes by type and state' },
  requirements: ['R-CHG-01', 'R-CHG-02'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await queryRows<{ type: string; state: string; changes: number }>(
      ctx.db,
      sql`SELECT type, state, count(*)::int AS changes FROM chg_changes
          WHERE created_at >= ${p.from}::timestamptz AND created_at < ${p.to}::timestamptz
          GROUP BY type, state ORDER BY type, state`,
    );
    const [done] = await queryRows<{ finished: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS finished FROM chg_changes
          WHERE finished_at >= ${p.from}::timestamptz AND finished_at < ${p.to}::timestamptz`,
    );
    return { from: p.from, to: p.to, rows, raised: rows.reduce((s, r) => s + r.changes, 0), finished: done?.finished ?? 0 };
  },
});
