// The demo's past alerts (issue 15): without them every alert number of the demo's reports is 0. A few
// conditions of the lab's devices in last month and last week, each run through the alert steps as
// the job runs them (alert-actions.ts step) at the times they happened: seen (pending), held for the
// threshold's minimum duration (raised, with its fault ticket and notice), cleared (closed, the ticket
// resolved). Nothing is left open: the live alerts stay what the lab's devices answer.
import { and, eq, isNull } from 'drizzle-orm';
import { addCalendarDays, instantOf } from '../../../common/dates.ts';
import type { TAlertRule } from '../../../common/monitoring.ts';
import type { Ctx } from '../../kernel/context.ts';
import { deviceSubject, step } from './alert-actions.ts';
import type { Reading } from './alerts.ts';
import { monAlerts, monDevices, monThresholds } from './tables.ts';

interface Past {
  day: string;
  /** 'HH:MM' China time. */
  time: string;
  rule: Extract<TAlertRule, 'unreachable' | 'snmp_failing'>;
  minutes: number;
}

/** Last month's 10th and 20th and the day a week ago (the demo's monthly and weekly reports). */
export function pastAlerts(today: string): Past[] {
  const lastMonth = addCalendarDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  return [
    { day: `${lastMonth}-10`, time: '09:20', rule: 'unreachable', minutes: 45 },
    { day: `${lastMonth}-20`, time: '14:05', rule: 'snmp_failing', minutes: 130 },
    { day: addCalendarDays(today, -7), time: '10:30', rule: 'unreachable', minutes: 25 },
  ];
}

const MESSAGE: Record<Past['rule'], (d: typeof monDevices.$inferSelect) => string> = {
  unreachable: (d) => `${d.name}（${d.address}）无法 ping 通`,
  snmp_failing: (d) => `${d.name}（${d.address}）SNMP 采集失败：timeout`,
};

export async function loadAlertHistory(ctx: Ctx, today: string): Promise<void> {
  const devices = await ctx.db.select().from(monDevices).orderBy(monDevices.name);
  const past = pastAlerts(today);
  for (const [i, p] of past.entries()) {
    const d = devices[i % devices.length];
    if (!d) return;
    const [t] = await ctx.db
      .select()
      .from(monThresholds)
      .where(and(eq(monThresholds.rule, p.rule), isNull(monThresholds.deviceId)));
    if (!t) continue;
    const s = deviceSubject(d);
    const seen = instantOf(p.day, p.time);
    const at = (ms: number): Ctx => ({ ...ctx, now: () => new Date(seen.getTime() + ms) });
    const reading = (raise: boolean): Reading => ({
      rule: p.rule,
      object: '',
      raise,
      clear: !raise,
      value: null,
      message: MESSAGE[p.rule](d),
    });
    const live = async () =>
      (
        await ctx.db
          .select()
          .from(monAlerts)
          .where(and(eq(monAlerts.deviceId, d.id), eq(monAlerts.rule, p.rule), eq(monAlerts.object, '')))
      ).find((a) => a.state !== 'closed');
    const tally = { opened: 0, closed: 0 };
    await step(at(0), s, reading(true), t, await live(), tally);
    await step(at(t.minDurationSec * 1000), s, reading(true), t, await live(), tally);
    await step(at(p.minutes * 60_000), s, reading(false), t, await live(), tally);
    if (tally.opened !== 1 || tally.closed !== 1) throw new Error(`demo alert ${p.rule} on ${d.name} (${p.day}) not raised and cleared`);
  }
}
