// Rosters of the duty module (issue 14 point 4): drafts edited by the project manager, checked for
// hours nobody covers, published as numbered versions (audited); the latest published version that
// covers a date is in force for its line.
import { isoOrNull as iso } from '../../../common/dates.ts';
import { and, asc, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { TGapReport, TMember, TRoster, TRosterDetail, TRosterInput } from '../../../common/duty.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userCards } from '../../kernel/directory.ts';
import { AppError, Invalid, NotFound } from '../../kernel/errors.ts';
import { usersWithRoles } from '../../kernel/notify/inbox.ts';
import { findGaps, generateShifts, spanOf } from './generate.ts';
import { dutyRosterVersions, dutyRosters } from './tables.ts';

type RosterRow = typeof dutyRosters.$inferSelect;

function toRoster(r: RosterRow): TRoster {
  return {
    id: r.id,
    line: r.line,
    name: r.name,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    layers: r.layers,
    state: r.state as TRoster['state'],
    version: r.version,
    publishedAt: iso(r.publishedAt),
    publishedByName: r.publishedByName,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every member must be an active account. */
async function checkMembers(ctx: Ctx, input: TRosterInput): Promise<void> {
  const ids = input.layers.flatMap((l) => l.members);
  const cards = await userCards(ctx, ids);
  const errors = input.layers.flatMap((l, i) =>
    l.members
      .map((m, j) => ({ m, j }))
      .filter(({ m }) => !cards.get(m) || cards.get(m)!.disabled)
      .map(({ j }) => ({ path: `layers.${i}.members.${j}`, message: '不是有效的用户账号' })),
  );
  if (errors.length) throw new Invalid('duty.member', '排班人员中有无效或已停用的账号', errors);
}

/** The line's engineers first, then the project managers and duty operators: active accounts only. */
export async function dutyCandidates(ctx: Ctx, line: string | undefined): Promise<TMember[]> {
  const engineers = await usersWithRoles(ctx, ['engineer'], line ? { serviceLine: line } : {});
  const others = await usersWithRoles(ctx, ['contractor_pm', 'duty_operator']);
  const ids = [...new Set([...engineers, ...others])];
  const cards = await userCards(ctx, ids);
  return ids
    .map((id) => cards.get(id))
    .filter((c): c is NonNullable<typeof c> => !!c && !c.disabled)
    .map((c) => ({ id: c.id, username: c.username, displayName: c.displayName, phone: c.phone }));
}

async function row(ctx: Ctx, id: string): Promise<RosterRow> {
  const [r] = await ctx.db.select().from(dutyRosters).where(eq(dutyRosters.id, id)).limit(1);
  if (!r) throw new NotFound('duty.roster_not_found', '排班表不存在');
  return r;
}

export async function getRoster(ctx: Ctx, id: string): Promise<TRosterDetail> {
  const r = await row(ctx, id);
  const cards = await userCards(
    ctx,
    r.layers.flatMap((l) => l.members),
  );
  const versions = await ctx.db
    .select()
    .from(dutyRosterVersions)
    .where(eq(dutyRosterVersions.rosterId, id))
    .orderBy(desc(dutyRosterVersions.version));
  return {
    ...toRoster(r),
    members: [...cards.values()].map((c) => ({ id: c.id, username: c.username, displayName: c.displayName, phone: c.phone })),
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      publishedByName: v.publishedByName,
      gapHours: v.gaps.reduce((s, g) => s + g.hours, 0),
    })),
  };
}

export async function listRosters(ctx: Ctx, q: { page: number; pageSize: number; line?: string | undefined }) {
  const where = q.line ? eq(dutyRosters.line, q.line) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(dutyRosters).where(where);
  const rows = await ctx.db
    .select()
    .from(dutyRosters)
    .where(where)
    .orderBy(asc(dutyRosters.line), desc(dutyRosters.periodStart))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toRoster), total: Number(n?.n ?? 0) };
}

export async function createRoster(ctx: Ctx, input: TRosterInput): Promise<TRosterDetail> {
  await checkMembers(ctx, input);
  const id = await inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(dutyRosters)
      .values({ ...input, state: 'draft', createdBy: tx.actor?.id ?? null, createdAt: tx.now(), updatedAt: tx.now() })
      .returning();
    await audit(tx, { action: 'duty.roster.create', objectType: 'duty_roster', objectId: r!.id, after: r });
    return r!.id;
  });
  return getRoster(ctx, id);
}

/** Edits the working copy; a published roster becomes a draft again until its next version. */
export async function updateRoster(ctx: Ctx, id: string, input: TRosterInput): Promise<TRosterDetail> {
  await checkMembers(ctx, input);
  await inTx(ctx, async (tx) => {
    const before = await row(tx, id);
    if (before.line !== input.line)
      throw new Invalid('duty.line_fixed', '排班表的服务项目不能修改', [{ path: 'line', message: '不能修改' }]);
    const [after] = await tx.db
      .update(dutyRosters)
      .set({ ...input, state: 'draft', updatedAt: tx.now() })
      .where(eq(dutyRosters.id, id))
      .returning();
    await audit(tx, { action: 'duty.roster.update', objectType: 'duty_roster', objectId: id, before, after });
  });
  return getRoster(ctx, id);
}

/** The hours of the roster's period that no layer covers. */
export async function rosterGaps(ctx: Ctx, r: Pick<RosterRow, 'periodStart' | 'periodEnd' | 'layers'>): Promise<TGapReport> {
  const cal = await getCalendar(ctx);
  const w = { from: r.periodStart, to: r.periodEnd };
  const [from, to] = spanOf(w);
  const gaps = findGaps(generateShifts(cal, w, r.layers), from, to);
  return { gaps, totalHours: Math.round(gaps.reduce((s, g) => s + g.hours, 0) * 100) / 100 };
}

export async function gapsOf(ctx: Ctx, id: string): Promise<TGapReport> {
  return rosterGaps(ctx, await row(ctx, id));
}

/** Publishes the working copy as the next version; refused while hours are uncovered unless acknowledged. */
export async function publishRoster(ctx: Ctx, id: string, acknowledgeGaps: boolean): Promise<TRosterDetail> {
  const r = await row(ctx, id);
  const report = await rosterGaps(ctx, r);
  if (report.gaps.length && !acknowledgeGaps) {
    const first = report.gaps[0]!;
    throw new AppError(
      409,
      'duty.gaps',
      `${lineLabel(r.line)}排班有 ${report.gaps.length} 段无人值守（共 ${report.totalHours} 小时，首段 ${first.start} 起 ${first.hours} 小时）；确认知悉后方可发布`,
      { extra: { gaps: report.gaps.slice(0, 200), totalHours: report.totalHours } },
    );
  }
  await inTx(ctx, async (tx) => {
    const [cur] = await tx.db.select().from(dutyRosters).where(eq(dutyRosters.id, id)).for('update');
    const version = (cur?.version ?? 0) + 1;
    const by = tx.actor?.displayName ?? '系统';
    await tx.db.insert(dutyRosterVersions).values({
      rosterId: id,
      version,
      line: r.line,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      layers: r.layers,
      gaps: report.gaps,
      publishedBy: tx.actor?.id ?? null,
      publishedByName: by,
      publishedAt: tx.now(),
    });
    await tx.db
      .update(dutyRosters)
      .set({ state: 'published', version, publishedAt: tx.now(), publishedByName: by, updatedAt: tx.now() })
      .where(eq(dutyRosters.id, id));
    await audit(tx, {
      action: 'duty.roster.publish',
      objectType: 'duty_roster',
      objectId: id,
      detail: { version, line: r.line, gapHours: report.totalHours, acknowledged: report.gaps.length > 0 },
    });
  });
  return getRoster(ctx, id);
}

/** The latest published version of each roster of a line covering some date of [from, to], latest publication first. */
export async function versionsCovering(ctx: Ctx, line: string, from: string, to: string) {
  const rows = await ctx.db
    .select({ v: dutyRosterVersions })
    .from(dutyRosterVersions)
    .innerJoin(dutyRosters, and(eq(dutyRosters.id, dutyRosterVersions.rosterId), eq(dutyRosters.version, dutyRosterVersions.version)))
    .where(and(eq(dutyRosterVersions.line, line), lte(dutyRosterVersions.periodStart, to), gte(dutyRosterVersions.periodEnd, from)))
    .orderBy(desc(dutyRosterVersions.publishedAt));
  return rows.map((r) => r.v);
}
