// What the desk proves to the reports and the monthly assessment (ARCHITECTURE.md principle 4): read
// from the tickets, clocks and work log as they are, never typed up. Each provider takes a period
// [from, to) and answers with counts the report prints and links back to.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';

/**
 * R-SD-06: tickets reported in the period by service line and category, and the work done on them by
 * mode (onsite / remote). A duplicate merged into another ticket is not counted: its work moved to the
 * ticket it joined, so each piece of work counts once.
 */
export const ticketCounts = defineEvidence({
  id: 'desk.ticket_counts',
  title: { zh: '运维单数量（按服务项目、类别、服务方式）', en: 'Tickets by line, category and mode' },
  requirements: ['R-SD-06'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await queryRows<{ serviceLine: string; category: string; tickets: number; onsite: number; remote: number }>(
      ctx.db,
      sql`SELECT t.service_line AS "serviceLine", t.category,
            count(*)::int AS tickets,
            coalesce(sum(w.onsite), 0)::int AS onsite,
            coalesce(sum(w.remote), 0)::int AS remote
          FROM tickets t
          LEFT JOIN LATERAL (
            SELECT count(*) FILTER (WHERE mode = 'onsite') AS onsite, count(*) FILTER (WHERE mode = 'remote') AS remote
            FROM ticket_work_logs WHERE ticket_id = t.id) w ON true
          WHERE t.reported_at >= ${p.from}::timestamptz AND t.reported_at < ${p.to}::timestamptz AND t.merged_into_id IS NULL
          GROUP BY t.service_line, t.category
          ORDER BY t.service_line, t.category`,
    );
    return { from: p.from, to: p.to, rows };
  },
});

/**
 * R-SD-02/03/04: the SLA clocks whose deadline fell in the period, per service line and target: met
 * in time, met late, breached (still open past the deadline), and the share met in time.
 */
export const slaAttainment = defineEvidence({
  id: 'desk.sla_attainment',
  title: { zh: 'SLA 达成率（按服务项目、计时目标）', en: 'SLA attainment by line and target' },
  requirements: ['R-SD-02', 'R-SD-03', 'R-SD-04'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await queryRows<{ serviceLine: string; target: string; due: number; met: number; late: number; breached: number }>(
      ctx.db,
      sql`SELECT t.service_line AS "serviceLine", c.target,
            count(*)::int AS due,
            count(*) FILTER (WHERE c.state = 'met')::int AS met,
            count(*) FILTER (WHERE c.state = 'met_late')::int AS late,
            count(*) FILTER (WHERE c.state = 'breached')::int AS breached
          FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
          WHERE c.due_at >= ${p.from}::timestamptz AND c.due_at < ${p.to}::timestamptz AND t.merged_into_id IS NULL
            -- Every state a clock has (common/sla.ts ClockState), spelled out so the planner reads the
            -- period's clocks from ticket_clocks_due_idx (state, due_at), one range per state, instead
            -- of all of them (2.2 million at a million tickets).
            AND c.state IN ('running', 'paused', 'warning', 'breached', 'met', 'met_late')
          GROUP BY t.service_line, c.target
          ORDER BY t.service_line, c.target`,
    );
    return { from: p.from, to: p.to, rows: rows.map((r) => ({ ...r, rate: r.due ? r.met / r.due : null })) };
  },
});
