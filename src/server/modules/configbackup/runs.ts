// Backup runs across devices (issue 15): the list a report's 备份成功 / 备份失败 open, with the days and
// state the report counted (configbackup.backup_counts: runs started in the period), so its total is
// the report's number.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TRunRow, ZRunQuery } from '../../../common/configbackup.ts';
import type { Ctx } from '../../kernel/context.ts';
import { pagedTotal } from '../../kernel/db/paged-total.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { cfgDevices, cfgRuns } from './tables.ts';

export async function listAllRuns(ctx: Ctx, q: z.output<typeof ZRunQuery>): Promise<{ items: TRunRow[]; total: number }> {
  const c: SQL[] = dayRangeWhere(cfgRuns.startedAt, q.from, q.to);
  if (q.state) c.push(eq(cfgRuns.state, q.state));
  if (q.deviceId) c.push(eq(cfgRuns.deviceId, q.deviceId));
  const where = c.length ? and(...c) : undefined;
  const offset = (q.page - 1) * q.pageSize;
  const rows = await ctx.db
    .select({
      id: cfgRuns.id,
      deviceId: cfgRuns.deviceId,
      deviceName: cfgDevices.name,
      startedAt: cfgRuns.startedAt,
      finishedAt: cfgRuns.finishedAt,
      state: cfgRuns.state,
      failure: cfgRuns.failure,
      message: cfgRuns.message,
      versionId: cfgRuns.versionId,
    })
    .from(cfgRuns)
    .innerJoin(cfgDevices, eq(cfgDevices.id, cfgRuns.deviceId))
    .where(where)
    .orderBy(desc(cfgRuns.startedAt), desc(cfgRuns.seq))
    .limit(q.pageSize)
    .offset(offset);
  // Counted in full (no cap): the list shows a report's number.
  const { total } = await pagedTotal(ctx.db, cfgRuns, {
    where,
    offset,
    pageSize: q.pageSize,
    got: rows.length,
    exact: true,
  });
  return {
    items: rows.map((r) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      state: r.state as TRunRow['state'],
      failure: r.failure as TRunRow['failure'],
    })),
    total,
  };
}
