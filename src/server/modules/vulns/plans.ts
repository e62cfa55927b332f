// Scan plans (R-SEC-04: the scannable ranges on a schedule), pentest reports (R-SEC-05: their findings
// on the same flow as a scan's) and hardening plans (R-SEC-06: findings grouped, tracked to done).
// Plans are data: the scanner runs elsewhere, its report is imported against the plan.
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { civilFromDay, dateOf, dayFromCivil, formatDay, toDay } from '../../../common/dates.ts';
import type { CADENCES, ZHardening, ZHardeningInput, ZPentest, ZPentestInput, ZScanPlan, ZScanPlanInput } from '../../../common/vulns.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { assetsByManagementIp } from '../assets/api.ts';
import { dueDateFn } from './due.ts';
import { findingKey } from './keys.ts';
import { vulnFindings, vulnHardening, vulnPentests, vulnScanPlans, vulnScans } from './tables.ts';

type Cadence = (typeof CADENCES)[number];

/** The next due date after `from`: a week, a month or a quarter on, then the first working day. */
async function nextDueAfter(ctx: Ctx, from: string, cadence: Cadence): Promise<string> {
  let d: string;
  if (cadence === 'weekly') d = formatDay(toDay(from) + 7);
  else {
    const [y, m, day] = civilFromDay(toDay(from));
    const months = m - 1 + (cadence === 'monthly' ? 1 : 3);
    const ny = y + Math.floor(months / 12);
    const nm = (months % 12) + 1;
    const last = civilFromDay(dayFromCivil(nm === 12 ? ny + 1 : ny, nm === 12 ? 1 : nm + 1, 1) - 1)[2];
    d = formatDay(dayFromCivil(ny, nm, Math.min(day, last)));
  }
  return (await getCalendar(ctx)).addWorkingDays(d, 0);
}

export async function advancePlan(tx: Ctx, planId: string, scanId: string): Promise<void> {
  const [p] = await tx.db.select().from(vulnScanPlans).where(eq(vulnScanPlans.id, planId)).for('update');
  if (!p) return;
  const today = dateOf(tx.now());
  const nextDue = await nextDueAfter(tx, p.nextDue > today ? p.nextDue : today, p.cadence as Cadence);
  await tx.db.update(vulnScanPlans).set({ lastScanId: scanId, nextDue }).where(eq(vulnScanPlans.id, planId));
  await audit(tx, {
    action: 'vulns.plan.scanned',
    objectType: 'vuln_scan_plan',
    objectId: planId,
    before: { nextDue: p.nextDue },
    after: { nextDue, scanId },
  });
}

type TScanPlan = z.infer<typeof ZScanPlan>;

export async function listPlans(ctx: Ctx): Promise<{ items: TScanPlan[]; total: number }> {
  const rows = await ctx.db
    .select({ p: vulnScanPlans, at: vulnScans.importedAt })
    .from(vulnScanPlans)
    .leftJoin(vulnScans, eq(vulnScans.id, vulnScanPlans.lastScanId))
    .orderBy(vulnScanPlans.nextDue, vulnScanPlans.name)
    .limit(500);
  const today = dateOf(ctx.now());
  const items = rows.map(({ p, at }) => ({
    id: p.id,
    name: p.name,
    range: p.range,
    cadence: p.cadence as Cadence,
    nextDue: p.nextDue,
    overdue: p.nextDue < today,
    lastScanId: p.lastScanId,
    lastImportAt: at?.toISOString() ?? null,
  }));
  return { items, total: items.length };
}

export async function createPlan(ctx: Ctx, input: z.infer<typeof ZScanPlanInput>): Promise<TScanPlan> {
  const id = await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(vulnScanPlans)
      .values({ name: input.name, range: input.range, cadence: input.cadence, nextDue: input.firstDue, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'vulns.plan.create', objectType: 'vuln_scan_plan', objectId: row!.id, after: input });
    return row!.id;
  });
  return (await listPlans(ctx)).items.find((p) => p.id === id)!;
}

const findingCounts = (col: typeof vulnFindings.pentestId | typeof vulnFindings.hardeningId, ids: string[]) => ({
  total: count(),
  active: sql<number>`count(*) FILTER (WHERE ${vulnFindings.state} IN ('open', 'fixing'))`.mapWith(Number),
  // R-SEC-06: fixed or verified; an exception the agency approved also settles it.
  done: sql<number>`count(*) FILTER (WHERE ${vulnFindings.state} IN ('fixed', 'verified', 'accepted_risk', 'false_positive'))`.mapWith(
    Number,
  ),
  id: col,
  where: inArray(col, ids),
});

async function countsBy(ctx: Ctx, col: typeof vulnFindings.pentestId | typeof vulnFindings.hardeningId, ids: string[]) {
  if (!ids.length) return new Map<string, { total: number; active: number; done: number }>();
  const { where, ...fields } = findingCounts(col, ids);
  const rows = await ctx.db.select(fields).from(vulnFindings).where(where).groupBy(col);
  return new Map(rows.map((r) => [r.id!, { total: Number(r.total), active: r.active, done: r.done }]));
}

type TPentest = z.infer<typeof ZPentest>;

export async function listPentests(ctx: Ctx): Promise<{ items: TPentest[]; total: number }> {
  const rows = await ctx.db.select().from(vulnPentests).orderBy(desc(vulnPentests.testedOn), desc(vulnPentests.createdAt)).limit(500);
  const counts = await countsBy(
    ctx,
    vulnFindings.pentestId,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    id: r.id,
    title: r.title,
    tester: r.tester,
    testedOn: r.testedOn,
    summary: r.summary,
    findings: counts.get(r.id)?.total ?? 0,
    active: counts.get(r.id)?.active ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total: items.length };
}

/** A pentest report and its findings, each on the flow with a due date (deduplicated like a scan's). */
export async function createPentest(ctx: Ctx, input: z.infer<typeof ZPentestInput>): Promise<TPentest> {
  const assets = await assetsByManagementIp(
    ctx,
    input.findings.map((f) => f.address),
  );
  const due = await dueDateFn(ctx);
  const id = await inTx(ctx, async (tx) => {
    const now = tx.now();
    const [p] = await tx.db
      .insert(vulnPentests)
      .values({
        title: input.title,
        tester: input.tester,
        testedOn: input.testedOn,
        summary: input.summary ?? '',
        createdAt: now,
        createdBy: tx.actor?.id ?? null,
      })
      .returning({ id: vulnPentests.id });
    const rows = input.findings.map((f, i) => {
      const pluginId = `pentest:${p!.id}:${i + 1}`;
      const base = { address: f.address, port: f.port ?? null, protocol: f.protocol ?? '', cve: f.cve?.toUpperCase() ?? null, pluginId };
      return {
        ...base,
        key: findingKey(base, 'pentest'),
        title: f.title,
        severity: f.severity,
        description: f.description ?? '',
        solution: f.solution ?? '',
        assetId: assets.get(f.address)?.id ?? null,
        state: 'open',
        scanner: 'pentest',
        pentestId: p!.id,
        firstSeen: now,
        lastSeen: now,
        dueDate: due(f.severity, now),
      };
    });
    // The same CVE already found by a scan on the same address and port stays one finding.
    await tx.db.insert(vulnFindings).values(rows).onConflictDoNothing({ target: vulnFindings.key });
    await audit(tx, {
      action: 'vulns.pentest.create',
      objectType: 'vuln_pentest',
      objectId: p!.id,
      after: { ...input, findings: input.findings.length },
    });
    return p!.id;
  });
  return (await listPentests(ctx)).items.find((p) => p.id === id)!;
}

type THardening = z.infer<typeof ZHardening>;

export async function listHardening(ctx: Ctx): Promise<{ items: THardening[]; total: number }> {
  const rows = await ctx.db.select().from(vulnHardening).orderBy(desc(vulnHardening.createdAt)).limit(500);
  const counts = await countsBy(
    ctx,
    vulnFindings.hardeningId,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => {
    const c = counts.get(r.id) ?? { total: 0, done: 0, active: 0 };
    return {
      id: r.id,
      name: r.name,
      dueDate: r.dueDate,
      total: c.total,
      done: c.done,
      state: c.total > 0 && c.done === c.total ? ('done' as const) : ('in_progress' as const),
      createdAt: r.createdAt.toISOString(),
    };
  });
  return { items, total: items.length };
}

export async function createHardening(ctx: Ctx, input: z.infer<typeof ZHardeningInput>): Promise<THardening> {
  const id = await inTx(ctx, async (tx) => {
    const ids = [...new Set(input.findingIds)];
    const found = await tx.db.select({ id: vulnFindings.id }).from(vulnFindings).where(inArray(vulnFindings.id, ids));
    if (found.length !== ids.length) throw new NotFound('vulns.finding_not_found', `有 ${ids.length - found.length} 个漏洞记录不存在`);
    if (input.dueDate && input.dueDate < dateOf(tx.now()))
      throw new Invalid('vulns.due_past', '计划完成日期不能早于今天', [{ path: 'body.dueDate', message: '不能早于今天' }]);
    const [h] = await tx.db
      .insert(vulnHardening)
      .values({ name: input.name, dueDate: input.dueDate ?? null, createdAt: tx.now(), createdBy: tx.actor?.id ?? null })
      .returning({ id: vulnHardening.id });
    await tx.db.update(vulnFindings).set({ hardeningId: h!.id }).where(inArray(vulnFindings.id, ids));
    await audit(tx, { action: 'vulns.hardening.create', objectType: 'vuln_hardening', objectId: h!.id, after: input });
    return h!.id;
  });
  return (await listHardening(ctx)).items.find((h) => h.id === id)!;
}
