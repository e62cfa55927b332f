// Emergency drills and the emergency-response measure (issue 14 point 5, R-DUT-03): drills are planned
// (scenario, date, participants) and then held (timeline, findings, follow-ups) or cancelled; each
// real emergency is recorded from the alert (or its desk ticket's report time) to the first response
// and to recovery, and compared with the contract's targets (2 hours, 24 hours), per month.
import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { EMERGENCY_TARGETS, type TDrill, type ZDrillInput, type ZDrillQuery, type ZHoldInput } from '../../../common/duty-drills.ts';
import { dateOf, isoOrNull as iso } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { measuredEmergencies, monthsOf } from './emergencies.ts';
import { dutyDrills } from './tables.ts';

type DrillRow = typeof dutyDrills.$inferSelect;

export function drillView(r: DrillRow): TDrill {
  return {
    id: r.id,
    number: `YL-${dateOf(r.plannedAt).slice(0, 4)}-${r.id.slice(0, 4).toUpperCase()}`,
    line: r.line as TDrill['line'],
    title: r.title,
    scenario: r.scenario,
    plannedAt: r.plannedAt.toISOString(),
    participants: r.participants,
    state: r.state as TDrill['state'],
    heldStart: iso(r.heldStart),
    heldEnd: iso(r.heldEnd),
    timeline: r.timeline,
    findings: r.findings,
    followUps: r.followUps,
    createdByName: r.createdByName,
  };
}

export async function listDrills(ctx: Ctx, q: z.output<typeof ZDrillQuery>): Promise<{ items: TDrill[]; total: number }> {
  const c: SQL[] = [];
  if (q.state) c.push(eq(dutyDrills.state, q.state));
  if (q.line) c.push(eq(dutyDrills.line, q.line));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(dutyDrills).where(where);
  const rows = await ctx.db
    .select()
    .from(dutyDrills)
    .where(where)
    .orderBy(desc(dutyDrills.plannedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(drillView), total: Number(n?.n ?? 0) };
}

export async function getDrill(ctx: Ctx, id: string): Promise<TDrill> {
  const [r] = await ctx.db.select().from(dutyDrills).where(eq(dutyDrills.id, id));
  if (!r) throw new NotFound('drill.not_found', '演练不存在');
  return drillView(r);
}

export async function planDrill(ctx: Ctx, input: z.output<typeof ZDrillInput>): Promise<TDrill> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(dutyDrills)
      .values({
        ...input,
        plannedAt: new Date(input.plannedAt),
        state: 'planned',
        createdByName: actorName(tx),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'drill.plan', objectType: 'drill', objectId: r!.id, after: r });
    return drillView(r!);
  });
}

async function lockDrill(tx: Ctx, id: string): Promise<DrillRow> {
  const [r] = await tx.db.select().from(dutyDrills).where(eq(dutyDrills.id, id)).for('update');
  if (!r) throw new NotFound('drill.not_found', '演练不存在');
  if (r.state !== 'planned') throw new Conflict('drill.closed', r.state === 'held' ? '演练已记录，不能重复登记' : '演练已取消');
  return r;
}

/** The drill was held: its timeline, findings and follow-ups; not before it began, nor in the future. */
export async function holdDrill(ctx: Ctx, id: string, input: z.output<typeof ZHoldInput>): Promise<TDrill> {
  if (Date.parse(input.heldEnd) > ctx.now().getTime())
    throw new Invalid('drill.future', '演练结束时间不能晚于当前时间', [{ path: 'heldEnd', message: '不能晚于当前时间' }]);
  return inTx(ctx, async (tx) => {
    await lockDrill(tx, id);
    const timeline = [...input.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const [r] = await tx.db
      .update(dutyDrills)
      .set({
        state: 'held',
        heldStart: new Date(input.heldStart),
        heldEnd: new Date(input.heldEnd),
        timeline,
        findings: input.findings,
        followUps: input.followUps,
        updatedAt: tx.now(),
      })
      .where(eq(dutyDrills.id, id))
      .returning();
    await audit(tx, { action: 'drill.hold', objectType: 'drill', objectId: id, detail: input });
    return drillView(r!);
  });
}

export async function cancelDrill(ctx: Ctx, id: string): Promise<TDrill> {
  return inTx(ctx, async (tx) => {
    await lockDrill(tx, id);
    const [r] = await tx.db.update(dutyDrills).set({ state: 'cancelled', updatedAt: tx.now() }).where(eq(dutyDrills.id, id)).returning();
    await audit(tx, { action: 'drill.cancel', objectType: 'drill', objectId: id });
    return drillView(r!);
  });
}

/** R-DUT-03 for the reports: drills held in the period (findings, follow-ups) and emergencies measured. */
export const drillsEvidence = defineEvidence({
  id: 'duty.drills',
  title: { zh: '应急演练与应急响应（响应、恢复时长与达标）', en: 'Emergency drills and response times' },
  requirements: ['R-DUT-03'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const from = new Date(p.from);
    const to = new Date(p.to);
    const held = await ctx.db
      .select()
      .from(dutyDrills)
      .where(and(eq(dutyDrills.state, 'held'), gte(dutyDrills.heldStart, from), lt(dutyDrills.heldStart, to)))
      .orderBy(asc(dutyDrills.heldStart));
    const ems = await measuredEmergencies(ctx, p);
    return {
      from: p.from,
      to: p.to,
      targets: EMERGENCY_TARGETS,
      drills: held.map((d) => ({
        id: d.id,
        line: d.line,
        title: d.title,
        heldStart: d.heldStart!.toISOString(),
        findings: d.findings,
        followUps: d.followUps.length,
        url: `/duty?tab=drills&drill=${d.id}`,
      })),
      emergencies: {
        count: ems.length,
        responseMet: ems.filter((e) => e.responseMet === true).length,
        manual: ems.filter((e) => e.source === 'manual').length,
        recoveryMet: ems.filter((e) => e.recoveryMet === true).length,
        months: monthsOf(ems),
        items: ems.map((e) => ({
          id: e.id,
          title: e.title,
          ticketNumber: e.ticketNumber,
          source: e.source,
          responseMin: e.responseMin,
          dispatchMin: e.dispatchMin,
          recoveryMin: e.recoveryMin,
        })),
      },
    };
  },
});
