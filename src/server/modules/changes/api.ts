// What other modules may use of the changes module (ARCHITECTURE.md: through read and write functions
// named here): secops opens a change for a security response (issue 13 point 4) and reads its state.
import { inArray } from 'drizzle-orm';
import type { TChange } from '../../../common/changes.ts';
import type { Ctx } from '../../kernel/context.ts';
import { views } from './service.ts';
import { chgChanges } from './tables.ts';

export { actOnChange } from './flow.ts';
export { createChange, getChange } from './service.ts';

/** These changes as the list shows them (unknown ids left out). */
export async function changesByIds(ctx: Ctx, ids: readonly string[]): Promise<TChange[]> {
  if (!ids.length) return [];
  return views(
    ctx,
    await ctx.db
      .select()
      .from(chgChanges)
      .where(inArray(chgChanges.id, [...new Set(ids)])),
  );
}

/** Approved in full: every approval step passed and the change neither refused nor cancelled. */
export const changeApproved = (c: Pick<TChange, 'state' | 'approvals'>): boolean =>
  !['draft', 'returned', 'rejected', 'cancelled'].includes(c.state) && c.approvals.every((s) => s.status === 'approved');
