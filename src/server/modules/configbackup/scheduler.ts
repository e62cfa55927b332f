// The scheduled backup (issue 12 point 2, R-MON-05): one `global` job (one node runs each
// occurrence) wakes every 5 minutes, picks the devices whose group's schedule is due now (schedule.ts),
// marks them as started by the scheduler in one statement, then backs them up a few at a time.
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { runAll } from './run.ts';
import { DEFAULT_SCHEDULE, isDue, type Schedule } from './schedule.ts';
import { cfgDevices, cfgGroups } from './tables.ts';

/** The devices whose scheduled backup is due at the context's now, by the group's schedule or the default. */
export async function dueDevices(ctx: Ctx): Promise<string[]> {
  const [groups, devices, calendar] = await Promise.all([
    ctx.db.select().from(cfgGroups),
    ctx.db.select({ id: cfgDevices.id, groupId: cfgDevices.groupId, last: cfgDevices.lastScheduledAt }).from(cfgDevices),
    getCalendar(ctx),
  ]);
  const byId = new Map<string, Schedule>(groups.map((g) => [g.id, g]));
  const now = ctx.now();
  return devices.filter((d) => isDue((d.groupId && byId.get(d.groupId)) || DEFAULT_SCHEDULE, now, calendar, d.last)).map((d) => d.id);
}

export const scheduledBackup: GlobalJob = {
  name: 'configbackup-scheduled',
  scope: 'global',
  cron: '*/5 * * * *',
  handler: async (ctx) => {
    const due = await dueDevices(ctx);
    if (due.length === 0) return;
    // Marked before the runs: a long round is not started twice by the next occurrence.
    await ctx.db.update(cfgDevices).set({ lastScheduledAt: ctx.now() }).where(inArray(cfgDevices.id, due));
    await runAll(ctx, due);
  },
};
