// R-CHG-03: the maintenance archive of a device: every change that named it and every configuration
// version taken of it, newest first, each version with the change that explains it (if any).
import { desc, eq } from 'drizzle-orm';
import { CHANGE_STATE_NAMES, CHANGE_TYPE_NAMES, type ChangeState, type ChangeType, type TArchive } from '../../../common/changes.ts';
import type { Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import { devicesByIds, versionsOf } from '../configbackup/api.ts';
import { numberOf } from './service.ts';
import { chgChangeDevices, chgChanges } from './tables.ts';

export async function deviceArchive(ctx: Ctx, deviceId: string): Promise<TArchive> {
  const [device] = await devicesByIds(ctx, [deviceId]);
  if (!device) throw new NotFound('configbackup.device_not_found', '设备不存在');
  const changes = await ctx.db
    .select({ c: chgChanges })
    .from(chgChanges)
    .innerJoin(chgChangeDevices, eq(chgChangeDevices.changeId, chgChanges.id))
    .where(eq(chgChangeDevices.deviceId, deviceId))
    .orderBy(desc(chgChanges.plannedStart))
    .limit(500);
  const versions = await versionsOf(ctx, deviceId);
  const byId = new Map(changes.map(({ c }) => [c.id, c]));
  const items: TArchive['items'] = [
    ...changes.map(({ c }) => ({
      at: (c.finishedAt ?? c.startedAt ?? c.plannedStart).toISOString(),
      kind: 'change' as const,
      id: c.id,
      title: `${numberOf(c.seq)} ${c.title}`,
      detail: `${CHANGE_TYPE_NAMES[c.type as ChangeType]} · ${CHANGE_STATE_NAMES[c.state as ChangeState]}`,
      changeId: c.id,
    })),
    ...versions.map((v) => {
      const by = v.coveredBy ? byId.get(v.coveredBy) : undefined;
      return {
        at: v.takenAt.toISOString(),
        kind: 'version' as const,
        id: v.id,
        title: `配置版本 #${v.seq}（${v.lines} 行）`,
        detail: v.seq === 1 ? '首次备份' : by ? `由变更 ${numberOf(by.seq)} 覆盖` : v.coveredBy ? '由已批准的变更覆盖' : '未经批准的变化',
        changeId: v.coveredBy,
      };
    }),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { deviceId, deviceName: device.name, items };
}
