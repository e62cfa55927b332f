// The alert list and the thresholds (as data): defaults per rule, overrides per device, interface or
// probe pair.
import { isoOrNull as iso } from '../../../common/dates.ts';
import { and, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { Invalid } from '../../kernel/errors.ts';
import type { TMonAlert, TThreshold, ZMonAlertQuery, ZThresholdInput } from '../../../common/monitoring.ts';
import { getDevice } from './devices.ts';
import { getPair } from './pairs.ts';
import { monAlerts, monDevices, monProbePairs, monThresholds } from './tables.ts';

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

const view = (t: typeof monThresholds.$inferSelect): TThreshold => ({
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
});

export async function listThresholds(ctx: Ctx): Promise<{ items: TThreshold[] }> {
  const rows = await ctx.db
    .select()
    .from(monThresholds)
    .orderBy(monThresholds.rule, monThresholds.deviceId, monThresholds.pairId, monThresholds.ifIndex);
  return { items: rows.map(view) };
}

export async function addThreshold(ctx: Ctx, input: z.output<typeof ZThresholdInput>): Promise<TThreshold> {
  if (input.pairId !== undefined) await getPair(ctx, input.pairId);
  else await getDevice(ctx, input.deviceId!);
  if (input.raiseValue !== undefined && input.clearValue !== undefined && input.clearValue > input.raiseValue)
    throw new Invalid('monitoring.hysteresis', '解除值不能高于告警值', [{ path: 'body.clearValue', message: '解除值不能高于告警值' }]);
  return inTx(ctx, async (tx) => {
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
    return view(row!);
  });
}
