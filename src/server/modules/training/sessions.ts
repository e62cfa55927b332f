// Training sessions (R-TRN-01, R-STF-02, R-CONF-05): the agency requests user training, the
// contractor schedules it (or plans staff training and security education itself), adds attendees
// (users of the system and named outside attendees), they sign in, the session is delivered with a
// summary, and each attendee assesses its clarity and effect (1–5) with a comment. Every write is
// audited; a session delivered or cancelled is closed to changes except the assessment.
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  TSession,
  TSessionDetail,
  ZAttendeesInput,
  ZRatingInput,
  ZSchedule,
  ZSessionInput,
  ZSessionQuery,
  ZTrainingRequest,
} from '../../../common/training.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { usersInAudience } from '../../kernel/directory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { listFiles } from '../../kernel/files/storage.ts';
import { trainingAttendees, trainingSessions } from './tables.ts';
import { summariesOf, summarize, view, type SessionRow } from './view.ts';

export const SESSION_OBJECT = 'training_session';
const CLOSED: Record<string, string> = { delivered: '培训已完成', cancelled: '培训已取消' };

export async function lockSession(tx: Ctx, id: string): Promise<SessionRow> {
  const [r] = await tx.db.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
  if (!r) throw new NotFound('training.not_found', '培训不存在');
  return r;
}
function assertOpen(r: SessionRow, what: string): void {
  const why = CLOSED[r.state];
  if (why) throw new Conflict('training.closed', `${why}，不能再${what}`);
}

export async function listSessions(ctx: Ctx, q: z.output<typeof ZSessionQuery>): Promise<{ items: TSession[]; total: number }> {
  const c: SQL[] = [];
  if (q.kind) c.push(eq(trainingSessions.kind, q.kind));
  if (q.state) c.push(eq(trainingSessions.state, q.state));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(trainingSessions).where(where);
  const rows = await ctx.db
    .select()
    .from(trainingSessions)
    .where(where)
    .orderBy(desc(trainingSessions.createdAt), desc(trainingSessions.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const sums = await summariesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => view(r, sums.get(r.id))), total: Number(n?.n ?? 0) };
}

export async function getSession(ctx: Ctx, id: string): Promise<TSessionDetail> {
  const [r] = await ctx.db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!r) throw new NotFound('training.not_found', '培训不存在');
  const rows = await ctx.db
    .select()
    .from(trainingAttendees)
    .where(eq(trainingAttendees.sessionId, id))
    .orderBy(asc(trainingAttendees.createdAt), asc(trainingAttendees.name));
  const files = await listFiles(ctx, SESSION_OBJECT, id);
  return {
    ...view(r, summarize(rows)),
    attendees: rows.map((a) => ({
      id: a.id,
      username: a.username,
      name: a.name,
      org: a.org,
      signedInAt: a.signedInAt?.toISOString() ?? null,
      clarity: a.clarity,
      effect: a.effect,
      comment: a.comment,
    })),
    materials: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), url: `/api/training/sessions/${id}/materials/${f.id}` })),
    mine: rows.find((a) => a.userId && a.userId === ctx.actor?.id)?.id ?? null,
  };
}

async function insertSession(tx: Ctx, values: Omit<typeof trainingSessions.$inferInsert, 'createdAt' | 'updatedAt'>): Promise<string> {
  const [r] = await tx.db
    .insert(trainingSessions)
    .values({ ...values, createdAt: tx.now(), updatedAt: tx.now() })
    .returning();
  await audit(tx, {
    action: `training.${values.state === 'requested' ? 'request' : 'create'}`,
    objectType: 'training',
    objectId: r!.id,
    after: r,
  });
  return r!.id;
}

/** The agency's request for user training (附件一 11 (1)). */
export async function requestTraining(ctx: Ctx, input: z.output<typeof ZTrainingRequest>): Promise<TSessionDetail> {
  const id = await inTx(ctx, (tx) =>
    insertSession(tx, { kind: 'user', state: 'requested', ...input, requestedByName: actorName(tx), requestedAt: tx.now() }),
  );
  return getSession(ctx, id);
}

/** A session the contractor plans: staff training, security education, or user training of its own. */
export async function createSession(ctx: Ctx, input: z.output<typeof ZSessionInput>): Promise<TSessionDetail> {
  const id = await inTx(ctx, (tx) =>
    insertSession(tx, { ...input, state: 'scheduled', startAt: new Date(input.startAt), endAt: new Date(input.endAt) }),
  );
  return getSession(ctx, id);
}

/** Schedules a requested session, or moves a scheduled one. */
export async function scheduleSession(ctx: Ctx, id: string, input: z.output<typeof ZSchedule>): Promise<TSessionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    assertOpen(r, '安排时间');
    const set = {
      state: 'scheduled',
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      place: input.place,
      trainer: input.trainer,
    };
    await tx.db
      .update(trainingSessions)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(trainingSessions.id, id));
    await audit(tx, { action: 'training.schedule', objectType: 'training', objectId: id, before: r, after: { ...r, ...set } });
  });
  return getSession(ctx, id);
}

/** Adds attendees: users of the system by username, and named outside attendees. */
export async function addAttendees(ctx: Ctx, id: string, input: z.output<typeof ZAttendeesInput>): Promise<TSessionDetail> {
  const wanted = [...new Set(input.usernames.map((u) => u.toLowerCase()))];
  const found = wanted.length
    ? await usersInAudience(ctx, [{ permission: 'training.read' }], { usernames: wanted, limit: wanted.length })
    : [];
  const missing = wanted.filter((u) => !found.some((f) => f.username.toLowerCase() === u));
  if (missing.length)
    throw new Invalid('training.unknown_user', `用户不存在或无权查看培训：${missing.join('、')}`, [
      { path: 'usernames', message: missing.join('、') },
    ]);
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    assertOpen(r, '添加参训人员');
    const values = [
      ...found.map((u) => ({ sessionId: id, userId: u.id, username: u.username, name: u.displayName, org: '', createdAt: tx.now() })),
      ...input.outside.map((o) => ({ sessionId: id, userId: null, username: null, name: o.name, org: o.org, createdAt: tx.now() })),
    ];
    const added = await tx.db.insert(trainingAttendees).values(values).onConflictDoNothing().returning({ name: trainingAttendees.name });
    await audit(tx, { action: 'training.attendees', objectType: 'training', objectId: id, detail: { added: added.map((a) => a.name) } });
  });
  return getSession(ctx, id);
}

/** Sign-in on the day: the attendee themself (no ids), or the trainer for those named. */
export async function signIn(ctx: Ctx, id: string, attendeeIds: string[]): Promise<TSessionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    if (r.state === 'cancelled' || r.state === 'requested') throw new Conflict('training.not_scheduled', '培训尚未安排或已取消，不能签到');
    if (!r.startAt || tx.now().getTime() < r.startAt.getTime() - 2 * 3600_000)
      throw new Conflict('training.too_early', '培训开始前 2 小时内才能签到');
    const rows = await tx.db.select().from(trainingAttendees).where(eq(trainingAttendees.sessionId, id));
    let targets: typeof rows;
    if (attendeeIds.length) {
      if (!tx.actor?.permissions.has('training.write')) throw new Forbidden('training.sign_in_others', '只能为本人签到');
      targets = rows.filter((a) => attendeeIds.includes(a.id));
      if (targets.length !== new Set(attendeeIds).size) throw new Invalid('training.unknown_attendee', '所选人员不在本次培训名单中');
    } else {
      targets = rows.filter((a) => a.userId && a.userId === tx.actor?.id);
      if (!targets.length) throw new Forbidden('training.not_attendee', '您不在本次培训名单中');
    }
    for (const a of targets.filter((x) => !x.signedInAt))
      await tx.db.update(trainingAttendees).set({ signedInAt: tx.now() }).where(eq(trainingAttendees.id, a.id));
    await audit(tx, { action: 'training.sign_in', objectType: 'training', objectId: id, detail: { names: targets.map((a) => a.name) } });
  });
  return getSession(ctx, id);
}

/** The session was held: its summary; it may not be recorded before it began. */
export async function deliverSession(ctx: Ctx, id: string, summary: string): Promise<TSessionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    assertOpen(r, '登记完成');
    if (r.state !== 'scheduled' || !r.startAt) throw new Conflict('training.not_scheduled', '培训尚未安排时间');
    if (tx.now() < r.startAt) throw new Conflict('training.not_started', '培训尚未开始，不能登记完成');
    await tx.db
      .update(trainingSessions)
      .set({ state: 'delivered', summary, deliveredAt: tx.now(), updatedAt: tx.now() })
      .where(eq(trainingSessions.id, id));
    await audit(tx, { action: 'training.deliver', objectType: 'training', objectId: id, detail: { summary } });
  });
  return getSession(ctx, id);
}

/** An attendee's assessment, after delivery: their own, or an outside attendee's form the trainer enters. */
export async function rateSession(ctx: Ctx, id: string, input: z.output<typeof ZRatingInput>): Promise<TSessionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    if (r.state !== 'delivered') throw new Conflict('training.not_delivered', '培训完成后才能评价');
    const rows = await tx.db.select().from(trainingAttendees).where(eq(trainingAttendees.sessionId, id));
    const a = input.attendeeId ? rows.find((x) => x.id === input.attendeeId) : rows.find((x) => x.userId && x.userId === tx.actor?.id);
    if (!a)
      throw input.attendeeId
        ? new NotFound('training.unknown_attendee', '该人员不在本次培训名单中')
        : new Forbidden('training.not_attendee', '您不在本次培训名单中');
    const own = !!a.userId && a.userId === tx.actor?.id;
    if (!own && (a.userId || !tx.actor?.permissions.has('training.write')))
      throw new Forbidden('training.rate_others', '系统用户须本人评价；培训方只能代录外部参训人员的评价表');
    if (!a.signedInAt) throw new Conflict('training.not_signed_in', '未签到的人员不能评价');
    const set = { clarity: input.clarity, effect: input.effect, comment: input.comment, ratedAt: tx.now() };
    await tx.db.update(trainingAttendees).set(set).where(eq(trainingAttendees.id, a.id));
    await audit(tx, { action: 'training.rate', objectType: 'training', objectId: id, detail: { attendee: a.name, ...input } });
  });
  return getSession(ctx, id);
}

export async function cancelSession(ctx: Ctx, id: string): Promise<TSessionDetail> {
  await inTx(ctx, async (tx) => {
    const r = await lockSession(tx, id);
    assertOpen(r, '取消');
    await tx.db.update(trainingSessions).set({ state: 'cancelled', updatedAt: tx.now() }).where(eq(trainingSessions.id, id));
    await audit(tx, { action: 'training.cancel', objectType: 'training', objectId: id });
  });
  return getSession(ctx, id);
}
