// Inspection templates as data (R-INS-01): per service line and device kind, the items with their
// expected value or range, the evidence each needs and where it is prefilled from. A change of a
// template reaches the sheets generated after it; sheets already generated keep their items.
import { asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TPage } from '../../../common/api.ts';
import type { TTemplate, ZTemplateInput } from '../../../common/inspections.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import { insTemplates } from './tables.ts';

type Row = typeof insTemplates.$inferSelect;
type Input = z.output<typeof ZTemplateInput>;

export const templateView = (r: Row): TTemplate => ({
  id: r.id,
  name: r.name,
  serviceLine: r.serviceLine,
  deviceKinds: r.deviceKinds,
  schedule: r.schedule as TTemplate['schedule'],
  items: r.items,
  active: r.active,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listTemplates(ctx: Ctx, q: TPage): Promise<{ items: TTemplate[]; total: number }> {
  const [n] = await ctx.db.select({ n: count() }).from(insTemplates);
  const rows = await ctx.db
    .select()
    .from(insTemplates)
    .orderBy(asc(insTemplates.serviceLine), asc(insTemplates.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(templateView), total: Number(n?.n ?? 0) };
}

export async function createTemplate(ctx: Ctx, input: Input): Promise<TTemplate> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(insTemplates)
      .values({ ...input, updatedAt: tx.now() })
      .returning();
    await audit(tx, { action: 'inspection.template_create', objectType: 'inspection_template', objectId: r!.id, detail: input });
    return templateView(r!);
  });
}

export async function updateTemplate(ctx: Ctx, id: string, input: Input): Promise<TTemplate> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .update(insTemplates)
      .set({ ...input, updatedAt: tx.now() })
      .where(eq(insTemplates.id, id))
      .returning();
    if (!r) throw new NotFound('inspection.template_not_found', '巡检模板不存在');
    await audit(tx, { action: 'inspection.template_update', objectType: 'inspection_template', objectId: id, detail: input });
    return templateView(r);
  });
}
