// Responses to security alerts (issue 13 point 4; R-SEC-03, R-SEC-09): what was done about an alert
// (firewall policy, port block, zone isolation, bandwidth limit, other), on which device, by whom and
// when, and its verification. One that changes a device goes through the change process: recording it
// opens a change request with the alert as its reason and submits it (emergency for a critical alert,
// so the work may start first and be approved afterwards), or links an existing change. The response
// counts as approved when its change is.
import { asc, count, desc, eq, and, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DEVICE_CHANGING,
  RESPONSE_KIND_NAMES,
  type ResponseKind,
  type TResponse,
  type ZResponseInput,
  type ZVerifyInput,
} from '../../../common/secops.ts';
import type { TEventAlert } from '../../../common/events.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, actorName, type Ctx, inTx } from '../../kernel/context.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { assetById, assetRefs } from '../assets/api.ts';
import { actOnChange, changeApproved, changesByIds, createChange, getChange } from '../changes/api.ts';
import { alertById, alertsByIds } from '../events/api.ts';
import { secResponses } from './tables.ts';

type Row = typeof secResponses.$inferSelect;
export const responseNumber = (seq: number | null) => `CZ-${String(seq ?? 0).padStart(4, '0')}`;
const CHANGE_HOURS = 2;

export async function responseViews(ctx: Ctx, rows: Row[]): Promise<TResponse[]> {
  const [alerts, changes, assets] = [
    await alertsByIds(ctx, [...new Set(rows.map((r) => r.alertId))]),
    await changesByIds(
      ctx,
      rows.flatMap((r) => (r.changeId ? [r.changeId] : [])),
    ),
    await assetRefs(
      ctx,
      rows.map((r) => r.assetId),
    ),
  ];
  return rows.map((r) => {
    const a = alerts.find((x) => x.id === r.alertId);
    const c = r.changeId ? changes.find((x) => x.id === r.changeId) : undefined;
    return {
      id: r.id,
      number: responseNumber(r.seq),
      alertId: r.alertId,
      alertTitle: a?.title ?? '',
      alertKey: a?.key ?? '',
      kind: r.kind as ResponseKind,
      assetId: r.assetId,
      assetNumber: assets.get(r.assetId)?.number ?? '',
      assetName: assets.get(r.assetId)?.name ?? r.assetName,
      detail: r.detail,
      doneByName: r.doneByName,
      doneAt: r.doneAt.toISOString(),
      changeId: r.changeId,
      changeNumber: c?.number ?? null,
      changeState: c?.state ?? null,
      changeType: c?.type ?? null,
      approved: r.changeId ? !!c && changeApproved(c) : true,
      verifiedByName: r.verifiedByName,
      verifyResult: r.verifyResult as TResponse['verifyResult'],
      verifyNote: r.verifyNote,
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function listResponses(
  ctx: Ctx,
  q: { page: number; pageSize: number; alertId?: string; assetId?: string },
): Promise<{ items: TResponse[]; total: number }> {
  const c: SQL[] = [];
  if (q.alertId) c.push(eq(secResponses.alertId, q.alertId));
  if (q.assetId) c.push(eq(secResponses.assetId, q.assetId));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(secResponses).where(where);
  const rows = await ctx.db
    .select()
    .from(secResponses)
    .where(where)
    .orderBy(desc(secResponses.doneAt), desc(secResponses.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await responseViews(ctx, rows), total: Number(n?.n ?? 0) };
}

async function responseRow(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(secResponses).where(eq(secResponses.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('secops.response.not_found', '处置记录不存在');
  return r;
}

export async function getResponse(ctx: Ctx, id: string): Promise<TResponse> {
  return (await responseViews(ctx, [await responseRow(ctx, id)]))[0]!;
}

/** The alert with its responses, oldest first. */
export async function alertResponses(ctx: Ctx, alertId: string) {
  const alert = await alertById(ctx, alertId);
  if (!alert) throw new NotFound('secops.alert.not_found', '安全告警不存在');
  const rows = await ctx.db.select().from(secResponses).where(eq(secResponses.alertId, alertId)).orderBy(asc(secResponses.doneAt));
  return {
    alert: { id: alert.id, title: alert.title, severity: alert.severity, key: alert.key, lastAt: alert.lastAt, sample: alert.sample },
    ticketId: alert.ticketId,
    ticketNumber: alert.ticketNumber,
    items: await responseViews(ctx, rows),
  };
}

/** A referenced record that does not exist is bad input (400) naming the field. */
async function mustExist<T>(p: Promise<T | null>, code: string, path: string, message: string): Promise<T> {
  let v: T | null;
  try {
    v = await p;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) v = null;
    else throw err;
  }
  if (!v) throw new Invalid(code, message, [{ path, message }]);
  return v;
}

type Input = z.output<typeof ZResponseInput>;

/** Opens and submits the change request of a response (the alert is its reason). */
async function openChange(tx: Ctx, alert: TEventAlert, asset: { number: string; name: string }, input: Input, doneAt: Date) {
  const kind = RESPONSE_KIND_NAMES[input.kind];
  const c = await createChange(tx, {
    type: alert.severity === 'critical' ? 'emergency' : 'normal',
    title: `安全处置：${kind}（${asset.name}）`.slice(0, 200),
    category: 'configuration',
    risk: input.risk,
    reason:
      `安全告警“${alert.title}”（${alert.key}${alert.ticketNumber ? `，运维单 ${alert.ticketNumber}` : ''}）的处置：${input.detail}`.slice(
        0,
        4000,
      ),
    basis: 'proposal',
    basisText: `安全告警 ${alert.title}（${alert.key}）`.slice(0, 2000),
    deviceIds: [],
    systems: `${asset.number} ${asset.name}`.slice(0, 1000),
    plannedStart: doneAt.toISOString(),
    plannedEnd: new Date(doneAt.getTime() + CHANGE_HOURS * 3_600_000).toISOString(),
    steps: input.detail,
    rollback: input.rollback,
  });
  await actOnChange(tx, c.id, { action: 'submit', comment: `安全告警处置（${kind}）` });
  return c.id;
}

export async function createResponse(ctx: Ctx, input: Input): Promise<TResponse> {
  const alert = await mustExist(alertById(ctx, input.alertId), 'secops.alert_unknown', 'body.alertId', '安全告警不存在');
  const asset = await mustExist(assetById(ctx, input.assetId), 'secops.asset_unknown', 'body.assetId', '设备（资产）不存在');
  if (input.changeId) await mustExist(getChange(ctx, input.changeId), 'secops.change_unknown', 'body.changeId', '关联的变更不存在');
  const doneAt = input.doneAt ? new Date(input.doneAt) : ctx.now();
  const id = await inTx(ctx, async (tx) => {
    const changeId = input.changeId ?? (DEVICE_CHANGING.includes(input.kind) ? await openChange(tx, alert, asset, input, doneAt) : null);
    const [r] = await tx.db
      .insert(secResponses)
      .values({
        alertId: alert.id,
        kind: input.kind,
        assetId: asset.id,
        assetName: asset.name,
        detail: input.detail,
        doneBy: actorId(tx),
        doneByName: actorName(tx),
        doneAt,
        changeId,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'secops.response.create',
      objectType: 'sec_response',
      objectId: r!.id,
      after: r!,
      detail: { number: responseNumber(r!.seq), alert: alert.title, asset: asset.name },
    });
    return r!.id;
  });
  return getResponse(ctx, id);
}

/** Records whether the response worked (who verified, the result, when); once effective it stays so. */
export async function verifyResponse(ctx: Ctx, id: string, input: z.output<typeof ZVerifyInput>): Promise<TResponse> {
  await inTx(ctx, async (tx) => {
    const r = await responseRow(tx, id, true);
    if (r.verifyResult === 'effective') throw new Conflict('secops.response.verified', '该处置已验证生效');
    const set = {
      verifiedBy: tx.actor?.id ?? null,
      verifiedByName: actorName(tx),
      verifyResult: input.result,
      verifyNote: input.note || null,
      verifiedAt: tx.now(),
    };
    await tx.db.update(secResponses).set(set).where(eq(secResponses.id, id));
    await audit(tx, {
      action: 'secops.response.verify',
      objectType: 'sec_response',
      objectId: id,
      before: { verifyResult: r.verifyResult },
      after: set,
      detail: { number: responseNumber(r.seq) },
    });
  });
  return getResponse(ctx, id);
}
