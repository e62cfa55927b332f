// Whether an approved change explains a new configuration version (issue 12): the changes module
// registers its answer through api.ts; run.ts asks before it raises the unexplained-change alert.
import type { Ctx } from '../../kernel/context.ts';

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
