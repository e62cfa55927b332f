// The endpoints that join the agency's conference systems: each district's room (市区 and 应急), the
// city government's (加密 and 非加密) and the ministry's (省部). Seeded once; administrators of the
// line keep them (a district that moves its room, a new endpoint).
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConfSystem, TEndpoint, ZEndpointInput } from '../../../common/conferences.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { confEndpoints } from './tables.ts';

type Row = typeof confEndpoints.$inferSelect;
const view = (r: Row): TEndpoint => ({
  id: r.id,
  name: r.name,
  systems: r.systems as ConfSystem[],
  contact: r.contact,
  phone: r.phone,
  active: r.active,
});

/** Beijing's sixteen districts and the economic-technological development area. */
export const DISTRICTS = [
  '东城区',
  '西城区',
  '朝阳区',
  '海淀区',
  '丰台区',
  '石景山区',
  '门头沟区',
  '房山区',
  '通州区',
  '顺义区',
  '昌平区',
  '大兴区',
  '怀柔区',
  '平谷区',
  '密云区',
  '延庆区',
  '经济技术开发区',
];

const SEED: { name: string; systems: ConfSystem[] }[] = [
  { name: '市政府会场', systems: ['gov_encrypted', 'gov_plain'] },
  { name: '人力资源社会保障部会场', systems: ['ministry'] },
  ...DISTRICTS.map((d) => ({ name: `${d}人力社保局会场`, systems: ['city_district', 'emergency'] as ConfSystem[] })),
];

export async function seedEndpoints(ctx: Ctx): Promise<void> {
  const [any] = await ctx.db.select({ id: confEndpoints.id }).from(confEndpoints).limit(1);
  if (any) return; // seeded once: later edits are the line's
  await ctx.db.insert(confEndpoints).values(SEED.map((s) => ({ ...s, createdAt: ctx.now() })));
}

export async function listEndpoints(ctx: Ctx): Promise<TEndpoint[]> {
  return (await ctx.db.select().from(confEndpoints).orderBy(asc(confEndpoints.seq))).map(view);
}

export async function activeEndpoints(ctx: Ctx): Promise<TEndpoint[]> {
  return (await listEndpoints(ctx)).filter((e) => e.active);
}

async function unique(ctx: Ctx, name: string, id?: string): Promise<void> {
  const [same] = await ctx.db.select({ id: confEndpoints.id }).from(confEndpoints).where(eq(confEndpoints.name, name));
  if (same && same.id !== id) throw new Conflict('conference.endpoint_exists', `已有名为“${name}”的会场`);
}

export async function createEndpoint(ctx: Ctx, input: z.output<typeof ZEndpointInput>): Promise<TEndpoint> {
  await unique(ctx, input.name);
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(confEndpoints)
      .values({ ...input, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'conference.endpoint.create', objectType: 'conference_endpoint', objectId: r!.id, after: r });
    return view(r!);
  });
}

export async function updateEndpoint(ctx: Ctx, id: string, input: z.output<typeof ZEndpointInput>): Promise<TEndpoint> {
  await unique(ctx, input.name, id);
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(confEndpoints).where(eq(confEndpoints.id, id)).for('update');
    if (!before) throw new NotFound('conference.endpoint_not_found', '会场不存在');
    const [r] = await tx.db.update(confEndpoints).set(input).where(eq(confEndpoints.id, id)).returning();
    await audit(tx, { action: 'conference.endpoint.update', objectType: 'conference_endpoint', objectId: id, before, after: r });
    return view(r!);
  });
}
