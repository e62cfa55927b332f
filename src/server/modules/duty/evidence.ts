// What the duty rosters prove to the reports (ARCHITECTURE.md principle 4): the shifts each service
// line had in a period by layer, the overrides asked for and approved, and the check-ins on post
// (R-DUT-01), read from the published rosters, overrides and attendance as they are.
import { sql } from 'drizzle-orm';
import { DUTY_LAYERS } from '../../../common/duty.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { shiftsStarting } from './schedule.ts';

/**
 * Per service line: the shifts of the published rosters (overrides applied) starting in [from, to)
 * by layer and their hours, the overrides starting in the period (requested, approved), and the
 * check-ins (of them, off the roster).
 */
export const dutyCounts = defineEvidence({
  id: 'duty.duty_counts',
  title: { zh: '值班班次、替班与签到', en: 'Duty shifts, overrides and check-ins' },
  requirements: ['R-DUT-01'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const from = Date.parse(p.from);
    const to = Date.parse(p.to);
    const overrides = await queryRows<{ line: string; requested: number; approved: number }>(
      ctx.db,
      sql`SELECT line, count(*)::int AS requested, count(*) FILTER (WHERE state = 'approved')::int AS approved
          FROM duty_overrides WHERE start_at >= ${p.from}::timestamptz AND start_at < ${p.to}::timestamptz GROUP BY line`,
    );
    const attendance = await queryRows<{ line: string; checkIns: number; offRoster: number }>(
      ctx.db,
      sql`SELECT line, count(*)::int AS "checkIns", count(*) FILTER (WHERE NOT on_roster)::int AS "offRoster"
          FROM duty_attendance WHERE check_in_at >= ${p.from}::timestamptz AND check_in_at < ${p.to}::timestamptz GROUP BY line`,
    );
    const rows = [];
    for (const line of SERVICE_LINE_CODES) {
      const shifts = await shiftsStarting(ctx, line, from, to);
      const byLayer = Object.fromEntries(DUTY_LAYERS.map((l) => [l, shifts.filter((s) => s.layer === l).length])) as Record<
        (typeof DUTY_LAYERS)[number],
        number
      >;
      const hours = Math.round(shifts.reduce((h, s) => h + (s.end - s.start), 0) / 36e5);
      const o = overrides.find((x) => x.line === line);
      const a = attendance.find((x) => x.line === line);
      rows.push({
        line,
        shifts: shifts.length,
        hours,
        byLayer,
        overridesRequested: o?.requested ?? 0,
        overridesApproved: o?.approved ?? 0,
        checkIns: a?.checkIns ?? 0,
        offRoster: a?.offRoster ?? 0,
      });
    }
    return { from: p.from, to: p.to, rows };
  },
});
