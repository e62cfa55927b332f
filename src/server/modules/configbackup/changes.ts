// Configuration changes detected (issue 15): the versions that differ from the one before, across
// devices, and which of them no approved change explains. One set of conditions serves the report's
// numbers (evidence.ts backup_counts) and the list they open, so the list's total is the number.
import { and, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TChangeRow, ZChangeQuery } from '../../../common/configbackup.ts';
import type { Ctx } from '../../kernel/context.ts';
import { pagedTotal } from '../../kernel/db/paged-total.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { cfgDevices, cfgVersions } from './tables.ts';

/**
 * A detected change: a version that is not its device's first (`period`: the bounds on taken_at);
 * `unexplained`: of those, the ones no approved change covers (each raised the alert, run.ts).
 */
export function changeConditions(period: SQL[], unexplained: boolean): SQL[] {
  return [gt(cfgVersions.seq, 1), ...period, ...(unexplained ? [isNull(cfgVersions.coveredBy)] : [])];
}

/** The bounds of a report's period [from, to) on taken_at. */
export const takenIn = (from: string, to: string): SQL[] => [
  sql`${cfgVersions.takenAt} >= ${from}::timestamptz`,
  sql`${cfgVersions.takenAt} < ${to}::timestamptz`,
];

/** Changes detected in the days [from, to] (China time), newest first, counted in full. */
export async function listChanges(ctx: Ctx, q: z.output<typeof ZChangeQuery>): Promise<{ items: TChangeRow[]; total: number }> {
  const c = changeConditions(dayRangeWhere(cfgVersions.takenAt, q.from, q.to), q.unexplained === 'true');
  if (q.deviceId) c.push(eq(cfgVersions.deviceId, q.deviceId));
  const where = and(...c);
  const offset = (q.page - 1) * q.pageSize;
  const rows = await ctx.db
    .select({
      id: cfgVersions.id,
      deviceId: cfgVersions.deviceId,
      deviceName: cfgDevices.name,
      seq: cfgVersions.seq,
      takenAt: cfgVersions.takenAt,
      lines: cfgVersions.lines,
      coveredBy: cfgVersions.coveredBy,
    })
    .from(cfgVersions)
    .innerJoin(cfgDevices, eq(cfgDevices.id, cfgVersions.deviceId))
    .where(where)
    .orderBy(desc(cfgVersions.takenAt), cfgVersions.id)
    .limit(q.pageSize)
    .offset(offset);
  // Counted in full (no cap): the list shows a report's number.
  const { total } = await pagedTotal(ctx.db, cfgVersions, { where, offset, pageSize: q.pageSize, got: rows.length, exact: true });
  return { items: rows.map((r) => ({ ...r, takenAt: r.takenAt.toISOString() })), total };
}
