// The assets module's sections of the home page's to-do list (issue 11 point 10): movements waiting
// for my level's approval (IT, finance, business department), purchase requests waiting for the
// agency manager, the PM's procurements in progress and spare parts below their minimum. One
// statement each; the total comes with the first rows (`count(*) OVER ()`).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { LEVEL_ZH, MOVEMENT_KIND_ZH, type MovementKind } from '../../../common/asset-movements.ts';
import { actorId } from '../../kernel/context.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { myLevels, pendingAt } from './movements/reads.ts';
import { assetRequests } from './movements/tables.ts';
import { procurements } from './procurement/tables.ts';
import { assets } from './register/tables.ts';
import { spareParts, spareStock } from './spares/tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

/** Anyone who approves at a level: the pending movements waiting for one of my levels, not my own, oldest first. */
const approvals: TodoProvider = {
  id: 'assets.approvals',
  title: { zh: '待我审批的资产变动', en: 'Asset movements to approve' },
  access: 'asset.approve|asset.finance|asset.business',
  order: 40,
  url: '/assets/requests',
  empty: { zh: '没有等待您审批的资产变动', en: 'No asset movement waits for your approval' },
  async read(ctx, limit) {
    const levels = myLevels(ctx);
    if (!levels.length) return { count: 0, items: [] };
    const rows = await ctx.db
      .select({
        kind: assetRequests.kind,
        approvals: assetRequests.approvals,
        by: assetRequests.requestedByName,
        at: assetRequests.createdAt,
        number: assets.number,
        name: assets.name,
        total: totalOver(),
      })
      .from(assetRequests)
      .innerJoin(assets, eq(assets.id, assetRequests.assetId))
      .where(
        and(
          eq(assetRequests.status, 'pending'),
          or(...levels.map(pendingAt)),
          sql`${assetRequests.requestedBy} IS DISTINCT FROM ${actorId(ctx)}::uuid`,
        ),
      )
      .orderBy(asc(assetRequests.createdAt))
      .limit(limit);
    return countedSection(rows, (r) => {
      const mine = r.approvals.filter((a) => a.status === 'pending' && (levels as string[]).includes(a.level));
      return {
        title: `${r.number} ${r.name}`,
        subtitle: `${r.by} 提出 · 待${mine.map((a) => LEVEL_ZH[a.level as 'it']).join('、')}审批`,
        tag: MOVEMENT_KIND_ZH[r.kind as MovementKind] ?? r.kind,
        at: r.at.toISOString(),
        url: '/assets/requests',
      };
    });
  },
};

/** Agency manager: purchase requests waiting for a decision, oldest first. */
const purchases: TodoProvider = {
  id: 'assets.purchases',
  title: { zh: '待审批的采购申请', en: 'Purchase requests to decide' },
  access: 'procure.approve',
  order: 41,
  url: '/assets/procurements',
  empty: { zh: '没有等待审批的采购申请', en: 'No purchase request waits for a decision' },
  async read(ctx, limit) {
    const rows = await ctx.db
      .select({
        id: procurements.id,
        title: procurements.title,
        quantity: procurements.quantity,
        at: procurements.updatedAt,
        total: totalOver(),
      })
      .from(procurements)
      .where(eq(procurements.status, 'requested'))
      .orderBy(asc(procurements.updatedAt))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: r.title,
      subtitle: `数量 ${r.quantity}`,
      tag: '待审批',
      at: r.at.toISOString(),
      url: `/assets/procurements/${r.id}`,
    }));
  },
};

const PROGRESS: Record<string, string> = { inquiry: '询价中，待提交申请', approved: '已批准，待到货入库' };

/** PM: procurements still to move on — inquiries to request, approved purchases to receive. */
const procurementsInProgress: TodoProvider = {
  id: 'assets.procurements',
  title: { zh: '进行中的采购', en: 'Procurements in progress' },
  access: 'procure.write',
  roles: ['contractor_pm'],
  order: 42,
  url: '/assets/procurements',
  empty: { zh: '没有进行中的采购', en: 'No procurement in progress' },
  async read(ctx, limit) {
    const rows = await ctx.db
      .select({
        id: procurements.id,
        title: procurements.title,
        status: procurements.status,
        at: procurements.updatedAt,
        total: totalOver(),
      })
      .from(procurements)
      .where(inArray(procurements.status, Object.keys(PROGRESS)))
      .orderBy(desc(procurements.status), asc(procurements.updatedAt))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: r.title,
      subtitle: PROGRESS[r.status],
      tag: r.status === 'approved' ? '待入库' : '询价中',
      at: r.at.toISOString(),
      url: `/assets/procurements/${r.id}`,
    }));
  },
};

/** PM: spare parts whose available stock (on hand less reserved) is below their minimum (R-AST-05). */
const sparesLow: TodoProvider = {
  id: 'assets.spares_low',
  title: { zh: '低于最低库存的备件', en: 'Spare parts below minimum' },
  access: 'spare.write',
  roles: ['contractor_pm'],
  order: 43,
  url: '/assets/spares',
  empty: { zh: '所有备件均不低于最低库存', en: 'Every spare part is at or above its minimum' },
  async read(ctx, limit) {
    const available = sql<number>`coalesce(sum(${spareStock.onHand} - ${spareStock.reserved}), 0)`.mapWith(Number);
    const rows = await ctx.db
      .select({
        id: spareParts.id,
        name: spareParts.name,
        number: spareParts.partNumber,
        unit: spareParts.unit,
        min: spareParts.minLevel,
        available,
        total: totalOver(),
      })
      .from(spareParts)
      .leftJoin(spareStock, eq(spareStock.partId, spareParts.id))
      .where(sql`${spareParts.minLevel} > 0`)
      .groupBy(spareParts.id)
      .having(sql`coalesce(sum(${spareStock.onHand} - ${spareStock.reserved}), 0) < ${spareParts.minLevel}`)
      .orderBy(asc(spareParts.partNumber))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: `${r.name}（${r.number}）`,
      subtitle: `可用 ${r.available} ${r.unit}，最低 ${r.min} ${r.unit}`,
      risk: r.available <= 0 ? ('breached' as const) : ('warning' as const),
      url: `/assets/spares/${r.id}`,
    }));
  },
};

export const ASSET_TODOS: readonly TodoProvider[] = [approvals, purchases, procurementsInProgress, sparesLow];
