// R-INS-02/03: the quarterly NET inspection plan and report, and the annual inspection plan for core
// devices and critical systems, submitted to the agency (contact or manager) who approves or objects;
// after an objection the contractor submits again as the next version. Every version is kept.
import { and, count, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { TPage } from '../../../common/api.ts';
import { PLAN_KIND_NAMES, type PlanKind, type TPlan, type ZPlanDecision, type ZPlanInput } from '../../../common/inspections.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound, Unprocessable } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { isAnomaly } from './evaluate.ts';
import { insEntries, insPlans, insSheets, type PlanVersionRow } from './tables.ts';

type Row = typeof insPlans.$inferSelect;
const OBJECT = 'inspection_plan';

const planView = (r: Row): TPlan => ({
  id: r.id,
  kind: r.kind as PlanKind,
  year: r.year,
  quarter: r.quarter,
  title: r.title,
  state: r.state as TPlan['state'],
  version: r.versions.length,
  versions: r.versions,
  updatedAt: r.updatedAt.toISOString(),
});

function version(ctx: Ctx, n: number, body: string): PlanVersionRow {
  const by = ctx.actor?.displayName ?? '系统';
  return {
    version: n,
    body,
    submittedByName: by,
    submittedAt: ctx.now().toISOString(),
    decision: null,
    comment: null,
    decidedByName: null,
    decidedAt: null,
  };
}

async function toAgency(tx: Ctx, r: Row): Promise<void> {
  const agency = await usersWithRoles(tx, ['agency_contact', 'agency_manager']);
  await notifyUsers(tx, {
    userIds: agency,
    event: 'inspection.plan_to_approve',
    title: `待审批：${PLAN_KIND_NAMES[r.kind as PlanKind]}《${r.title}》第 ${r.versions.length} 版`,
    link: '/inspections/plans',
    objectType: OBJECT,
    objectId: r.id,
    action: 'approve',
  });
}

export async function listPlans(ctx: Ctx, q: TPage): Promise<{ items: TPlan[]; total: number }> {
  const [total] = await ctx.db.select({ n: count() }).from(insPlans);
  const page = await ctx.db
    .select()
    .from(insPlans)
    .orderBy(desc(insPlans.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: page.map(planView), total: Number(total?.n ?? 0) };
}

export async function createPlan(ctx: Ctx, input: z.output<typeof ZPlanInput>): Promise<TPlan> {
  const quarterly = input.kind !== 'annual_plan';
  if (quarterly !== (input.quarter !== null))
    throw new Unprocessable('inspection.plan_quarter', quarterly ? '季度计划与报告须写明季度' : '年度计划不填季度');
  return inTx(ctx, async (tx) => {
    const inserted = await tx.db
      .insert(insPlans)
      .values({ ...input, state: 'submitted', versions: [version(tx, 1, input.body)], updatedAt: tx.now() })
      .returning();
    const plan = inserted[0]!;
    await audit(tx, {
      action: 'inspection.plan_submit',
      objectType: OBJECT,
      objectId: plan.id,
      detail: { kind: plan.kind, title: plan.title, version: 1 },
    });
    await toAgency(tx, plan);
    return planView(plan);
  });
}

async function planForUpdate(tx: Ctx, id: string): Promise<Row> {
  const found = await tx.db.select().from(insPlans).where(eq(insPlans.id, id)).for('update');
  if (!found[0]) throw new NotFound('inspection.plan_not_found', '巡检计划不存在');
  return found[0];
}

/** After the agency's objection: the next version, submitted again. */
export async function resubmitPlan(ctx: Ctx, id: string, body: string): Promise<TPlan> {
  return inTx(ctx, async (tx) => {
    const plan = await planForUpdate(tx, id);
    if (plan.state !== 'returned') throw new Conflict('inspection.plan_state', '只有被甲方退回的计划可以提交新版本');
    const next = plan.versions.length + 1;
    const saved = await tx.db
      .update(insPlans)
      .set({ state: 'submitted', versions: [...plan.versions, version(tx, next, body)], updatedAt: tx.now() })
      .where(eq(insPlans.id, id))
      .returning();
    await audit(tx, { action: 'inspection.plan_submit', objectType: OBJECT, objectId: id, detail: { version: next } });
    await toAgency(tx, saved[0]!);
    return planView(saved[0]!);
  });
}

export async function decidePlan(ctx: Ctx, id: string, d: z.output<typeof ZPlanDecision>): Promise<TPlan> {
  return inTx(ctx, async (tx) => {
    const plan = await planForUpdate(tx, id);
    if (plan.state !== 'submitted') throw new Conflict('inspection.plan_state', '该计划不在待审批状态');
    if (d.decision === 'returned' && !d.comment.trim()) throw new Unprocessable('inspection.plan_comment', '退回须写明意见');
    const last = plan.versions.length - 1;
    const decided = {
      decision: d.decision,
      comment: d.comment || null,
      decidedByName: tx.actor?.displayName ?? '',
      decidedAt: tx.now().toISOString(),
    };
    const versions = plan.versions.map((v, i) => (i === last ? { ...v, ...decided } : v));
    const saved = await tx.db
      .update(insPlans)
      .set({ state: d.decision, versions, updatedAt: tx.now() })
      .where(eq(insPlans.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: OBJECT, id }, action: 'approve' });
    await audit(tx, {
      action: `inspection.plan_${d.decision}`,
      objectType: OBJECT,
      objectId: id,
      detail: { version: last + 1, comment: d.comment },
    });
    return planView(saved[0]!);
  });
}

/** The quarter's NET inspection report drafted from its sheets: how many, submitted on time, anomalies and tickets. */
export async function reportDraft(ctx: Ctx, year: number, quarter: number): Promise<{ body: string }> {
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const to = `${year}-${String(quarter * 3).padStart(2, '0')}-31`;
  const sheets = await ctx.db
    .select()
    .from(insSheets)
    .where(and(eq(insSheets.serviceLine, 'NET'), gte(insSheets.periodStart, from), lte(insSheets.periodStart, to)));
  const ids = sheets.map((s) => s.id);
  const mine = ids.length ? await ctx.db.select().from(insEntries).where(inArray(insEntries.sheetId, ids)) : [];
  const anomalies = mine.filter((e) => isAnomaly(e, e.value));
  const submitted = sheets.filter((s) => s.state === 'submitted');
  const late = submitted.filter((s) => s.lateReason);
  const lines = [
    `${year} 年第 ${quarter} 季度网络设备巡检报告`,
    '',
    `一、巡检完成情况：本季度生成巡检单 ${sheets.length} 份，已签字提交 ${submitted.length} 份（其中逾期提交 ${late.length} 份），未完成 ${sheets.length - submitted.length} 份。`,
    `二、巡检发现：检查项 ${mine.length} 项，异常 ${anomalies.length} 项，已转运维单 ${anomalies.filter((e) => e.ticketNumber).length} 项。`,
    ...anomalies
      .slice(0, 50)
      .map((e) => `  - ${e.assetName} ${e.label}：${e.value ?? ''} ${e.unit}${e.ticketNumber ? `（运维单 ${e.ticketNumber}）` : ''}`),
    '三、整改建议：',
  ];
  return { body: lines.join('\n') };
}
