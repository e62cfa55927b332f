// Whether an approved change explains a new configuration version (issue 12): the changes module
// registers its answer through api.ts; run.ts asks before it raises the unexplained-change alert.
import { and, eq, gt, gte, isNull, lte } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { cfgVersions } from './tables.ts';

export interface ConfigChange {
  deviceId: string;
  versionId: string;
  takenAt: Date;
}

/** Answers the id of the approved change that explains this version, or null. */
export type ChangeCoverage = (ctx: Ctx, change: ConfigChange) => Promise<string | null>;

const coverers = new Set<ChangeCoverage>();

/**
 * Lets a module explain configuration changes (its manifest's `seed` is a good place to call it);
 * answers the function that withdraws it.
 */
export function coverConfigChanges(fn: ChangeCoverage): () => void {
  coverers.add(fn);
  return () => void coverers.delete(fn);
}

/** The first coverer's answer: what explains the change, or null when nothing does. */
export async function coverageOf(ctx: Ctx, change: ConfigChange): Promise<string | null> {
  for (const fn of coverers) {
    const by = await fn(ctx, change);
    if (by) return by;
  }
  return null;
}

/**
 * Asks again what explains the device's unexplained versions taken between `from` and `to` (a change
 * recorded after the versions, as the demo's history is); the device's first version is never an
 * alert and stays as it is. Answers how many are explained now.
 */
export async function explainVersions(ctx: Ctx, deviceId: string, from: Date, to: Date): Promise<number> {
  const rows = await ctx.db
    .select({ id: cfgVersions.id, takenAt: cfgVersions.takenAt })
    .from(cfgVersions)
    .where(
      and(
        eq(cfgVersions.deviceId, deviceId),
        isNull(cfgVersions.coveredBy),
        gt(cfgVersions.seq, 1),
        gte(cfgVersions.takenAt, from),
        lte(cfgVersions.takenAt, to),
      ),
    );
  let explained = 0;
  for (const r of rows) if (await explainVersion(ctx, { deviceId, versionId: r.id, takenAt: r.takenAt })) explained++;
  return explained;
}

/** Records on the version the change that explains it, if one does; answers whether one did. */
export async function explainVersion(ctx: Ctx, change: ConfigChange): Promise<boolean> {
  const by = await coverageOf(ctx, change);
  if (by) await ctx.db.update(cfgVersions).set({ coveredBy: by }).where(eq(cfgVersions.id, change.versionId));
  return by !== null;
}
