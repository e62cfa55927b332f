// Sessions as people read them: the number, the times as ISO strings, and the summary of the
// attendees' sign-in and assessment (averages of clarity and effect, one decimal).
import { inArray, sql } from 'drizzle-orm';
import type { TSession } from '../../../common/training.ts';
import type { Ctx } from '../../kernel/context.ts';
import { trainingAttendees, trainingSessions } from './tables.ts';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type AttendeeRow = typeof trainingAttendees.$inferSelect;
type Summary = TSession['ratings'];

export const sessionNumber = (seq: number) => `PX-${String(seq).padStart(4, '0')}`;
const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export function summarize(rows: AttendeeRow[]): Summary {
  const rated = rows.filter((r) => r.clarity !== null && r.effect !== null);
  return {
    attendees: rows.length,
    signedIn: rows.filter((r) => r.signedInAt).length,
    rated: rated.length,
    clarity: avg(rated.map((r) => r.clarity!)),
    effect: avg(rated.map((r) => r.effect!)),
  };
}

const EMPTY: Summary = { attendees: 0, signedIn: 0, rated: 0, clarity: null, effect: null };

/** The summaries of these sessions in one statement. */
export async function summariesOf(ctx: Ctx, ids: string[]): Promise<Map<string, Summary>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select({
      id: trainingAttendees.sessionId,
      attendees: sql<number>`count(*)::int`,
      signedIn: sql<number>`count(${trainingAttendees.signedInAt})::int`,
      rated: sql<number>`count(${trainingAttendees.clarity})::int`,
      clarity: sql<string | null>`round(avg(${trainingAttendees.clarity}), 1)`,
      effect: sql<string | null>`round(avg(${trainingAttendees.effect}), 1)`,
    })
    .from(trainingAttendees)
    .where(inArray(trainingAttendees.sessionId, ids))
    .groupBy(trainingAttendees.sessionId);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return new Map(rows.map((r) => [r.id, { ...r, clarity: num(r.clarity), effect: num(r.effect) }]));
}

export function view(r: SessionRow, ratings: Summary = EMPTY): TSession {
  return {
    id: r.id,
    number: sessionNumber(r.seq),
    kind: r.kind as TSession['kind'],
    state: r.state as TSession['state'],
    title: r.title,
    line: r.line as TSession['line'],
    topic: r.topic,
    preferredDate: r.preferredDate,
    requestedByName: r.requestedByName,
    startAt: r.startAt?.toISOString() ?? null,
    endAt: r.endAt?.toISOString() ?? null,
    place: r.place,
    trainer: r.trainer,
    summary: r.summary,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    ratings,
  };
}
