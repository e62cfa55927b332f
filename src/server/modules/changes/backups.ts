// R-CHG-02: a configuration backup of every device of a change before implementation starts and after
// it ends, through configuration backup's api.ts; the change keeps both versions of each device and
// shows their diff. A device that cannot be backed up does not stop the change: the reason is kept and
// shown beside the device.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { backupAndWait, versionDiff } from '../configbackup/api.ts';
import { chgChangeDevices } from './tables.ts';
import { changeRow } from './service.ts';

type When = 'before' | 'after';

export interface TakenBackups {
  save(tx: Ctx): Promise<void>;
  summary: { device: string; ok: boolean; message?: string }[];
}

/** Backs up each device of the change, one after another; answers what to record. */
export async function takeBackups(ctx: Ctx, changeId: string, when: When): Promise<TakenBackups> {
  const devices = await ctx.db.select().from(chgChangeDevices).where(eq(chgChangeDevices.changeId, changeId));
  const results: { deviceId: string; name: string; versionId: string | null; error: string | null }[] = [];
  for (const d of devices) {
    const out = await backupAndWait(ctx, d.deviceId);
    results.push(
      out.ok
        ? { deviceId: d.deviceId, name: d.name, versionId: out.versionId, error: null }
        : { deviceId: d.deviceId, name: d.name, versionId: null, error: out.message || out.failure },
    );
  }
  return {
    summary: results.map((r) => ({ device: r.name, ok: !r.error, ...(r.error ? { message: r.error } : {}) })),
    async save(tx) {
      for (const r of results) {
        const set =
          when === 'before' ? { beforeVersionId: r.versionId, beforeError: r.error } : { afterVersionId: r.versionId, afterError: r.error };
        await tx.db
          .update(chgChangeDevices)
          .set(set)
          .where(and(eq(chgChangeDevices.changeId, changeId), eq(chgChangeDevices.deviceId, r.deviceId)));
      }
    },
  };
}

/** The device's configuration from before the change to after it, as unified text. */
export async function changeDiff(ctx: Ctx, changeId: string, deviceId: string): Promise<string> {
  await changeRow(ctx, changeId);
  const [d] = await ctx.db
    .select()
    .from(chgChangeDevices)
    .where(and(eq(chgChangeDevices.changeId, changeId), eq(chgChangeDevices.deviceId, deviceId)));
  if (!d) throw new NotFound('change.device_not_found', '该变更不涉及此设备');
  if (!d.beforeVersionId || !d.afterVersionId) throw new Conflict('change.no_backups', '该设备尚无变更前后的配置备份');
  return versionDiff(ctx, deviceId, d.beforeVersionId, d.afterVersionId);
}
