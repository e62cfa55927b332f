// What the inspections prove to the reports (ARCHITECTURE.md principle 4): the inspection sheets due in
// a period, submitted on time, late, or still not submitted (R-INS-01/02), read from the sheets as
// they are.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';

/**
 * Per service line and schedule (daily, weekly…): the sheets whose due time fell in [from, to), how
 * many were submitted by it (`done`), after it (`late`), and not at all by `to` (`overdue`).
 */
export const sheetCounts = defineEvidence({
  id: 'inspections.sheet_counts',
  title: { zh: '巡检表完成情况（按服务项目、周期）', en: 'Inspection sheets done and overdue' },
  requirements: ['R-INS-01', 'R-INS-02'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await queryRows<{ serviceLine: string; schedule: string; due: number; done: number; late: number; overdue: number }>(
      ctx.db,
      sql`SELECT service_line AS "serviceLine", schedule, count(*)::int AS due,
            count(*) FILTER (WHERE submitted_at <= due_at)::int AS done,
            count(*) FILTER (WHERE submitted_at > due_at AND submitted_at < ${p.to}::timestamptz)::int AS late,
            count(*) FILTER (WHERE submitted_at IS NULL OR submitted_at >= ${p.to}::timestamptz)::int AS overdue
          FROM ins_sheets WHERE due_at >= ${p.from}::timestamptz AND due_at < ${p.to}::timestamptz
          GROUP BY service_line, schedule ORDER BY service_line, schedule`,
    );
    return { from: p.from, to: p.to, rows };
  },
});
