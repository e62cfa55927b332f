// Filling a sheet on site (R-INS-01): readings, 正常/异常, command output and photos per item; an
// anomaly becomes a desk ticket in one tap; the engineer signs and submits once — a second submit is
// 409, a submit after the deadline without a reason 422, an incomplete sheet 422 naming what is
// missing; nothing entered is lost by a refusal.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TEntry, TSheet, ZEntryInput } from '../../../common/inspections.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { AppError, Conflict, Forbidden, NotFound, Unprocessable } from '../../kernel/errors.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { healthCheck } from '../configbackup/api.ts';
import { openDetectedTicket } from '../desk/api.ts';
import { valueProblem } from './evaluate.ts';
import { entryView, lockSheet, sheetNumber, sheetView, type SheetRow } from './sheets.ts';
import { insEntries, insSheets } from './tables.ts';

/** The assignee, an engineer of the sheet's line, or whoever manages inspections. */
export function assertMayFill(ctx: Ctx, s: SheetRow): void {
  const a = ctx.actor;
  if (!a) throw new Forbidden();
  if (a.permissions.has('inspections.manage') || s.assigneeId === a.id || a.serviceLines.includes(s.serviceLine)) return;
  throw new Forbidden('inspection.not_assignee', '只有被指派的工程师或本服务线工程师可以填写该巡检单');
}

function assertOpen(s: SheetRow): void {
  if (s.state !== 'open')
    throw new Conflict('inspection.submitted', `巡检单 ${sheetNumber(s.seq)} 已由 ${s.signedByName ?? ''} 签字提交，不能再修改`);
}

export async function lockEntry(tx: Ctx, sheetId: string, entryId: string) {
  const s = await lockSheet(tx, sheetId);
  const [e] = await tx.db
    .select()
    .from(insEntries)
    .where(and(eq(insEntries.id, entryId), eq(insEntries.sheetId, sheetId)));
  if (!e) throw new NotFound('inspection.item_not_found', '巡检项不存在');
  return { s, e };
}

export async function fillEntry(ctx: Ctx, sheetId: string, entryId: string, input: z.output<typeof ZEntryInput>): Promise<TEntry> {
  return inTx(ctx, async (tx) => {
    const { s, e } = await lockEntry(tx, sheetId, entryId);
    assertMayFill(tx, s);
    assertOpen(s);
    const value = input.value === undefined ? e.value : input.value === null || input.value === '' ? null : input.value;
    const problem = value === null ? null : valueProblem(e, value);
    if (problem) throw new Unprocessable('inspection.value_invalid', `${e.assetName} ${e.label}：${problem}`);
    const [u] = await tx.db
      .update(insEntries)
      .set({
        value,
        note: input.note ?? e.note,
        output: input.output ?? e.output,
        filledByName: actorName(tx),
        filledAt: tx.now(),
      })
      .where(eq(insEntries.id, e.id))
      .returning();
    await audit(tx, {
      action: 'inspection.fill',
      objectType: 'inspection_sheet',
      objectId: s.id,
      detail: { item: `${e.assetNumber} ${e.itemKey}`, value, note: input.note, outputChars: input.output?.length },
    });
    return entryView(s, u!);
  });
}

/** Sets the entry's photo (stored by the caller in this transaction). */
export async function setPhoto(tx: Ctx, s: SheetRow, entryId: string, fileId: string): Promise<TEntry> {
  const [u] = await tx.db
    .update(insEntries)
    .set({ photoId: fileId, filledByName: actorName(tx), filledAt: tx.now() })
    .where(eq(insEntries.id, entryId))
    .returning();
  return entryView(s, u!);
}

/** An anomaly becomes a fault ticket on the sheet's line, once. */
export async function ticketForEntry(ctx: Ctx, sheetId: string, entryId: string): Promise<TEntry> {
  return inTx(ctx, async (tx) => {
    const { s, e } = await lockEntry(tx, sheetId, entryId);
    assertMayFill(tx, s);
    const view = entryView(s, e);
    if (e.ticketNumber) throw new Conflict('inspection.ticket_exists', `该异常已转运维单 ${e.ticketNumber}`);
    if (!view.anomaly) throw new Conflict('inspection.not_anomaly', '该项没有异常，无需转运维单');
    const range = e.kind === 'range' ? `（正常范围 ${e.min ?? '—'}～${e.max ?? '—'} ${e.unit}）` : '';
    const t = await openDetectedTicket(tx, {
      serviceLine: s.serviceLine,
      severity: 'medium',
      title: `巡检异常：${e.assetName} ${e.label}`,
      description: [
        `巡检单 ${sheetNumber(s.seq)}《${s.templateName}》（${s.periodStart}）发现异常。`,
        `设备：${e.assetName}${e.assetNumber ? `（${e.assetNumber}）` : ''}`,
        `检查项：${e.label}，值：${view.value ?? ''} ${e.unit}${range}`,
        e.note ? `说明：${e.note}` : '',
        `巡检人：${actorName(tx)}`,
      ]
        .filter(Boolean)
        .join('\n'),
      assetsText: e.assetNumber || e.assetName,
      channel: 'onsite',
    });
    const [u] = await tx.db.update(insEntries).set({ ticketId: t.id, ticketNumber: t.number }).where(eq(insEntries.id, e.id)).returning();
    await audit(tx, {
      action: 'inspection.ticket',
      objectType: 'inspection_sheet',
      objectId: s.id,
      detail: { item: `${e.assetNumber} ${e.itemKey}`, value: view.value, ticket: t.number },
    });
    return entryView(s, u!);
  });
}

/**
 * Runs the device's health commands over SSH (configbackup's profiles and credentials) and attaches
 * the output to the item. No transaction is held while the device answers; a failed session is 422
 * with its reason and nothing is written.
 */
export async function healthForEntry(ctx: Ctx, sheetId: string, entryId: string): Promise<TEntry> {
  const { s, e } = await inTx(ctx, (tx) => lockEntry(tx, sheetId, entryId));
  assertMayFill(ctx, s);
  assertOpen(s);
  if (e.evidence !== 'command') throw new Conflict('inspection.not_command', '该检查项不需要命令输出');
  const r = await healthCheck(ctx, e.assetName);
  if (!r.ok) throw new Unprocessable('inspection.health_failed', `${e.assetName} 健康检查未完成：${r.message}`);
  return fillEntry(ctx, sheetId, entryId, { output: r.output.slice(0, 100_000) });
}

/** What a complete sheet still lacks: a value for every item, the photo or command output it needs. */
function missing(s: SheetRow, entries: (typeof insEntries.$inferSelect)[]): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const v = entryView(s, e);
    const what = `${e.assetName} ${e.label}`;
    if (v.value === null && e.kind !== 'text' && e.evidence !== 'command') out.push(`${what}：未填写`);
    if (e.evidence === 'photo' && !e.photoId) out.push(`${what}：缺少照片`);
    if (e.evidence === 'command' && !e.output.trim()) out.push(`${what}：缺少命令输出`);
  }
  return out;
}

/** Signs and submits the sheet, once. */
export async function submitSheet(ctx: Ctx, id: string, lateReason: string): Promise<TSheet> {
  return inTx(ctx, async (tx) => {
    const s = await lockSheet(tx, id);
    assertMayFill(tx, s);
    if (s.state === 'submitted')
      throw new Conflict(
        'inspection.already_submitted',
        `巡检单 ${sheetNumber(s.seq)} 已于 ${s.submittedAt!.toISOString()} 由 ${s.signedByName ?? ''} 签字提交，不能重复提交`,
      );
    const late = s.dueAt < tx.now();
    if (late && !lateReason.trim())
      throw new Unprocessable('inspection.late_reason_required', `已过截止时间 ${s.dueAt.toISOString()}，提交须填写逾期原因`);
    const entries = await tx.db.select().from(insEntries).where(eq(insEntries.sheetId, id)).orderBy(insEntries.ord);
    const lacks = missing(s, entries);
    if (lacks.length)
      throw new AppError(
        422,
        'inspection.incomplete',
        `还有 ${lacks.length} 项未完成：${lacks.slice(0, 5).join('；')}${lacks.length > 5 ? '…' : ''}`,
        {
          errors: lacks.slice(0, 50).map((m) => ({ path: 'items', message: m })),
        },
      );
    // The prefilled values become what was signed for.
    for (const e of entries) {
      const v = entryView(s, e);
      if (e.value === null && v.value !== null) await tx.db.update(insEntries).set({ value: v.value }).where(eq(insEntries.id, e.id));
    }
    const [u] = await tx.db
      .update(insSheets)
      .set({ state: 'submitted', signedByName: actorName(tx), submittedAt: tx.now(), lateReason: late ? lateReason.trim() : null })
      .where(eq(insSheets.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: 'inspection_sheet', id }, action: 'fill' });
    await audit(tx, {
      action: 'inspection.submit',
      objectType: 'inspection_sheet',
      objectId: id,
      detail: { number: sheetNumber(s.seq), late, lateReason: late ? lateReason : null },
    });
    const after = await tx.db.select().from(insEntries).where(eq(insEntries.sheetId, id)).orderBy(insEntries.ord);
    return sheetView(tx, u!, after);
  });
}
