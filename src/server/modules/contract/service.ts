// The contract module: contracts, service lines, staffing requirements and who fills them.
import { and, asc, desc, eq, inArray, lte, gte } from 'drizzle-orm';
import { calendarDaysBetween, dateOf } from '../../../common/dates.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { crud } from '../../kernel/crud.ts';
import { Conflict, Invalid, NotFound, Unprocessable } from '../../kernel/errors.ts';
import { getParty, getPerson, listSites, peopleByIds } from '../org/api.ts';
import { staffChanged } from './staff-review.ts';
import { contracts, serviceLines, staffAssignments, staffingRequirements } from './tables.ts';

export const contractStore = crud(contracts, {
  objectType: 'contract',
  label: '合同',
  search: [contracts.number, contracts.title],
  order: [contracts.createdAt],
});
export const lineStore = crud(serviceLines, { objectType: 'service_line', label: '服务项目', order: [serviceLines.code] });
export const staffingStore = crud(staffingRequirements, {
  objectType: 'staffing',
  label: '人员配置要求',
  order: [staffingRequirements.sort],
});

async function staffingOf(ctx: Ctx, lineIds: string[]) {
  if (!lineIds.length) return [];
  const reqs = await ctx.db
    .select()
    .from(staffingRequirements)
    .where(inArray(staffingRequirements.serviceLineId, lineIds))
    .orderBy(asc(staffingRequirements.sort));
  const assigns = reqs.length
    ? await ctx.db
        .select()
        .from(staffAssignments)
        .where(
          inArray(
            staffAssignments.staffingRequirementId,
            reqs.map((r) => r.id),
          ),
        )
    : [];
  const persons = await peopleByIds(ctx, [...new Set(assigns.map((a) => a.personId))]);
  const name = new Map(persons.map((p) => [p.id, p.name]));
  return reqs.map((r) => ({
    ...r,
    assigned: assigns
      .filter((a) => a.staffingRequirementId === r.id)
      .map((a) => ({ id: a.id, personId: a.personId, personName: name.get(a.personId) ?? '', since: a.since, until: a.until })),
  }));
}

export async function getContract(ctx: Ctx, id: string) {
  const c = await contractStore.get(ctx, id);
  const lines = await ctx.db.select().from(serviceLines).where(eq(serviceLines.contractId, id));
  lines.sort((a, b) => SERVICE_LINE_CODES.indexOf(a.code as ServiceLineCode) - SERVICE_LINE_CODES.indexOf(b.code as ServiceLineCode));
  const staffing = await staffingOf(
    ctx,
    lines.map((l) => l.id),
  );
  const [agency, contractor] = await Promise.all([getParty(ctx, c.agencyId), getParty(ctx, c.contractorId)]);
  return {
    ...c,
    agencyName: agency.name,
    contractorName: contractor.name,
    serviceLines: lines.map((l) => ({
      ...l,
      code: l.code as 'SM',
      hoursProfile: l.hoursProfile as '5x9',
      staffing: staffing.filter((s) => s.serviceLineId === l.id),
    })),
  };
}

/** The contract in force today: the one with a line covering today, else the latest. */
export async function currentContractId(ctx: Ctx): Promise<string | null> {
  const today = dateOf(ctx.now());
  const [live] = await ctx.db
    .select({ id: serviceLines.contractId })
    .from(serviceLines)
    .where(and(lte(serviceLines.periodStart, today), gte(serviceLines.periodEnd, today)))
    .innerJoin(contracts, eq(contracts.id, serviceLines.contractId))
    .orderBy(desc(contracts.createdAt))
    .limit(1);
  if (live) return live.id;
  const [latest] = await ctx.db.select({ id: contracts.id }).from(contracts).orderBy(desc(contracts.createdAt)).limit(1);
  return latest?.id ?? null;
}

/** Home page: each service line with its period, days remaining, fee, hotline hours, staffing. */
export async function overview(ctx: Ctx) {
  const today = dateOf(ctx.now());
  const id = await currentContractId(ctx);
  if (!id) return { today, contract: null, lines: [] };
  const c = await getContract(ctx, id);
  const sites = await listSites(ctx, 200);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const lines = c.serviceLines.map((l) => {
    const status: 'not_started' | 'active' | 'ended' = today < l.periodStart ? 'not_started' : today > l.periodEnd ? 'ended' : 'active';
    const daysTotal = calendarDaysBetween(l.periodStart, l.periodEnd) + 1;
    // Days remaining count today while the line runs; a line not yet started has its whole period ahead.
    const daysRemaining = status === 'ended' ? 0 : status === 'not_started' ? daysTotal : calendarDaysBetween(today, l.periodEnd) + 1;
    return {
      id: l.id,
      code: l.code,
      name: l.name,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      daysTotal,
      daysRemaining,
      status,
      fee: l.fee,
      hoursProfile: l.hoursProfile,
      hotlineHours: l.hotlineHours,
      hotlinePhone: l.hotlinePhone,
      emergencyPhone: l.emergencyPhone,
      staffRequired: l.staffing.reduce((n, s) => n + s.headcount, 0),
      staffFilled: l.staffing.reduce((n, s) => n + Math.min(s.headcount, s.assigned.length), 0),
      sites: l.siteIds.map((s) => siteName.get(s) ?? '').filter(Boolean),
    };
  });
  return { today, contract: { ...c, serviceLines: undefined }, lines };
}

export async function updateServiceLine(ctx: Ctx, id: string, patch: Partial<typeof serviceLines.$inferInsert>) {
  const before = await lineStore.get(ctx, id);
  const start = patch.periodStart ?? before.periodStart;
  const end = patch.periodEnd ?? before.periodEnd;
  if (end < start)
    throw new Invalid('service_line.period', '服务期结束日期不能早于开始日期', [{ path: 'body.periodEnd', message: '早于开始日期' }]);
  return lineStore.update(ctx, id, patch);
}

export async function createStaffing(ctx: Ctx, lineId: string, input: Omit<typeof staffingRequirements.$inferInsert, 'serviceLineId'>) {
  await lineStore.get(ctx, lineId);
  return staffingStore.create(ctx, { ...input, serviceLineId: lineId });
}

export async function assignStaff(ctx: Ctx, staffingId: string, input: { personId: string; since: string | null }) {
  return inTx(ctx, async (tx) => {
    await staffingStore.get(tx, staffingId);
    const person = await getPerson(tx, input.personId);
    // 第二条 4: no subcontracting, so only the contractor's own people fill its posts.
    const [c] = await tx.db
      .select({ contractorId: contracts.contractorId })
      .from(staffingRequirements)
      .innerJoin(serviceLines, eq(serviceLines.id, staffingRequirements.serviceLineId))
      .innerJoin(contracts, eq(contracts.id, serviceLines.contractId))
      .where(eq(staffingRequirements.id, staffingId));
    if (c && person.partyId !== c.contractorId)
      throw new Unprocessable('staffing.not_contractor', `${person.name}不是乙方人员：合同不得转包，岗位只能由乙方自有人员担任`);
    const exists = await tx.db
      .select({ id: staffAssignments.id })
      .from(staffAssignments)
      .where(and(eq(staffAssignments.staffingRequirementId, staffingId), eq(staffAssignments.personId, input.personId)));
    if (exists.length) throw new Conflict('staffing.already_assigned', '该人员已在此岗位');
    const [row] = await tx.db
      .insert(staffAssignments)
      .values({ staffingRequirementId: staffingId, ...input, createdAt: tx.now() })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'staffing.assign', objectType: 'staffing', objectId: staffingId, after: row });
    await staffChanged(tx, staffingId, 'join', row.personId);
    return row;
  });
}

export async function unassignStaff(ctx: Ctx, staffingId: string, assignmentId: string) {
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(staffAssignments)
      .where(and(eq(staffAssignments.id, assignmentId), eq(staffAssignments.staffingRequirementId, staffingId)))
      .returning();
    if (!row) throw new NotFound('staffing.assignment_not_found', '岗位人员不存在');
    await audit(tx, { action: 'staffing.unassign', objectType: 'staffing', objectId: staffingId, before: row });
    await staffChanged(tx, staffingId, 'leave', row.personId);
  });
}
