// Backup schedule groups (issue 12 point 2, R-MON-05): created, changed and removed with an audit
// record each; devices assigned to one group at most (removing a group, or a device from it, puts the
// device back on the default nightly schedule).
import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import type { TGroup, ZGroupAssign, ZGroupInput, ZGroupPatch, ZGroupQuery } from '../../../common/configbackup-groups.ts';
import { cfgDevices, cfgGroups } from './tables.ts';

type GroupRow = typeof cfgGroups.$inferSelect;
type GroupFields = Omit<GroupRow, 'id' | 'createdAt' | 'updatedAt'>;

const deviceCount = sql<number>`(SELECT count(*)::int FROM ${cfgDevices} d WHERE d.group_id = ${cfgGroups}.id)`;

const view = (r: GroupRow, devices: number): TGroup => ({
  ...r,
  devices,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The rules across fields, for a new group and for one changed in part. */
function checkSchedule(g: GroupFields): void {
  const bad = (path: string, message: string) => new Invalid('configbackup.group_schedule', message, [{ path: `body.${path}`, message }]);
  if (g.everyMinutes === null && g.dailyTimes.length === 0) throw bad('everyMinutes', '请设置间隔或每日备份时间');
  if ((g.windowStart === null) !== (g.windowEnd === null)) throw bad('windowEnd', '时间窗口需同时设置开始和结束');
  if (g.windowStart !== null && g.windowStart === g.windowEnd) throw bad('windowEnd', '时间窗口的开始和结束不能相同');
  if (g.everyMinutes === null && g.windowStart !== null && g.windowEnd !== null) {
    const [s, e] = [g.windowStart, g.windowEnd];
    const inside = (t: string) => (s < e ? t >= s && t < e : t >= s || t < e);
    const outside = g.dailyTimes.find((t) => !inside(t));
    if (outside) throw bad('dailyTimes', `备份时间 ${outside} 不在时间窗口 ${s}–${e} 内，永远不会执行`);
  }
}

export async function listGroups(ctx: Ctx, q: z.output<typeof ZGroupQuery>): Promise<{ items: TGroup[]; total: number }> {
  const conds: (SQL | undefined)[] = [
    q.q ? or(ilike(cfgGroups.name, likeContains(q.q)), ilike(cfgGroups.description, likeContains(q.q))) : undefined,
    q.enabled ? eq(cfgGroups.enabled, q.enabled === 'true') : undefined,
    q.workingDaysOnly ? eq(cfgGroups.workingDaysOnly, q.workingDaysOnly === 'true') : undefined,
  ];
  const where = and(...conds);
  const rows = await ctx.db
    .select({ g: cfgGroups, devices: deviceCount })
    .from(cfgGroups)
    .where(where)
    .orderBy(cfgGroups.name, cfgGroups.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(cfgGroups).where(where);
  return { items: rows.map((r) => view(r.g, r.devices)), total: total?.n ?? 0 };
}

export async function getGroup(ctx: Ctx, id: string): Promise<TGroup> {
  const [r] = await ctx.db.select({ g: cfgGroups, devices: deviceCount }).from(cfgGroups).where(eq(cfgGroups.id, id));
  if (!r) throw new NotFound('configbackup.group_not_found', '设备分组不存在');
  return view(r.g, r.devices);
}

const sorted = (times: readonly string[]) => [...new Set(times)].sort();

async function nameFree(tx: Ctx, name: string, except?: string): Promise<void> {
  const [same] = await tx.db.select({ id: cfgGroups.id }).from(cfgGroups).where(eq(cfgGroups.name, name));
  if (same && same.id !== except) throw new Conflict('configbackup.group_name_taken', `已有名为“${name}”的设备分组`);
}

export async function createGroup(ctx: Ctx, input: z.output<typeof ZGroupInput>): Promise<TGroup> {
  const fields: GroupFields = { ...input, dailyTimes: sorted(input.dailyTimes) };
  checkSchedule(fields);
  const id = await inTx(ctx, async (tx) => {
    await nameFree(tx, input.name);
    const [row] = await tx.db
      .insert(cfgGroups)
      .values({ ...fields, createdAt: tx.now(), updatedAt: tx.now() })
      .returning();
    await audit(tx, { action: 'configbackup.group.create', objectType: 'cfg_group', objectId: row!.id, after: row });
    return row!.id;
  });
  return getGroup(ctx, id);
}

export async function updateGroup(ctx: Ctx, id: string, patch: z.output<typeof ZGroupPatch>): Promise<TGroup> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(cfgGroups).where(eq(cfgGroups.id, id)).for('update');
    if (!before) throw new NotFound('configbackup.group_not_found', '设备分组不存在');
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<GroupFields>;
    const fields: GroupFields = { ...before, ...given, dailyTimes: sorted(given.dailyTimes ?? before.dailyTimes) };
    checkSchedule(fields);
    if (given.name) await nameFree(tx, given.name, id);
    const [after] = await tx.db
      .update(cfgGroups)
      .set({ ...given, dailyTimes: fields.dailyTimes, updatedAt: tx.now() })
      .where(eq(cfgGroups.id, id))
      .returning();
    await audit(tx, { action: 'configbackup.group.update', objectType: 'cfg_group', objectId: id, before, after });
  });
  return getGroup(ctx, id);
}

/** Removes a group; its devices go back to the default nightly schedule (the foreign key sets null). */
export async function deleteGroup(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.delete(cfgGroups).where(eq(cfgGroups.id, id)).returning();
    if (!before) throw new NotFound('configbackup.group_not_found', '设备分组不存在');
    await audit(tx, { action: 'configbackup.group.delete', objectType: 'cfg_group', objectId: id, before });
  });
}

/** Puts devices into the group (out of any other) and takes others out of it. */
export async function assignDevices(ctx: Ctx, id: string, a: z.output<typeof ZGroupAssign>): Promise<{ added: number; removed: number }> {
  return inTx(ctx, async (tx) => {
    const [group] = await tx.db.select({ id: cfgGroups.id }).from(cfgGroups).where(eq(cfgGroups.id, id)).for('update');
    if (!group) throw new NotFound('configbackup.group_not_found', '设备分组不存在');
    const wanted = [...new Set([...a.add, ...a.remove])];
    const found = await tx.db.select({ id: cfgDevices.id }).from(cfgDevices).where(inArray(cfgDevices.id, wanted));
    const missing = wanted.filter((w) => !found.some((f) => f.id === w));
    if (missing.length) throw new NotFound('configbackup.device_not_found', `设备不存在：${missing.length} 台`);
    const added = a.add.length
      ? await tx.db.update(cfgDevices).set({ groupId: id }).where(inArray(cfgDevices.id, a.add)).returning({ id: cfgDevices.id })
      : [];
    const removed = a.remove.length
      ? await tx.db
          .update(cfgDevices)
          .set({ groupId: null })
          .where(and(inArray(cfgDevices.id, a.remove), eq(cfgDevices.groupId, id)))
          .returning({ id: cfgDevices.id })
      : [];
    await audit(tx, {
      action: 'configbackup.group.assign',
      objectType: 'cfg_group',
      objectId: id,
      detail: { added: added.map((d) => d.id), removed: removed.map((d) => d.id) },
    });
    return { added: added.length, removed: removed.length };
  });
}
