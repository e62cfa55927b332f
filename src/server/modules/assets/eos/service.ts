// R-AST-06 end of support: assets nearing warranty or vendor end-of-support show ahead of time; the
// case goes report-to-agency → approval → replacement → install-and-integrate → closed, in that order,
// and the replaced asset's history points to its successor (and the successor's back to it).
//
// Who moves a case: approved (asset.approve, the agency's IT department); replaced and integrated
// (asset.write, the one doing the work); closed (asset.approve: the agency accepts the end).
import { and, asc, desc, eq, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { addCalendarDays, dateOf } from '../../../../common/dates.ts';
import {
  EOS_STAGE_ZH,
  EOS_STAGES,
  type EosStage,
  type TEosAdvance,
  type TEosCase,
  type TEosDue,
} from '../../../../common/asset-movements.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../../kernel/notify/inbox.ts';
import { appendHistory } from '../register/history.ts';
import { loadAsset } from '../register/records.ts';
import { applyMovement } from '../movements/apply.ts';
import { assetRequests } from '../movements/tables.ts';
import { assetHistory, assets } from '../register/tables.ts';
import { eosCases } from './tables.ts';

type CaseRow = typeof eosCases.$inferSelect;
const STAGE_PERMISSION: Record<Exclude<EosStage, 'reported'>, string> = {
  approved: 'asset.approve',
  replaced: 'asset.write',
  integrated: 'asset.write',
  closed: 'asset.approve',
};
/** Who hears about end-of-support: the agency's IT department and the contractor's PMs. */
export const EOS_ROLES = ['agency_manager', 'agency_contact', 'contractor_pm'];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const who = (ctx: Ctx) => ctx.actor?.displayName || ctx.actor?.username || '系统';

/** The earlier of warranty and end-of-support. */
function dueOf(a: { warrantyUntil: string | null; endOfSupport: string | null }): { on: string; which: 'warranty' | 'eos' } | null {
  if (a.warrantyUntil && (!a.endOfSupport || a.warrantyUntil <= a.endOfSupport)) return { on: a.warrantyUntil, which: 'warranty' };
  if (a.endOfSupport) return { on: a.endOfSupport, which: 'eos' };
  return null;
}

/** Assets (not retired) whose warranty or end of support falls within `within` days or is past. */
export async function dueAssets(ctx: Ctx, within: number): Promise<TEosDue[]> {
  const today = dateOf(ctx.now());
  const limit = addCalendarDays(today, within);
  const rows = await ctx.db
    .select({
      id: assets.id,
      number: assets.number,
      name: assets.name,
      kind: assets.kind,
      status: assets.status,
      model: assets.model,
      warrantyUntil: assets.warrantyUntil,
      endOfSupport: assets.endOfSupport,
    })
    .from(assets)
    .where(and(ne(assets.status, 'retired'), or(lte(assets.warrantyUntil, limit), lte(assets.endOfSupport, limit))))
    .orderBy(sql`LEAST(${assets.warrantyUntil}, ${assets.endOfSupport})`, asc(assets.number))
    .limit(2000);
  const ids = rows.map((r) => r.id);
  const open = ids.length
    ? await ctx.db
        .select({ id: eosCases.id, assetId: eosCases.assetId, stage: eosCases.stage })
        .from(eosCases)
        .where(and(inArray(eosCases.assetId, ids), ne(eosCases.stage, 'closed')))
    : [];
  return rows.map((r) => {
    const d = dueOf(r)!;
    const c = open.find((o) => o.assetId === r.id);
    return {
      ...r,
      dueOn: d.on,
      dueWhich: d.which,
      daysLeft: daysBetween(today, d.on),
      openCaseId: c?.id ?? null,
      openCaseStage: c?.stage ?? null,
    };
  });
}

async function caseViews(ctx: Ctx, rows: CaseRow[]): Promise<TEosCase[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.assetId, ...(r.successorId ? [r.successorId] : [])]))];
  const as = ids.length
    ? await ctx.db
        .select({ id: assets.id, number: assets.number, name: assets.name, status: assets.status })
        .from(assets)
        .where(inArray(assets.id, ids))
    : [];
  const by = new Map(as.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id,
    assetId: r.assetId,
    assetNumber: by.get(r.assetId)?.number ?? '',
    assetName: by.get(r.assetId)?.name ?? '',
    assetStatus: by.get(r.assetId)?.status ?? '',
    stage: r.stage as EosStage,
    reason: r.reason,
    successorId: r.successorId,
    successorNumber: r.successorId ? (by.get(r.successorId)?.number ?? null) : null,
    successorName: r.successorId ? (by.get(r.successorId)?.name ?? null) : null,
    stages: r.stages,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function getCase(ctx: Ctx, id: string): Promise<TEosCase> {
  const [r] = await ctx.db.select().from(eosCases).where(eq(eosCases.id, id)).limit(1);
  if (!r) throw new NotFound('asset_eos.not_found', '终止支持处置记录不存在');
  return (await caseViews(ctx, [r]))[0]!;
}

export async function listCases(
  ctx: Ctx,
  q: { stage?: string | undefined; open?: boolean | undefined; assetId?: string | undefined; page: number; pageSize: number },
) {
  const c: SQL[] = [];
  if (q.stage) c.push(eq(eosCases.stage, q.stage));
  if (q.open === true) c.push(ne(eosCases.stage, 'closed'));
  if (q.open === false) c.push(eq(eosCases.stage, 'closed'));
  if (q.assetId) c.push(or(eq(eosCases.assetId, q.assetId), eq(eosCases.successorId, q.assetId))!);
  const where = c.length ? and(...c) : undefined;
  const [t] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(eosCases)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(eosCases)
    .where(where)
    .orderBy(desc(eosCases.updatedAt), desc(eosCases.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await caseViews(ctx, rows), total: t?.n ?? 0 };
}

/** POST /api/assets/:id/eos: report to the agency (asset.write); one open case per asset. */
export async function openCase(ctx: Ctx, assetId: string, reason: string): Promise<TEosCase> {
  const id = await inTx(ctx, async (tx) => {
    const a = await loadAsset(tx, assetId, true);
    if (a.status === 'retired') throw new Conflict('asset.retired', '资产已报废');
    const [open] = await tx.db
      .select({ id: eosCases.id })
      .from(eosCases)
      .where(and(eq(eosCases.assetId, assetId), ne(eosCases.stage, 'closed')))
      .limit(1);
    if (open) throw new Conflict('asset_eos.open_exists', '该资产已有未关闭的终止支持处置');
    const now = tx.now();
    const [c] = await tx.db
      .insert(eosCases)
      .values({
        assetId,
        stage: 'reported',
        reason,
        stages: [{ stage: 'reported', at: now.toISOString(), by: who(tx), note: reason }],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendHistory(tx, assetId, 'eos', `报告甲方：临近过保/终止支持。${reason}`, { caseId: c!.id, stage: 'reported' });
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['agency_manager']),
      event: 'asset.eos',
      title: `设备临近过保/终止支持，待审批处置：${a.number} ${a.name}`,
      body: reason,
      link: '/assets/eos',
      severity: 'warning',
      objectType: 'asset_eos',
      objectId: c!.id,
    });
    await audit(tx, { action: 'asset.eos.open', objectType: 'asset_eos', objectId: c!.id, after: { assetId, reason } });
    return c!.id;
  });
  return getCase(ctx, id);
}

/** POST /api/asset-eos/:id/advance: the next stage only, by the permission that stage needs. */
export async function advanceCase(ctx: Ctx, id: string, input: TEosAdvance): Promise<TEosCase> {
  const perm = STAGE_PERMISSION[input.stage];
  if (!ctx.actor?.permissions.has(perm))
    throw new Forbidden('asset_eos.stage_forbidden', `推进到“${EOS_STAGE_ZH[input.stage]}”需要权限 ${perm}`, { permission: perm });
  if (input.stage === 'replaced' && !input.successorId)
    throw new Invalid('asset_eos.successor_required', '更换须指定替代设备', [{ path: 'body.successorId', message: '请选择替代设备' }]);
  await inTx(ctx, async (tx) => {
    const [head] = await tx.db.select({ assetId: eosCases.assetId }).from(eosCases).where(eq(eosCases.id, id)).limit(1);
    if (!head) throw new NotFound('asset_eos.not_found', '终止支持处置记录不存在');
    const old = await loadAsset(tx, head.assetId, true);
    const [c] = await tx.db.select().from(eosCases).where(eq(eosCases.id, id)).for('update').limit(1);
    const at = EOS_STAGES.indexOf(c!.stage as EosStage);
    const next = EOS_STAGES[at + 1];
    if (input.stage !== next)
      throw new Conflict(
        'asset_eos.out_of_order',
        next ? `当前阶段为“${EOS_STAGE_ZH[c!.stage as EosStage]}”，下一步只能是“${EOS_STAGE_ZH[next]}”` : '处置已关闭',
      );
    const now = tx.now();
    let note = input.note;
    let successorId = c!.successorId;
    let retired: Record<string, unknown> | null = null;
    if (input.stage === 'replaced') {
      if (input.successorId === old.id)
        throw new Invalid('asset_eos.successor_self', '替代设备不能是原设备', [{ path: 'body.successorId', message: '不能选择原设备' }]);
      const succ = await loadAsset(tx, input.successorId!, true);
      if (succ.status === 'retired') throw new Conflict('asset_eos.successor_retired', '替代设备已报废');
      successorId = succ.id;
      await tx.db.update(assets).set({ successorId: succ.id, updatedAt: now }).where(eq(assets.id, old.id));
      // The old asset retires through the same code as an approved retirement movement, unless
      // something stands in the way: then the case records why and it stays as it is.
      const [pending] = await tx.db
        .select({ id: assetRequests.id, kind: assetRequests.kind })
        .from(assetRequests)
        .where(and(eq(assetRequests.assetId, old.id), eq(assetRequests.status, 'pending')))
        .limit(1);
      let why: string | null = null;
      if (old.status === 'retired') why = '原设备此前已报废';
      else if (pending) why = `原设备有待审批的变动申请（${pending.kind}），未自动报废，请在申请办结后另行办理报废`;
      if (why) note = [note, why].filter(Boolean).join('；');
      else {
        const changes = await applyMovement(
          tx,
          { ...old, successorId: succ.id },
          'retirement',
          { method: '更换' },
          `被 ${succ.number} ${succ.name} 替换，退役（终止支持处置）`,
          {
            caseId: id,
            successorId: succ.id,
          },
        );
        retired = { changes };
      }
      await appendHistory(tx, old.id, 'replaced', `由 ${succ.number} ${succ.name} 替换`, {
        caseId: id,
        successorId: succ.id,
        successorNumber: succ.number,
        retired: !why,
        ...(why ? { notRetiredBecause: why } : {}),
      });
      await appendHistory(tx, succ.id, 'replaces', `替换 ${old.number} ${old.name}（终止支持处置）`, {
        caseId: id,
        predecessorId: old.id,
        predecessorNumber: old.number,
      });
    } else {
      await appendHistory(tx, old.id, 'eos', `终止支持处置：${EOS_STAGE_ZH[input.stage]}${note ? `。${note}` : ''}`, {
        caseId: id,
        stage: input.stage,
      });
      if (successorId && input.stage === 'integrated')
        await appendHistory(tx, successorId, 'eos', `作为 ${old.number} 的替代设备完成安装联调${note ? `。${note}` : ''}`, {
          caseId: id,
          stage: input.stage,
          predecessorId: old.id,
        });
    }
    const stages = [...c!.stages, { stage: input.stage, at: now.toISOString(), by: who(tx), ...(note ? { note } : {}) }];
    await tx.db.update(eosCases).set({ stage: input.stage, stages, successorId, updatedAt: now }).where(eq(eosCases.id, id));
    await audit(tx, {
      action: `asset.eos.${input.stage}`,
      objectType: 'asset_eos',
      objectId: id,
      detail: { assetId: old.id, from: c!.stage, to: input.stage, note, successorId, ...(retired ? { retired } : {}) },
    });
  });
  return getCase(ctx, id);
}

/**
 * The daily watch: assets entering the 90-day window are announced once per asset and window (the
 * window is the date that is due: a new warranty or EOS date opens a new one). The announcement is
 * an asset_history row, which is also how the next run knows it was made.
 */
export async function announceDue(ctx: Ctx, within = 90): Promise<{ announced: number }> {
  const due = (await dueAssets(ctx, within)).filter((d) => d.daysLeft >= 0);
  if (!due.length) return { announced: 0 };
  return inTx(ctx, async (tx) => {
    const done = await tx.db
      .select({ assetId: assetHistory.assetId, on: sql<string>`${assetHistory.data}->>'dueOn'` })
      .from(assetHistory)
      .where(
        and(
          eq(assetHistory.kind, 'eos_warning'),
          inArray(
            assetHistory.assetId,
            due.map((d) => d.id),
          ),
          isNotNull(assetHistory.data),
        ),
      );
    const seen = new Set(done.map((d) => `${d.assetId}:${d.on}`));
    const fresh = due.filter((d) => !seen.has(`${d.id}:${d.dueOn}`));
    if (!fresh.length) return { announced: 0 };
    for (const d of fresh)
      await appendHistory(
        tx,
        d.id,
        'eos_warning',
        `${d.dueWhich === 'warranty' ? '保修' : '厂商支持'}将于 ${d.dueOn} 到期（${d.daysLeft} 天后）`,
        {
          dueOn: d.dueOn,
          which: d.dueWhich,
          window: within,
        },
      );
    const list = fresh.map((d) => `${d.number} ${d.name}（${d.dueOn}）`);
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, EOS_ROLES),
      event: 'asset.eos_due',
      title: `${fresh.length} 台设备将在 ${within} 天内过保或终止支持`,
      body: list.slice(0, 20).join('\n') + (list.length > 20 ? `\n……共 ${list.length} 台` : ''),
      link: '/assets/eos',
      severity: 'warning',
    });
    await audit(tx, { action: 'asset.eos.announce', objectType: 'asset', detail: { count: fresh.length, assets: fresh.map((d) => d.id) } });
    return { announced: fresh.length };
  });
}
