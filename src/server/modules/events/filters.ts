// Filter rules (issue 13 point 2): which received events are not stored (a chatty session log, a
// scanner's own address). Checked in order of creation; the first rule that matches decides; an
// event no rule matches is kept. The receiver counts what was dropped (`filtered`).
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { TEventFilter, ZEventFilterInput } from '../../../common/events.ts';
import type { EventRow } from './normalise.ts';
import { evtFilters } from './tables.ts';

export type FilterRule = Pick<TEventFilter, 'action' | 'field' | 'op' | 'value'>;

function matches(rule: FilterRule, e: EventRow): boolean {
  const v = e[rule.field];
  if (v === null || v === undefined) return false;
  const have = String(v).toLowerCase();
  const want = rule.value.toLowerCase();
  return rule.op === 'eq' ? have === want : have.includes(want);
}

/** Whether the event is stored: the first matching rule's action, else keep. */
export function passes(rules: readonly FilterRule[], e: EventRow): boolean {
  for (const r of rules) if (matches(r, e)) return r.action === 'keep';
  return true;
}

const view = (r: typeof evtFilters.$inferSelect): TEventFilter => ({
  ...r,
  action: r.action as TEventFilter['action'],
  field: r.field as TEventFilter['field'],
  op: r.op as TEventFilter['op'],
  createdAt: r.createdAt.toISOString(),
});

export async function readFilters(db: Db): Promise<TEventFilter[]> {
  return (await db.select().from(evtFilters).orderBy(asc(evtFilters.seq))).map(view);
}

export async function listFilters(ctx: Ctx): Promise<{ items: TEventFilter[] }> {
  return { items: await readFilters(ctx.db) };
}

export async function addFilter(ctx: Ctx, input: z.output<typeof ZEventFilterInput>): Promise<TEventFilter> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(evtFilters)
      .values({ ...input, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'events.filter.create', objectType: 'evt_filter', objectId: r!.id, after: r! });
    return view(r!);
  });
}

export async function removeFilter(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [r] = await tx.db.delete(evtFilters).where(eq(evtFilters.id, id)).returning();
    if (!r) throw new NotFound('events.filter.not_found', '过滤规则不存在');
    await audit(tx, { action: 'events.filter.delete', objectType: 'evt_filter', objectId: id, before: r });
  });
}
