// Test assets inserted directly (the register's createAsset is not what these tests are about), and
// an asset's row and history as the movement and end-of-support tests read them back.
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { assetHistory, assets } from './tables.ts';

type NewAsset = Omit<typeof assets.$inferInsert, 'createdAt' | 'updatedAt'>;

export async function insertAsset(ctx: Ctx, values: NewAsset): Promise<string> {
  const now = ctx.now();
  const [a] = await ctx.db
    .insert(assets)
    .values({ createdAt: now, updatedAt: now, ...values })
    .returning({ id: assets.id });
  return a!.id;
}

export const assetRow = async (ctx: Ctx, id: string) => (await ctx.db.select().from(assets).where(eq(assets.id, id)))[0]!;

export const assetHistoryOf = (ctx: Ctx, id: string) =>
  ctx.db.select().from(assetHistory).where(eq(assetHistory.assetId, id)).orderBy(asc(assetHistory.id));
