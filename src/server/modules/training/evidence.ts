// What the training module proves to the reports (issue 15 point 6): the sessions delivered in a
// period, by kind (user training, staff training, security education), with attendance and the
// attendees' assessment of clarity and effect.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { TRAINING_KINDS } from '../../../common/training.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { trainingSessions } from './tables.ts';
import { sessionNumber, summariesOf } from './view.ts';

export const sessionsHeld = defineEvidence({
  id: 'training.sessions',
  title: { zh: '培训与安全保密教育（场次、参训与评价）', en: 'Training and security education held, attendance and assessment' },
  requirements: ['R-TRN-01', 'R-STF-02', 'R-CONF-05'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await ctx.db
      .select()
      .from(trainingSessions)
      .where(
        and(
          eq(trainingSessions.state, 'delivered'),
          gte(trainingSessions.startAt, new Date(p.from)),
          lt(trainingSessions.startAt, new Date(p.to)),
        ),
      )
      .orderBy(asc(trainingSessions.startAt));
    const sums = await summariesOf(
      ctx,
      rows.map((r) => r.id),
    );
    const sessions = rows.map((r) => ({
      id: r.id,
      number: sessionNumber(r.seq),
      kind: r.kind,
      title: r.title,
      startAt: r.startAt!.toISOString(),
      url: `/training/${r.id}`,
      ...sums.get(r.id)!,
    }));
    const byKind = TRAINING_KINDS.map((kind) => {
      const of = sessions.filter((s) => s.kind === kind);
      return {
        kind,
        sessions: of.length,
        attendees: of.reduce((a, s) => a + (s.attendees ?? 0), 0),
        signedIn: of.reduce((a, s) => a + (s.signedIn ?? 0), 0),
      };
    });
    return { from: p.from, to: p.to, byKind, sessions };
  },
});
