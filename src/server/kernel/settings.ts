// Settings (table `settings`, one JSON value per key) for modules, which never touch the kernel's
// tables themselves (ARCHITECTURE.md): read one, or store one audited in the caller's transaction.
import { eq } from 'drizzle-orm';
import { audit } from './audit.ts';
import type { Ctx } from './context.ts';
import { settings } from './db/tables.ts';

/** The stored value of `key` and when it was last stored, or null when it never was. */
export async function getSetting(ctx: Ctx, key: string): Promise<{ value: unknown; updatedAt: Date } | null> {
  const [r] = await ctx.db
    .select({ value: settings.value, updatedAt: settings.updatedAt })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return r ?? null;
}

/**
 * Stores `value` under `key` in the caller's transaction and audits it as `action` on the object
 * ('setting', key), with `before` as the caller shows the old value and the new value as after.
 */
export async function putSetting(ctx: Ctx, key: string, value: unknown, a: { action: string; before: unknown }): Promise<Date> {
  const now = ctx.now();
  await ctx.db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  await audit(ctx, { action: a.action, objectType: 'setting', objectId: key, before: a.before, after: value });
  return now;
}
