// Who is on duty: the published versions in force, generated on the business calendar, with the
// approved overrides applied (issue 14 point 4). What the on-call API, the month view and the
// calendar feed read.
import { and, eq, gt, lt } from 'drizzle-orm';
import { DAY_MS, addCalendarDays, dateOf } from '../../../common/dates.ts';
import type { z } from 'zod';
import { DUTY_LAYERS, type TDutyLayer, type TMonth, type TOnDutyPerson, type ZShiftList, type ZShiftQuery } from '../../../common/duty.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { Ctx } from '../../kernel/context.ts';
import { userCards } from '../../kernel/directory.ts';
import { Invalid } from '../../kernel/errors.ts';
import { applyOverrides, findGaps, generateShifts, spanOf, type Shift } from './generate.ts';
import { versionsCovering } from './service.ts';
import { dutyOverrides } from './tables.ts';

/** The shifts of a line on the dates from..to (inclusive), overrides applied. */
export async function lineShifts(ctx: Ctx, line: string, from: string, to: string): Promise<Shift[]> {
  const versions = await versionsCovering(ctx, line, from, to);
  if (!versions.length) return [];
  const cal = await getCalendar(ctx);
  const out: Shift[] = [];
  // Each date goes to the latest publication covering it; consecutive dates of one version run together.
  let runStart: string | null = null;
  let runVersion: (typeof versions)[number] | null = null;
  const flush = (end: string) => {
    if (runVersion && runStart)
      out.push(
        ...generateShifts(cal, { from: runVersion.periodStart, to: runVersion.periodEnd }, runVersion.layers, { from: runStart, to: end }),
      );
  };
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
    const v = versions.find((x) => x.periodStart <= d && x.periodEnd >= d) ?? null;
    if (v !== runVersion) {
      flush(addCalendarDays(d, -1));
      runStart = d;
      runVersion = v;
    }
  }
  flush(to);
  const [a, b] = spanOf({ from, to });
  const overrides = await ctx.db
    .select()
    .from(dutyOverrides)
    .where(
      and(
        eq(dutyOverrides.line, line),
        eq(dutyOverrides.state, 'approved'),
        lt(dutyOverrides.start, new Date(b)),
        gt(dutyOverrides.end, new Date(a)),
      ),
    );
  return applyOverrides(
    out,
    overrides.map((o) => ({
      layer: o.layer as TDutyLayer,
      fromUserId: o.fromUserId,
      toUserId: o.toUserId,
      start: o.start.getTime(),
      end: o.end.getTime(),
    })),
  );
}

/** The shifts of a line covering the instant `at`. */
async function shiftsAt(ctx: Ctx, line: string, at: Date) {
  const t = at.getTime();
  const day = dateOf(at);
  return (await lineShifts(ctx, line, day, day)).filter((s) => s.start <= t && s.end > t);
}

/** The user ids of the people on duty for a line at `at`, in layer order (on post first). */
export async function onDutyMemberIds(ctx: Ctx, line: string, at: Date): Promise<string[]> {
  const shifts = await shiftsAt(ctx, line, at);
  shifts.sort((x, y) => DUTY_LAYERS.indexOf(x.layer) - DUTY_LAYERS.indexOf(y.layer));
  return [...new Set(shifts.map((s) => s.member))];
}

export async function onDutyAt(ctx: Ctx, line: string, at: Date): Promise<TOnDutyPerson[]> {
  const shifts = await shiftsAt(ctx, line, at);
  const cards = await userCards(
    ctx,
    shifts.map((s) => s.member),
  );
  const seen = new Set<string>();
  return shifts
    .filter((s) => cards.has(s.member) && !seen.has(`${s.layer}|${s.member}`) && seen.add(`${s.layer}|${s.member}`))
    .map((s) => {
      const c = cards.get(s.member)!;
      return { username: c.username, displayName: c.displayName, phone: c.phone, layer: s.layer };
    })
    .sort((x, y) => DUTY_LAYERS.indexOf(x.layer) - DUTY_LAYERS.indexOf(y.layer) || x.displayName.localeCompare(y.displayName, 'zh'));
}

/** A month of a line: its days (holidays and make-up workdays marked), shifts and uncovered hours. */
export async function monthOf(ctx: Ctx, line: string, month: string): Promise<TMonth> {
  const from = `${month}-01`;
  const next = new Date(Date.parse(`${from}T00:00:00Z`) + 32 * DAY_MS).toISOString().slice(0, 7);
  const to = addCalendarDays(`${next}-01`, -1);
  const cal = await getCalendar(ctx);
  const shifts = await lineShifts(ctx, line, from, to);
  const cards = await userCards(
    ctx,
    shifts.map((s) => s.member),
  );
  const [a, b] = spanOf({ from, to });
  return {
    line,
    month,
    days: cal.days(from, to),
    shifts: shifts.map((s) => ({
      layer: s.layer,
      username: cards.get(s.member)?.username ?? '',
      displayName: cards.get(s.member)?.displayName ?? '（已删除）',
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
    })),
    gaps: findGaps(shifts, a, b),
  };
}

/** The shifts of a line starting in [from, to) (epoch ms): what duty.duty_counts counts and /api/duty/shifts lists. */
export async function shiftsStarting(ctx: Ctx, line: string, from: number, to: number): Promise<Shift[]> {
  // A shift starting on the first day may belong to the day before's generation (a night shift).
  const all = await lineShifts(ctx, line, addCalendarDays(dateOf(new Date(from)), -1), dateOf(new Date(to - 1)));
  return all.filter((s) => s.start >= from && s.start < to);
}

/** The shifts list (issue 15): by start, then layer; refused when the period is reversed or too long. */
export async function listShifts(ctx: Ctx, q: z.output<typeof ZShiftQuery>): Promise<z.output<typeof ZShiftList>> {
  const [from, to] = [Date.parse(q.from), Date.parse(q.to)];
  if (from >= to)
    throw new Invalid('period.reversed', '开始时间应早于结束时间', [{ path: 'query.from', message: '开始时间应早于结束时间' }]);
  if (to - from > 400 * DAY_MS) throw new Invalid('duty.span', '时间范围不能超过 400 天', [{ path: 'query.to', message: '时间范围过长' }]);
  const shifts = (await shiftsStarting(ctx, q.line, from, to))
    .filter((s) => !q.layer || s.layer === q.layer)
    .sort((a, b) => a.start - b.start || DUTY_LAYERS.indexOf(a.layer) - DUTY_LAYERS.indexOf(b.layer));
  const page = shifts.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const cards = await userCards(
    ctx,
    page.map((s) => s.member),
  );
  return {
    items: page.map((s) => ({
      line: q.line,
      layer: s.layer,
      username: cards.get(s.member)?.username ?? '',
      displayName: cards.get(s.member)?.displayName ?? '（已删除）',
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
    })),
    total: shifts.length,
  };
}
