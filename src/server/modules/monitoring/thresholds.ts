// The alert list and the thresholds (as data): defaults per rule, overrides per device, interface or
// probe pair. Thresholds are read from the table at every evaluation (alerts.ts, pair-alerts.ts: no
// cache), so a change here takes effect at the next one (each minute). A default can be changed or
// switched off, never deleted; an override can be deleted (the default applies again).
import { isoOrNull as iso } from '../../../common/dates.ts';
import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import {
  ruleMismatch,
  thresholdValueProblems,
  type TAlertRule,
  type TMonAlert,
  type TThreshold,
  type TThresholdTarget,
  type ZMonAlertQuery,
  type ZThresholdInput,
  type ZThresholdPatch,
} from '../../../common/monitoring.ts';
import { getDevice } from './devices.ts';
import { getPair } from './pairs.ts';
import { monAlerts, monDevices, monInterfaces, monProbePairs, monThresholds } from './tables.ts';

export async function listAlerts(ctx: Ctx, q: z.output<typeof ZMonAlertQuery>): Promise<{ items: TMonAlert[]; total: number }> {
  const conds: SQL[] = dayRangeWhere(monAlerts.since, q.from, q.to);
  if (q.raised) conds.push(ne(monAlerts.state, 'pending'));
  if (q.deviceId) conds.push(eq(monAlerts.deviceId, q.deviceId));
  if (q.pairId) conds.push(eq(monAlerts.pairId, q.pairId));
  if (q.state) conds.push(eq(monAlerts.state, q.state));
  const where = and(...conds);
  const rows = await ctx.db
    .select({ a: monAlerts, name: sql<string>`coalesce(${monDevices.name}, ${monProbePairs.name}, '')` })
    .from(monAlerts)
    .leftJoin(monDevices, eq(monDevices.id, monAlerts.deviceId))
    .leftJoin(monProbePairs, eq(monProbePairs.id, monAlerts.pairId))
    .where(where)
    .orderBy(desc(monAlerts.since), monAlerts.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(monAlerts).where(where);
  return {
    items: rows.map(({ a, name }) => ({
      id: a.id,
      deviceId: a.deviceId,
      pairId: a.pairId,
      deviceName: name,
      rule: a.rule as TMonAlert['rule'],
      object: a.object,
      state: a.state as TMonAlert['state'],
      message: a.message,
      value: a.value,
      since: a.since.toISOString(),
      openedAt: iso(a.openedAt),
      closedAt: iso(a.closedAt),
      ticketId: a.ticketId,
      ticketNumber: a.ticketNumber,
    })),
    total: total?.n ?? 0,
  };
}

type Row = typeof monThresholds.$inferSelect;
type Names = { deviceName: string | null; pairName: string | null; ifName: string | null };

export const targetOf = (t: Pick<Row, 'deviceId' | 'ifIndex' | 'pairId'>): TThresholdTarget =>
  t.pairId !== null ? 'pair' : t.deviceId === null ? 'default' : t.ifIndex !== null ? 'interface' : 'device';

const view = (t: Row, n: Names): TThreshold => ({
  id: t.id,
  rule: t.rule as TThreshold['rule'],
  deviceId: t.deviceId,
  ifIndex: t.ifIndex,
  pairId: t.pairId,
  raiseValue: t.raiseValue,
  clearValue: t.clearValue,
  minDurationSec: t.minDurationSec,
  floorValue: t.floorValue,
  baselinePolls: t.baselinePolls,
  severity: t.severity as TThreshold['severity'],
  enabled: t.enabled,
  target: targetOf(t),
  targetName: n.deviceName ?? n.pairName,
  ifName: n.ifName,
});

/** Thresholds with the names of what they are for, in one statement (`where`: one row, or all). */
async function named(ctx: Ctx, where?: SQL): Promise<TThreshold[]> {
  const rows = await ctx.db
    .select({ t: monThresholds, deviceName: monDevices.name, pairName: monProbePairs.name, ifName: monInterfaces.name })
    .from(monThresholds)
    .leftJoin(monDevices, eq(monDevices.id, monThresholds.deviceId))
    .leftJoin(monProbePairs, eq(monProbePairs.id, monThresholds.pairId))
    .leftJoin(monInterfaces, and(eq(monInterfaces.deviceId, monThresholds.deviceId), eq(monInterfaces.ifIndex, monThresholds.ifIndex)))
    .where(where)
    .orderBy(monThresholds.rule, monThresholds.deviceId, monThresholds.pairId, monThresholds.ifIndex);
  return rows.map(({ t, ...n }) => view(t, n));
}

export async function listThresholds(ctx: Ctx): Promise<{ items: TThreshold[] }> {
  return { items: await named(ctx) };
}

async function one(ctx: Ctx, id: string): Promise<TThreshold> {
  const [t] = await named(ctx, eq(monThresholds.id, id));
  if (!t) throw new NotFound('monitoring.threshold_not_found', '阈值不存在');
  return t;
}

/** Hysteresis and percent on the values the row would hold: 400 naming the field. */
function checkValues(rule: TAlertRule, raiseValue: number | null, clearValue: number | null): void {
  const problems = thresholdValueProblems({ rule, raiseValue, clearValue });
  if (problems.length)
    throw new Invalid(
      problems[0]!.path === 'clearValue' ? 'monitoring.hysteresis' : 'monitoring.percent',
      problems[0]!.message,
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
    );
}

export async function addThreshold(ctx: Ctx, input: z.output<typeof ZThresholdInput>): Promise<TThreshold> {
  if (input.pairId !== undefined) await getPair(ctx, input.pairId);
  else await getDevice(ctx, input.deviceId!);
  checkValues(input.rule, input.raiseValue ?? null, input.clearValue ?? null);
  const id = await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(monThresholds)
      .values({
        rule: input.rule,
        deviceId: input.deviceId ?? null,
        pairId: input.pairId ?? null,
        ifIndex: input.ifIndex ?? null,
        raiseValue: input.raiseValue ?? null,
        clearValue: input.clearValue ?? input.raiseValue ?? null,
        minDurationSec: input.minDurationSec,
        floorValue: input.floorValue ?? null,
        baselinePolls: input.baselinePolls ?? null,
        severity: input.severity,
        enabled: input.enabled,
      })
      .returning();
    await audit(tx, { action: 'monitoring.threshold.create', objectType: 'mon_threshold', objectId: row!.id, after: row });
    return row!.id;
  });
  return one(ctx, id);
}

/** Changes a threshold (a default too); the checks run on the stored row merged with the change, under its lock. */
export async function updateThreshold(ctx: Ctx, id: string, patch: z.output<typeof ZThresholdPatch>): Promise<TThreshold> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(monThresholds).where(eq(monThresholds.id, id)).for('update');
    if (!before) throw new NotFound('monitoring.threshold_not_found', '阈值不存在');
    const next: Row = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    const why = ruleMismatch(before.rule as TAlertRule, targetOf(before));
    if (why) throw new Invalid('monitoring.rule_mismatch', `${why}：请删除这条阈值后重新添加`, [{ path: 'body', message: why }]);
    checkValues(before.rule as TAlertRule, next.raiseValue, next.clearValue);
    const [after] = await tx.db
      .update(monThresholds)
      .set({
        raiseValue: next.raiseValue,
        clearValue: next.clearValue,
        minDurationSec: next.minDurationSec,
        floorValue: next.floorValue,
        baselinePolls: next.baselinePolls,
        severity: next.severity,
        enabled: next.enabled,
      })
      .where(eq(monThresholds.id, id))
      .returning();
    await audit(tx, { action: 'monitoring.threshold.update', objectType: 'mon_threshold', objectId: id, before, after });
  });
  return one(ctx, id);
}

/** Deletes an override (the rule's default, or the device's own for an interface, applies again); a default: 409. */
export async function deleteThreshold(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(monThresholds).where(eq(monThresholds.id, id)).for('update');
    if (!before) throw new NotFound('monitoring.threshold_not_found', '阈值不存在');
    if (targetOf(before) === 'default') throw new Conflict('monitoring.threshold_default', '默认阈值不能删除，可以停用或修改');
    await tx.db.delete(monThresholds).where(eq(monThresholds.id, id));
    await audit(tx, { action: 'monitoring.threshold.delete', objectType: 'mon_threshold', objectId: id, before });
  });
}
