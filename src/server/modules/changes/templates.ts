// Standard-change templates (issue 12: "standard (pre-approved template)"): the contractor writes the
// routine change once (steps, rollback, risk), the agency approves it once, and changes made from it
// are approved on submission.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangeCategory, Risk, TTemplate, ZTemplateInput } from '../../../common/changes.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { chgTemplates } from './tables.ts';

type Row = typeof chgTemplates.$inferSelect;
const view = (r: Row): TTemplate => ({
  ...r,
  category: r.category as ChangeCategory,
  risk: r.risk as Risk,
  approvedAt: r.approvedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function listTemplates(ctx: Ctx): Promise<TTemplate[]> {
  return (await ctx.db.select().from(chgTemplates).orderBy(asc(chgTemplates.name))).map(view);
}

export async function createTemplate(ctx: Ctx, input: z.output<typeof ZTemplateInput>): Promise<TTemplate> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(chgTemplates)
      .values({ ...input, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'change.template.create', objectType: 'change_template', objectId: r!.id, after: r });
    return view(r!);
  });
}

/** The agency approves a template once (changes.approve held by an agency role). */
export async function approveTemplate(ctx: Ctx, id: string): Promise<TTemplate> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db.select().from(chgTemplates).where(eq(chgTemplates.id, id)).for('update');
    if (!r) throw new NotFound('change.template_not_found', '标准变更模板不存在');
    if (!tx.actor?.roles.some((x) => x === 'agency_contact' || x === 'agency_manager'))
      throw new Conflict('change.template_agency', '标准变更模板须由甲方批准');
    if (r.approved) throw new Conflict('change.template_approved', '该模板已批准');
    const [next] = await tx.db
      .update(chgTemplates)
      .set({ approved: true, approvedBy: tx.actor.id, approvedByName: actorName(tx), approvedAt: tx.now() })
      .where(eq(chgTemplates.id, id))
      .returning();
    await audit(tx, {
      action: 'change.template.approve',
      objectType: 'change_template',
      objectId: id,
      before: { approved: false },
      after: { approved: true },
    });
    return view(next!);
  });
}
