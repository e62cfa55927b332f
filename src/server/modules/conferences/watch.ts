// What watches meetings: a reminder to the project manager and the VC line's engineers when a meeting
// begins within two hours and its joint test is not complete (once per meeting), the home to-do of
// meetings awaiting their test, and the evidence for the reports and the monthly assessment: whether
// each meeting was tested before it began (附件一 四 2.3 (1)) and the problems during meetings.
import { and, asc, eq, gte, isNull, lt, ne } from 'drizzle-orm';
import { CONF_SYSTEM_NAMES, type ConfSystem } from '../../../common/conferences.ts';
import type { NotifyEventDef } from '../../../common/notify.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { ZEvidencePeriod, defineEvidence, type TodoProvider } from '../../kernel/module.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { confMeetings } from './tables.ts';
import { meetingNumber, testStatus, view } from './view.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const HOUR = 3600_000;
export const REMIND_BEFORE_MS = 2 * HOUR;

export const CONFERENCE_EVENTS: Record<string, NotifyEventDef> = {
  'conference.untested': {
    zh: '视频会议会前联调未完成',
    en: 'Conference not yet tested',
    descZh: '两小时内召开的视频会议，会前联调尚未全部完成或有异常（乙方项目经理、视频会议工程师）',
    descEn: 'A video conference begins within two hours and its joint test is incomplete or failing (PM, VC engineers)',
    defaults: ['inapp', 'email'],
  },
};

/** Reminds once per meeting; answers how many were reminded. */
export async function remindUntested(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .select()
    .from(confMeetings)
    .where(
      and(
        eq(confMeetings.state, 'planned'),
        isNull(confMeetings.remindedAt),
        gte(confMeetings.startAt, now),
        lt(confMeetings.startAt, new Date(now.getTime() + REMIND_BEFORE_MS)),
      ),
    );
  for (const r of due)
    await inTx(ctx, async (tx) => {
      await tx.db.update(confMeetings).set({ remindedAt: tx.now() }).where(eq(confMeetings.id, r.id));
      const s = testStatus(r);
      await notifyUsers(tx, {
        userIds: [...(await usersWithRoles(tx, ['contractor_pm'])), ...(await usersWithRoles(tx, ['engineer'], { serviceLine: 'VC' }))],
        event: 'conference.untested',
        severity: 'warning',
        title: `会前联调未完成：${meetingNumber(r.seq)} ${r.title}`,
        body: `${CONF_SYSTEM_NAMES[r.system as ConfSystem]}，已检查 ${s.checked}/${s.needed} 项${s.failed ? `，${s.failed} 项异常` : ''}。`,
        link: `/conferences/${r.id}`,
        objectType: 'conference',
        objectId: r.id,
      });
    });
  return due.length;
}

export const remindJob: GlobalJob = {
  name: 'conferences-untested-reminder',
  scope: 'global',
  cron: '*/10 * * * *',
  handler: async (ctx) => void (await remindUntested(ctx)),
};

export const UNTESTED_TODO: TodoProvider = {
  id: 'conferences.untested',
  title: { zh: '待会前联调的视频会议', en: 'Conferences awaiting their joint test' },
  access: 'conferences.write',
  roles: ['contractor_pm'],
  order: 60,
  url: '/conferences?state=planned',
  empty: { zh: '近期会议均已完成联调', en: 'Every upcoming conference is tested' },
  read: async (ctx, limit) => {
    const where = and(eq(confMeetings.state, 'planned'), gte(confMeetings.endAt, ctx.now()));
    const rows = await ctx.db
      .select({ r: confMeetings, total: totalOver() })
      .from(confMeetings)
      .where(where)
      .orderBy(asc(confMeetings.startAt))
      .limit(limit);
    return countedSection(rows, ({ r }) => {
      const s = testStatus(r);
      const soon = r.startAt.getTime() - ctx.now().getTime() < REMIND_BEFORE_MS;
      return {
        title: `${meetingNumber(r.seq)} ${r.title}`,
        subtitle: `已检查 ${s.checked}/${s.needed}${s.failed ? `，${s.failed} 项异常` : ''}`,
        due: r.startAt.toISOString(),
        ...(soon ? { risk: r.startAt < ctx.now() ? ('breached' as const) : ('warning' as const) } : {}),
        url: `/conferences/${r.id}`,
      };
    });
  },
};

export const pretestEvidence = defineEvidence({
  id: 'conferences.pretest',
  title: { zh: '视频会议会前联调与会中问题', en: 'Conference joint tests and problems' },
  requirements: ['R-INS-04'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const rows = await ctx.db
      .select()
      .from(confMeetings)
      .where(
        and(gte(confMeetings.startAt, new Date(p.from)), lt(confMeetings.startAt, new Date(p.to)), ne(confMeetings.state, 'cancelled')),
      )
      .orderBy(asc(confMeetings.startAt));
    const held = rows.filter((r) => r.startAt <= ctx.now()).map((r) => view(r, ctx.now()));
    const inTime = held.filter((m) => m.testedInTime).length;
    return {
      meetings: held.length,
      testedInTime: inTime,
      /** Percent of meetings held whose joint test was complete before they began; null without meetings. */
      testedInTimePct: held.length ? Math.round((inTime / held.length) * 1000) / 10 : null,
      problems: held.reduce((n, m) => n + m.problems.length, 0),
      items: held.map((m) => ({
        id: m.id,
        number: m.number,
        title: m.title,
        system: m.system,
        startAt: m.startAt,
        testedInTime: m.testedInTime,
        problems: m.problems.map((x) => x.number),
      })),
    };
  },
});
