// argon2id password hashing (@node-rs/argon2) and the reuse rule (last 5 not reused).
import { hash, verify } from '@node-rs/argon2';
import { desc, eq } from 'drizzle-orm';
import { passwordHistory } from '../db/tables.ts';
import { PASSWORD_HISTORY, passwordProblem } from '../../../common/password.ts';
import { Invalid } from '../errors.ts';
import type { Ctx } from '../context.ts';

// OWASP's argon2id minimum (19 MiB, t=2, p=1): about 30 ms a hash here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string): Promise<string> => hash(pw, OPTIONS);

export async function verifyPassword(hashed: string, pw: string): Promise<boolean> {
  try {
    return await verify(hashed, pw);
  } catch {
    return false;
  }
}

// A hash of nothing, verified when the user does not exist so timing does not tell names apart.
let dummy: Promise<string> | null = null;
export async function burnVerify(pw: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-Aa1!');
  await verifyPassword(await dummy, pw);
}

export function assertStrong(pw: string, field = 'password'): void {
  const problem = passwordProblem(pw);
  if (problem) throw new Invalid('password.weak', problem, [{ path: `body.${field}`, message: problem }]);
}

/** Refuses any of the last five passwords: the current one and the four before it (inside the caller's tx). */
export async function assertNotReused(ctx: Ctx, userId: string, currentHash: string, pw: string): Promise<void> {
  const old = await ctx.db
    .select({ h: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(PASSWORD_HISTORY - 1);
  for (const h of [currentHash, ...old.map((o) => o.h)]) {
    if (await verifyPassword(h, pw))
      throw new Invalid('password.reused', '新密码不能与最近 5 次使用过的密码相同', [
        { path: 'body.newPassword', message: '不能与最近 5 次使用过的密码相同' },
      ]);
  }
}

export async function rememberPassword(ctx: Ctx, userId: string, oldHash: string): Promise<void> {
  await ctx.db.insert(passwordHistory).values({ userId, passwordHash: oldHash, createdAt: ctx.now() });
}
