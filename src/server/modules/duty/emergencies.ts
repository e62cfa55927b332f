// The emergency-response measure (issue 14 point 5, R-DUT-03): each real emergency links to its desk
// ticket and is measured from the ticket's own records: created (the alert), first call-back (the
// response), first assignment (the dispatch), first arrival on site, resolution (the recovery), so
// no one types the figures that assess them. An emergency without a ticket keeps typed times as a
// fallback, flagged `manual`. Compared with the contract's targets (2 hours, 24 hours), per month.
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  EMERGENCY_TARGETS,
  type TEmergency,
  type TMonthMeasure,
  type ZEmergencyInput,
  type ZEmergencyQuery,
} from '../../../common/duty-drills.ts';
import { dateOf, isoOrNull as iso } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { ticketMilestones, ticketSummary, type TicketMilestones } from '../desk/api.ts';
import { dutyEmergencies } from './tables.ts';

type EmergencyRow = typeof dutyEmergencies.$inferSelect;
const minutes = (a: Date, b: Date | null) => (b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

/** An emergency measured: from its ticket's milestones `m` when linked, else from what was typed. */
export function emergencyView(r: EmergencyRow, now: Date, m?: TicketMilestones): TEmergency {
  const t = r.ticketId && m ? m : null;
  const alertAt = t?.reportedAt ?? r.alertAt;
  const responseAt = t ? t.respondedAt : r.responseAt;
  const dispatchedAt = t ? t.dispatchedAt : r.dispatchedAt;
  const recoveredAt = t ? t.resolvedAt : r.recoveredAt;
  const responseMin = minutes(alertAt, responseAt);
  const recoveryMin = minutes(alertAt, recoveredAt);
  const past = (target: number) => (minutes(alertAt, now) ?? 0) > target;
  return {
    id: r.id,
    line: r.line as TEmergency['line'],
    title: r.title,
    ticketId: r.ticketId,
    ticketNumber: t?.number ?? r.ticketNumber,
    source: r.ticketId ? 'ticket' : 'manual',
    alertAt: alertAt.toISOString(),
    responseAt: iso(responseAt),
    dispatchedAt: iso(dispatchedAt),
    onsiteAt: iso(t?.arrivedAt ?? null),
    recoveredAt: iso(recoveredAt),
    dispatch: r.dispatch,
    measures: r.measures,
    responseMin,
    dispatchMin: minutes(alertAt, dispatchedAt),
    recoveryMin,
    responseMet: responseMin !== null ? responseMin <= EMERGENCY_TARGETS.responseMin : past(EMERGENCY_TARGETS.responseMin) ? false : null,
    recoveryMet: recoveryMin !== null ? recoveryMin <= EMERGENCY_TARGETS.recoveryMin : past(EMERGENCY_TARGETS.recoveryMin) ? false : null,
    createdByName: r.createdByName,
  };
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const known = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

/** Per month (China time) of the alert: how many, how many met each target, median minutes. */
export function monthsOf(items: TEmergency[]): TMonthMeasure[] {
  const by = new Map<string, TEmergency[]>();
  for (const e of items) {
    const m = dateOf(new Date(e.alertAt)).slice(0, 7);
    by.set(m, [...(by.get(m) ?? []), e]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, xs]) => ({
      month,
      count: xs.length,
      responseMet: xs.filter((e) => e.responseMet === true).length,
      recoveryMet: xs.filter((e) => e.recoveryMet === true).length,
      responseMedianMin: median(known(xs.map((e) => e.responseMin))),
      dispatchMedianMin: median(known(xs.map((e) => e.dispatchMin))),
      recoveryMedianMin: median(known(xs.map((e) => e.recoveryMin))),
      manual: xs.filter((e) => e.source === 'manual').length,
    }));
}

function emergencyWhere(q: { from?: string | undefined; to?: string | undefined; line?: string | undefined }): SQL | undefined {
  const c: SQL[] = [];
  if (q.from) c.push(gte(dutyEmergencies.alertAt, new Date(q.from)));
  if (q.to) c.push(lt(dutyEmergencies.alertAt, new Date(q.to)));
  if (q.line) c.push(eq(dutyEmergencies.line, q.line));
  return c.length ? and(...c) : undefined;
}

/** The emergencies alerted in the period, oldest first, each measured (the tickets' records read in one go). */
export async function measuredEmergencies(
  ctx: Ctx,
  q: { from?: string | undefined; to?: string | undefined; line?: string | undefined },
): Promise<TEmergency[]> {
  const rows = await ctx.db.select().from(dutyEmergencies).where(emergencyWhere(q)).orderBy(asc(dutyEmergencies.alertAt));
  const ms = await ticketMilestones(
    ctx,
    rows.flatMap((r) => (r.ticketId ? [r.ticketId] : [])),
  );
  return rows.map((r) => emergencyView(r, ctx.now(), r.ticketId ? ms.get(r.ticketId) : undefined));
}

export async function listEmergencies(ctx: Ctx, q: z.output<typeof ZEmergencyQuery>) {
  const all = await measuredEmergencies(ctx, q);
  const newest = [...all].reverse();
  return { items: newest.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, months: monthsOf(all) };
}

async function viewOne(ctx: Ctx, r: EmergencyRow): Promise<TEmergency> {
  const ms = r.ticketId ? await ticketMilestones(ctx, [r.ticketId]) : new Map<string, TicketMilestones>();
  return emergencyView(r, ctx.now(), r.ticketId ? ms.get(r.ticketId) : undefined);
}

export async function recordEmergency(ctx: Ctx, input: z.output<typeof ZEmergencyInput>): Promise<TEmergency> {
  const ticket = input.ticketId ? await ticketSummary(ctx, input.ticketId) : null;
  const typed = (v: string | null) => (!ticket && v ? new Date(v) : null);
  const alertAt = ticket?.reportedAt ?? new Date(input.alertAt!);
  const responseAt = typed(input.responseAt);
  if (responseAt && responseAt < alertAt)
    throw new Invalid('emergency.response_before_alert', '响应时间不能早于告警（运维单报告）时间', [
      { path: 'responseAt', message: '早于告警时间' },
    ]);
  const recoveredAt = typed(input.recoveredAt);
  const latest = recoveredAt ?? responseAt ?? alertAt;
  if (latest.getTime() > ctx.now().getTime()) throw new Invalid('emergency.future', '时间不能晚于当前时间');
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(dutyEmergencies)
      .values({
        line: input.line,
        title: input.title,
        ticketId: ticket?.id ?? null,
        ticketNumber: ticket?.number ?? null,
        alertAt,
        responseAt,
        dispatchedAt: typed(input.dispatchedAt),
        recoveredAt,
        dispatch: input.dispatch,
        measures: input.measures,
        createdByName: actorName(tx),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'emergency.record', objectType: 'emergency', objectId: r!.id, after: r });
    return viewOne(tx, r!);
  });
}

/** Recovery typed later, for an emergency without a ticket (a ticket's recovery is its resolution). */
export async function recoverEmergency(ctx: Ctx, id: string, recoveredAt: string, measures?: string): Promise<TEmergency> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db.select().from(dutyEmergencies).where(eq(dutyEmergencies.id, id)).for('update');
    if (!r) throw new NotFound('emergency.not_found', '应急记录不存在');
    if (r.ticketId)
      throw new Conflict('emergency.from_ticket', `恢复时间取自运维单 ${r.ticketNumber ?? ''} 的解决记录，请在运维单上登记解决`);
    if (r.recoveredAt) throw new Conflict('emergency.recovered', '已登记恢复时间');
    const at = new Date(recoveredAt);
    if (r.responseAt && at < r.responseAt)
      throw new Invalid('emergency.recovery_before_response', '恢复时间不能早于响应时间', [
        { path: 'recoveredAt', message: '早于响应时间' },
      ]);
    if (at > tx.now()) throw new Invalid('emergency.future', '时间不能晚于当前时间');
    const [next] = await tx.db
      .update(dutyEmergencies)
      .set({ recoveredAt: at, ...(measures !== undefined ? { measures } : {}), updatedAt: tx.now() })
      .where(eq(dutyEmergencies.id, id))
      .returning();
    await audit(tx, { action: 'emergency.recover', objectType: 'emergency', objectId: id, before: r, after: next });
    return viewOne(tx, next!);
  });
}
