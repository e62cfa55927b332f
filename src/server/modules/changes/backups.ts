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
  const results: Backup[] = [];
  for (const d of devices) {
    const out = await backupAndWait(ctx, d.deviceId);
    results.push(
      out.ok
        ? { deviceId: d.deviceId, name: d.name, versionId: out.versionId, error: null }
        : { deviceId: d.deviceId, name: d.name, versionId: null, error: out.message || out.failure },
    );
  }
  return recordedBackups(changeId, when, results);
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

/** One device's backup for a change: the version taken, or why none was. */
export interface Backup {
  deviceId: string;
  name: string;
  versionId: string | null;
  error: string | null;
}

/**
 * What to record of backups before or after the change: those the implementation just took, or
 * versions taken by other means (the demo's history, stored by the configuration-backup seed).
 */
export function recordedBackups(changeId: string, when: When, backups: readonly Backup[]): TakenBackups {
  return {
    summary: backups.map((b) => ({ device: b.name, ok: !b.error, ...(b.error ? { message: b.error } : {}) })),
    async save(tx) {
      for (const b of backups) {
        const set =
          when === 'before' ? { beforeVersionId: b.versionId, beforeError: b.error } : { afterVersionId: b.versionId, afterError: b.error };
        await tx.db
          .update(chgChangeDevices)
          .set(set)
          .where(and(eq(chgChangeDevices.changeId, changeId), eq(chgChangeDevices.deviceId, b.deviceId)));
      }
    },
  };
}
