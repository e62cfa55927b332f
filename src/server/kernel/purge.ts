// What the kernel holds or recorded that the confidential purge at the contract's end concerns
// (R-CONF-03): the stored files (attachments, photos, documents), and the exports the audit log
// recorded (lists, forms and packages taken out of the system). Modules reach these only through here.
import { and, count, eq, like, not, or } from 'drizzle-orm';
import type { Ctx } from './context.ts';
import { auditLog, files } from './db/tables.ts';

/** Files stored for objects whose type does not start with `keepPrefix` (the purge's own records). */
export async function countStoredFiles(ctx: Ctx, keepPrefix: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(files)
    .where(not(like(files.objectType, `${keepPrefix}%`)));
  return Number(r?.n ?? 0);
}

/** Deletes those files (the caller audits); answers how many went. */
export async function deleteStoredFiles(ctx: Ctx, keepPrefix: string): Promise<number> {
  const gone = await ctx.db
    .delete(files)
    .where(not(like(files.objectType, `${keepPrefix}%`)))
    .returning({ id: files.id });
  return gone.length;
}

/** How many exports the audit log recorded: every `<type>.export` and the actions named. */
export async function countRecordedExports(ctx: Ctx, alsoActions: readonly string[]): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(or(like(auditLog.action, '%.export'), ...alsoActions.map((a) => eq(auditLog.action, a))), eq(auditLog.success, true)));
  return Number(r?.n ?? 0);
}
