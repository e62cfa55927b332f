// Meetings (issue 14 point 3, R-INS-04): planned with the endpoints that join, tested jointly before
// they begin (one result per endpoint and item, the latest counts), problems during the meeting as
// fault tickets on the VC line, and the support record that ends it. Every write is audited.
import { and, count, desc, eq, gte, lt, lte, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ROOM, type ZCheckInput, type ZMeetingInput, type ZMeetingQuery, type ZProblemInput } from '../../../common/conferences.ts';
import { CONF_SYSTEM_NAMES, type TMeeting } from '../../../common/conferences.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { openDetectedTicket } from '../desk/api.ts';
import { activeEndpoints } from './endpoints.ts';
import { confMeetings } from './tables.ts';
import { neededChecks, testStatus, view, type MeetingRow } from './view.ts';

async function lockRow(tx: Ctx, id: string): Promise<MeetingRow> {
  const [r] = await tx.db.select().from(confMeetings).where(eq(confMeetings.id, id)).for('update');
  if (!r) throw new NotFound('conference.not_found', '会议不存在');
  return r;
}

export async function getMeeting(ctx: Ctx, id: string): Promise<TMeeting> {
  const [r] = await ctx.db.select().from(confMeetings).where(eq(confMeetings.id, id));
  if (!r) throw new NotFound('conference.not_found', '会议不存在');
  return view(r, ctx.now());
}

export async function listMeetings(ctx: Ctx, q: z.output<typeof ZMeetingQuery>) {
  const c: SQL[] = [];
  if (q.from) c.push(gte(confMeetings.startAt, new Date(q.from)));
  if (q.to) c.push(lt(confMeetings.startAt, new Date(q.to)));
  if (q.state) c.push(eq(confMeetings.state, q.state));
  if (q.system) c.push(eq(confMeetings.system, q.system));
  if (q.held) c.push(ne(confMeetings.state, 'cancelled'), lte(confMeetings.startAt, ctx.now()));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(confMeetings).where(where);
  const rows = await ctx.db
    .select()
    .from(confMeetings)
    .where(where)
    .orderBy(desc(confMeetings.startAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => view(r, ctx.now())), total: Number(n?.n ?? 0) };
}

export async function createMeeting(ctx: Ctx, input: z.output<typeof ZMeetingInput>): Promise<TMeeting> {
  const all = await activeEndpoints(ctx);
  const ofSystem = all.filter((e) => e.systems.includes(input.system));
  const chosen = input.endpointIds.length ? all.filter((e) => input.endpointIds.includes(e.id)) : ofSystem;
  if (input.endpointIds.length && chosen.length !== new Set(input.endpointIds).size)
    throw new Invalid('conference.endpoint', '所选会场不存在或已停用', [{ path: 'endpointIds', message: '所选会场不存在或已停用' }]);
  const wrong = chosen.filter((e) => !e.systems.includes(input.system));
  if (wrong.length)
    throw new Invalid('conference.endpoint', `${wrong.map((e) => e.name).join('、')} 未接入${CONF_SYSTEM_NAMES[input.system]}`, [
      { path: 'endpointIds', message: '所选会场未接入该系统' },
    ]);
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(confMeetings)
      .values({
        title: input.title,
        system: input.system,
        startAt: new Date(input.startAt),
        endAt: new Date(input.endAt),
        room: input.room,
        state: 'planned',
        endpoints: chosen.map((e) => ({ id: e.id, name: e.name })),
        createdBy: tx.actor?.via === 'system' ? null : (tx.actor?.id ?? null),
        createdByName: actorName(tx),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'conference.create', objectType: 'conference', objectId: r!.id, after: r });
    return view(r!, tx.now());
  });
}

/** One result of the joint test; the first time every check is done with none failing, the meeting is tested. */
export async function recordCheck(ctx: Ctx, id: string, input: z.output<typeof ZCheckInput>): Promise<TMeeting> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state === 'done' || r.state === 'cancelled') throw new Conflict('conference.closed', '会议已结束或已取消，不能再登记联调结果');
    if (!neededChecks(r).some((n) => n.target === input.target && n.item === input.item))
      throw new Invalid('conference.check', input.target === ROOM ? '会议室没有该检查项' : '该会场未参加本次会议或没有该检查项');
    const checks = [...r.checks, { ...input, byName: actorName(tx), at: tx.now().toISOString() }];
    const s = testStatus({ ...r, checks });
    const testedAt = s.complete ? (r.testedAt ?? tx.now()) : null;
    const [next] = await tx.db
      .update(confMeetings)
      .set({ checks, testedAt, state: s.complete ? 'tested' : 'planned', updatedAt: tx.now() })
      .where(eq(confMeetings.id, id))
      .returning();
    await audit(tx, { action: 'conference.check', objectType: 'conference', objectId: id, detail: input });
    return view(next!, tx.now());
  });
}

/** A problem found in the test or during the meeting: a fault ticket on the VC line, linked here. */
export async function reportProblem(ctx: Ctx, id: string, input: z.output<typeof ZProblemInput>): Promise<TMeeting> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state === 'cancelled') throw new Conflict('conference.cancelled', '会议已取消');
    const t = await openDetectedTicket(tx, {
      serviceLine: 'VC',
      severity: input.severity,
      title: `【${r.title}】${input.title}`,
      description: `${CONF_SYSTEM_NAMES[r.system as keyof typeof CONF_SYSTEM_NAMES]}，${r.room}。\n${input.description}`,
      assetsText: r.room,
      channel: 'onsite',
    });
    const problems = [...r.problems, { ticketId: t.id, number: t.number, title: input.title, at: tx.now().toISOString() }];
    const [next] = await tx.db.update(confMeetings).set({ problems, updatedAt: tx.now() }).where(eq(confMeetings.id, id)).returning();
    await audit(tx, {
      action: 'conference.problem',
      objectType: 'conference',
      objectId: id,
      detail: { ticket: t.number, title: input.title },
    });
    return view(next!, tx.now());
  });
}

/** The support record: written once the meeting has begun, and it ends the meeting. */
export async function closeMeeting(ctx: Ctx, id: string, record: string): Promise<TMeeting> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state === 'done' || r.state === 'cancelled') throw new Conflict('conference.closed', '会议已结束或已取消');
    if (tx.now() < r.startAt) throw new Conflict('conference.not_started', '会议尚未开始，不能填写保障记录');
    const [next] = await tx.db
      .update(confMeetings)
      .set({ state: 'done', record, recordedByName: actorName(tx), updatedAt: tx.now() })
      .where(eq(confMeetings.id, id))
      .returning();
    await audit(tx, { action: 'conference.record', objectType: 'conference', objectId: id, detail: { record } });
    return view(next!, tx.now());
  });
}

export async function cancelMeeting(ctx: Ctx, id: string): Promise<TMeeting> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state === 'done' || r.state === 'cancelled') throw new Conflict('conference.closed', '会议已结束或已取消');
    const [next] = await tx.db
      .update(confMeetings)
      .set({ state: 'cancelled', updatedAt: tx.now() })
      .where(eq(confMeetings.id, id))
      .returning();
    await audit(tx, { action: 'conference.cancel', objectType: 'conference', objectId: id });
    return view(next!, tx.now());
  });
}
