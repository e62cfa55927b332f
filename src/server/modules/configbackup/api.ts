// What other modules may use of configuration backup: the changes module (issue 12 point 1) says
// whether an approved change covers a new configuration version (coverConfigChanges), takes backups
// before and after a change and shows their diff, and lists a device's versions in its archive.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { cfgDevices, cfgVersions } from './tables.ts';
import { backupAndWait as runAndWait, type BackupOutcome } from './run.ts';
import { diffVersions } from './versions.ts';

export { coverConfigChanges, explainVersions, type ChangeCoverage, type ConfigChange } from './coverage.ts';
export type { BackupOutcome };

/**
 * Backs the device up now and waits for the run to end (R-CHG-02: before and after a change). Never
 * throws for the device's own faults: an unknown device, Telnet or a failed run is an outcome.
 */
export async function backupAndWait(ctx: Ctx, deviceId: string): Promise<BackupOutcome> {
  try {
    return await runAndWait(ctx, deviceId);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, failure: err.code, message: err.message };
    throw err;
  }
}

export interface DeviceRef {
  id: string;
  name: string;
}

/** The devices with these ids (unknown ids are left out). */
export async function devicesByIds(ctx: Ctx, ids: readonly string[]): Promise<DeviceRef[]> {
  if (!ids.length) return [];
  return ctx.db
    .select({ id: cfgDevices.id, name: cfgDevices.name })
    .from(cfgDevices)
    .where(inArray(cfgDevices.id, [...ids]));
}

/** Every device by name (a site has hundreds, not tens of thousands). */
export async function allDevices(ctx: Ctx): Promise<DeviceRef[]> {
  return ctx.db.select({ id: cfgDevices.id, name: cfgDevices.name }).from(cfgDevices).orderBy(asc(cfgDevices.name)).limit(2000);
}

export interface VersionRef {
  id: string;
  seq: number;
  takenAt: Date;
  lines: number;
  coveredBy: string | null;
}

/** The device's configuration versions, newest first. */
export async function versionsOf(ctx: Ctx, deviceId: string, limit = 500): Promise<VersionRef[]> {
  return ctx.db
    .select({
      id: cfgVersions.id,
      seq: cfgVersions.seq,
      takenAt: cfgVersions.takenAt,
      lines: cfgVersions.lines,
      coveredBy: cfgVersions.coveredBy,
    })
    .from(cfgVersions)
    .where(eq(cfgVersions.deviceId, deviceId))
    .orderBy(desc(cfgVersions.seq))
    .limit(limit);
}

/** From version a to version b of a device, as unified text. */
export const versionDiff = (ctx: Ctx, deviceId: string, a: string, b: string): Promise<string> => diffVersions(ctx, deviceId, a, b);

/** When each named device last had a successful backup (null: never), by name; unknown names are absent. */
export async function lastBackups(ctx: Ctx, names: readonly string[]): Promise<Map<string, Date | null>> {
  if (!names.length) return new Map();
  const rows = await ctx.db
    .select({ name: cfgDevices.name, at: cfgDevices.lastSuccessAt })
    .from(cfgDevices)
    .where(inArray(cfgDevices.name, [...new Set(names)]));
  return new Map(rows.map((r) => [r.name, r.at]));
}

export { healthCheck, type HealthOutcome } from './health.ts';
