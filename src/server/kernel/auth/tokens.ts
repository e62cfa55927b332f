// Personal API tokens for integrations: shown once, stored as a SHA-256 hash, revocable.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '../db/tables.ts';
import { audit } from '../audit.ts';
import { inTx, type Ctx } from '../context.ts';
import { randomToken, sha256 } from '../crypto.ts';
import { NotFound, Unauthorized } from '../errors.ts';

export const TOKEN_PREFIX = 'yw_';

export async function createToken(ctx: Ctx, userId: string, input: { name: string; expiresInDays: number | null }) {
  const token = TOKEN_PREFIX + randomToken(30);
  const now = ctx.now();
  return inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(apiTokens)
      .values({
        userId,
        name: input.name,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, {
      action: 'token.create',
      objectType: 'api_token',
      objectId: row.id,
      after: { name: row.name, userId, prefix: row.prefix },
    });
    return { ...publicToken(row), token };
  });
}

export function publicToken(r: typeof apiTokens.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  };
}

export async function listTokens(ctx: Ctx, userId: string) {
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).limit(200);
  return rows.map(publicToken);
}

export async function revokeToken(ctx: Ctx, userId: string, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .update(apiTokens)
      .set({ revokedAt: tx.now() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new NotFound('token.not_found', '令牌不存在或已撤销');
    await audit(tx, { action: 'token.revoke', objectType: 'api_token', objectId: id, before: { name: row.name } });
  });
}

/** For the CLI: `yunwei token create --user NAME --name LABEL`. */
export async function createTokenForUsername(ctx: Ctx, username: string, name: string) {
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (!u) throw new Unauthorized('user.not_found', `用户 ${username} 不存在`);
  return createToken(ctx, u.id, { name, expiresInDays: null });
}
