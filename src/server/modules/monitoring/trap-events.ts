// What the trap listener stored (issue 12 point 3), read for the device page and the list of unknown
// senders and garbage.
import { count, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import type { TPage } from '../../../common/api.ts';
import type { TTrapEvent, TTrapSource } from '../../../common/monitoring.ts';
import { monDevices, monTrapEvents, monTrapSources } from './tables.ts';

export async function listTraps(ctx: Ctx, deviceId: string, q: TPage): Promise<{ items: TTrapEvent[]; total: number }> {
  const [device] = await ctx.db.select({ id: monDevices.id }).from(monDevices).where(eq(monDevices.id, deviceId));
  if (!device) throw new NotFound('monitoring.device_not_found', '监控设备不存在');
  const where = eq(monTrapEvents.deviceId, deviceId);
  const rows = await ctx.db
    .select()
    .from(monTrapEvents)
    .where(where)
    .orderBy(desc(monTrapEvents.receivedAt), desc(monTrapEvents.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(monTrapEvents).where(where);
  return {
    items: rows.map(({ deviceId: _d, receivedAt, ...r }) => ({ ...r, receivedAt: receivedAt.toISOString() })),
    total: total?.n ?? 0,
  };
}

export async function listTrapSources(ctx: Ctx, q: TPage): Promise<{ items: TTrapSource[]; total: number }> {
  const rows = await ctx.db
    .select()
    .from(monTrapSources)
    .orderBy(desc(monTrapSources.lastAt), monTrapSources.address)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(monTrapSources);
  return {
    items: rows.map((r) => ({ ...r, firstAt: r.firstAt.toISOString(), lastAt: r.lastAt.toISOString() })),
    total: total?.n ?? 0,
  };
}
