// Procurement consulting (R-AST-07): inquiry → vendor quotes compared on price and fit → purchase
// request (the chosen quote) → the agency approves or rejects → receipt turns the purchase into
// assets (status in_stock), each asset's history naming the procurement.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type ProcurementStatus,
  type TProcurement,
  type ZDecideInput,
  type ZProcurementInput,
  type ZQuoteInput,
  type ZReceiveInput,
} from '../../../../common/procure.ts';
import { dateOf } from '../../../../common/dates.ts';
import { audit } from '../../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../../kernel/notify/resolve.ts';
import { ZAssetInput } from '../../../../common/assets.ts';
import { createAsset } from '../register/records.ts';
import { assetHistory } from '../register/tables.ts';
import { getProcurement, load } from './reads.ts';
import { procurementQuotes, procurements } from './tables.ts';

type ProcRow = typeof procurements.$inferSelect;

const STATUS_ZH: Record<ProcurementStatus, string> = {
  inquiry: '询价中',
  requested: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  received: '已到货入库',
  cancelled: '已取消',
};

// ---- the asset register, through one adapter ---------------------------------------------------

export interface PurchasedAsset {
  name: string;
  classCode: string;
  vendor: string;
  model: string;
  serial: string;
  mgmtIp: string;
  siteId: string | null;
  roomId: string | null;
  originalValue: string;
  acquiredOn: string;
  notes: string;
}

/**
 * The purchase becomes an asset through the register core's createAsset (assets/records.ts), so
 * numbering, class and site checks and the 'created' history entry are the register's own; it runs
 * inside this receipt's transaction (a savepoint), so a failed unit rolls the whole receipt back.
 */
async function createPurchasedAsset(tx: Ctx, a: PurchasedAsset): Promise<{ id: string; number: string; name: string; serial: string }> {
  const input = ZAssetInput.parse({ ...a, status: 'in_stock' });
  const asset = await createAsset(tx, input, { note: '登记资产（采购到货入库）' });
  return { id: asset.id, number: asset.number, name: asset.name, serial: asset.serial };
}

const actorOf = (ctx: Ctx) => ({
  actorId: actorId(ctx),
  actorName: ctx.actor?.displayName ?? '',
});

// ---- writing -----------------------------------------------------------------------------------

function mustBe(p: ProcRow, allowed: ProcurementStatus[], what: string): void {
  if (!allowed.includes(p.status as ProcurementStatus))
    throw new Conflict('procure.wrong_status', `采购咨询当前为“${STATUS_ZH[p.status as ProcurementStatus] ?? p.status}”，不能${what}`);
}

export async function createProcurement(ctx: Ctx, input: z.output<typeof ZProcurementInput>): Promise<TProcurement> {
  const id = await inTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(procurements)
      .values({
        title: input.title,
        needs: input.needs,
        classCode: input.classCode || null,
        quantity: input.quantity,
        status: 'inquiry',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(tx, { action: 'procure.create', objectType: 'procurement', objectId: row!.id, after: row });
    return row!.id;
  });
  return getProcurement(ctx, id);
}

export async function addQuote(ctx: Ctx, id: string, input: z.output<typeof ZQuoteInput>): Promise<TProcurement> {
  await inTx(ctx, async (tx) => {
    const p = await load(tx, id, true);
    mustBe(p, ['inquiry'], '再添加报价');
    const [q] = await tx.db
      .insert(procurementQuotes)
      .values({
        procurementId: id,
        vendor: input.vendor,
        model: input.model,
        unitPrice: input.unitPrice.toFixed(2),
        functionNotes: input.functionNotes,
        fitScore: input.fitScore,
        validUntil: input.validUntil ?? null,
        createdAt: tx.now(),
      })
      .returning();
    await tx.db.update(procurements).set({ updatedAt: tx.now() }).where(eq(procurements.id, id));
    await audit(tx, { action: 'procure.quote', objectType: 'procurement', objectId: id, after: q });
  });
  return getProcurement(ctx, id);
}

export async function deleteQuote(ctx: Ctx, id: string, quoteId: string): Promise<TProcurement> {
  await inTx(ctx, async (tx) => {
    const p = await load(tx, id, true);
    mustBe(p, ['inquiry'], '删除报价');
    const [q] = await tx.db
      .delete(procurementQuotes)
      .where(and(eq(procurementQuotes.id, quoteId), eq(procurementQuotes.procurementId, id)))
      .returning();
    if (!q) throw new NotFound('procure.quote_not_found', '报价不存在');
    await audit(tx, { action: 'procure.quote_delete', objectType: 'procurement', objectId: id, before: q });
  });
  return getProcurement(ctx, id);
}

/** The chosen quote becomes the purchase request; the agency managers are told. */
export async function requestPurchase(ctx: Ctx, id: string, quoteId: string): Promise<TProcurement> {
  await inTx(ctx, async (tx) => {
    const p = await load(tx, id, true);
    mustBe(p, ['inquiry', 'rejected'], '提出采购申请');
    const [q] = await tx.db
      .select()
      .from(procurementQuotes)
      .where(and(eq(procurementQuotes.id, quoteId), eq(procurementQuotes.procurementId, id)));
    if (!q) throw new Invalid('procure.quote_not_found', '所选报价不属于该采购咨询', [{ path: 'body.quoteId', message: '报价不存在' }]);
    const now = tx.now();
    await tx.db
      .update(procurements)
      .set({
        status: 'requested',
        chosenQuoteId: quoteId,
        requestedBy: actorId(tx),
        decidedBy: null,
        decidedAt: null,
        decisionComment: '',
        updatedAt: now,
      })
      .where(eq(procurements.id, id));
    const total = (Number(q.unitPrice) * p.quantity).toFixed(2);
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['agency_manager']),
      event: 'procurement.requested',
      severity: 'info',
      title: `采购申请待审批：${p.title}`,
      body: `${q.vendor} ${q.model} × ${p.quantity}，合计 ¥${total}`,
      link: `/assets/procurements/${id}`,
      objectType: 'procurement',
      objectId: id,
      action: 'approve',
    });
    await audit(tx, {
      action: 'procure.request',
      objectType: 'procurement',
      objectId: id,
      detail: { quoteId, vendor: q.vendor, unitPrice: q.unitPrice, quantity: p.quantity, total },
    });
  });
  return getProcurement(ctx, id);
}

export async function decidePurchase(ctx: Ctx, id: string, input: z.output<typeof ZDecideInput>): Promise<TProcurement> {
  await inTx(ctx, async (tx) => {
    const p = await load(tx, id, true);
    mustBe(p, ['requested'], input.decision === 'approve' ? '批准' : '驳回');
    if (input.decision === 'reject' && !input.comment)
      throw new Invalid('procure.comment_required', '驳回须说明理由', [{ path: 'body.comment', message: '必填' }]);
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const now = tx.now();
    await tx.db
      .update(procurements)
      .set({
        status,
        decidedBy: actorId(tx),
        decidedAt: now,
        decisionComment: input.comment,
        updatedAt: now,
      })
      .where(eq(procurements.id, id));
    // Approved or rejected: the managers' "please approve" is answered for all of them.
    await resolveNotices(tx, { entity: { type: 'procurement', id }, action: 'approve' });
    if (p.requestedBy)
      await notifyUsers(tx, {
        userIds: [p.requestedBy],
        event: 'procurement.decided',
        title: `采购申请${status === 'approved' ? '已批准' : '被驳回'}：${p.title}`,
        body: input.comment,
        link: `/assets/procurements/${id}`,
        objectType: 'procurement',
        objectId: id,
      });
    await audit(tx, { action: `procure.${input.decision}`, objectType: 'procurement', objectId: id, detail: { comment: input.comment } });
  });
  return getProcurement(ctx, id);
}

/** Receipt: one asset per unit bought, status in_stock, each asset's history noting the procurement. */
export async function receivePurchase(ctx: Ctx, id: string, input: z.output<typeof ZReceiveInput>): Promise<TProcurement> {
  await inTx(ctx, async (tx) => {
    const p = await load(tx, id, true);
    mustBe(p, ['approved'], '到货入库');
    if (input.assets.length !== p.quantity)
      throw new Invalid(
        'procure.quantity_mismatch',
        `采购数量为 ${p.quantity}，须逐台登记 ${p.quantity} 项资产（收到 ${input.assets.length} 项）`,
        [{ path: 'body.assets', message: `须为 ${p.quantity} 项` }],
      );
    const serials = input.assets.map((a) => a.serial);
    const dup = serials.find((s, i) => serials.indexOf(s) !== i);
    if (dup) throw new Invalid('procure.serial_duplicate', `序列号“${dup}”重复`, [{ path: 'body.assets', message: `序列号 ${dup} 重复` }]);
    const classCode = input.classCode || p.classCode;
    if (!classCode) throw new Invalid('procure.class_required', '请指定所购资产的分类', [{ path: 'body.classCode', message: '必填' }]);
    const [q] = await tx.db.select().from(procurementQuotes).where(eq(procurementQuotes.id, p.chosenQuoteId!));
    const now = tx.now();
    const created: string[] = [];
    for (const [i, a] of input.assets.entries()) {
      const asset = await createPurchasedAsset(tx, {
        name: a.name || p.title,
        classCode,
        vendor: q?.vendor ?? '',
        model: q?.model ?? '',
        serial: a.serial,
        mgmtIp: a.mgmtIp ?? '',
        siteId: a.siteId ?? null,
        roomId: a.roomId ?? null,
        originalValue: q?.unitPrice ?? '0',
        acquiredOn: dateOf(now),
        notes: a.notes ?? '',
      });
      await tx.db.insert(assetHistory).values({
        assetId: asset.id,
        at: now,
        kind: 'procurement',
        ...actorOf(tx),
        note: `采购到货入库：${p.title}（第 ${i + 1}/${p.quantity} 台，供应商 ${q?.vendor ?? ''}，单价 ¥${q?.unitPrice ?? ''}）`,
        data: { procurementId: id, quoteId: p.chosenQuoteId, vendor: q?.vendor ?? '', unitPrice: q?.unitPrice ?? null },
      });
      created.push(asset.number);
    }
    await tx.db.update(procurements).set({ status: 'received', receivedAt: now, classCode, updatedAt: now }).where(eq(procurements.id, id));
    await audit(tx, { action: 'procure.receive', objectType: 'procurement', objectId: id, detail: { assets: created } });
  });
  return getProcurement(ctx, id);
}
