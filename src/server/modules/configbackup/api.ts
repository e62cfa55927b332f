// What other modules may use of configuration backup. A change module to come (issue 12, changes)
// says here whether an approved change covers a new configuration version; until one does, every
// change is unexplained and raises the alert (run.ts).
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
