// First start and every start: roles, calendar, the system admin, the demo.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Config } from './kernel/config.ts';
import { inTx, type Ctx } from './kernel/context.ts';
import { settings, users } from './kernel/db/tables.ts';
import { LOCK_BOOTSTRAP } from './kernel/db/locks.ts';
import { seedRoles } from './kernel/rbac.ts';
import { seedCalendar } from './kernel/calendar/service.ts';
import { createUser } from './kernel/auth/users.ts';
import { loadDemo, type DemoResult } from './demo/load.ts';
import { seedSlaPolicies } from './modules/desk/policy.ts';
import { seedAssetClasses } from './modules/assets/register/classes.ts';

/** A random password that meets the rules (upper, lower, digit, symbol). */
export function randomPassword(): string {
  const base = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Yw-${base}7a`;
}

export interface BootstrapResult {
  /** Set when the database was created under another YUNWEI_SECRET_KEY (a restore, a changed env). */
  keyMismatch: boolean;
  admin: { created: boolean; password: string | null; generated: boolean };
  demo: (DemoResult & { generated: boolean }) | null;
}

/** Runs in one transaction under an advisory lock: nodes starting together bootstrap one after the other. */
export async function bootstrap(outer: Ctx, config: Pick<Config, 'adminPassword' | 'demo' | 'demoPassword'>): Promise<BootstrapResult> {
  return inTx(outer, async (ctx) => {
    await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_BOOTSTRAP})`);
    return bootstrapLocked(ctx, config);
  });
}

/** Only the reference data (roles, calendar), under the same lock: what the CLI needs before it acts. */
export async function seedReferenceData(outer: Ctx): Promise<{ calendarEntries: number }> {
  return inTx(outer, async (ctx) => {
    await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_BOOTSTRAP})`);
    await seedRoles(ctx);
    await seedSlaPolicies(ctx);
    return { calendarEntries: await seedCalendar(ctx) };
  });
}

async function bootstrapLocked(ctx: Ctx, config: Pick<Config, 'adminPassword' | 'demo' | 'demoPassword'>): Promise<BootstrapResult> {
  await seedRoles(ctx);
  await seedCalendar(ctx);
  await seedSlaPolicies(ctx);
  await seedAssetClasses(ctx);
  const result: BootstrapResult = {
    keyMismatch: await checkKeyFingerprint(ctx),
    admin: { created: false, password: null, generated: false },
    demo: null,
  };
  const [admin] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1);
  if (!admin) {
    const generated = !config.adminPassword;
    const password = config.adminPassword ?? randomPassword();
    await createUser(
      ctx,
      { username: 'admin', displayName: '系统管理员', password, roles: ['system_admin'], serviceLines: [] },
      { mustChangePassword: true, allowRoles: true },
    );
    result.admin = { created: true, password, generated };
  }
  if (config.demo) {
    const generated = !config.demoPassword;
    const r = await loadDemo(ctx, config.demoPassword ?? randomPassword());
    if (r.loaded) result.demo = { ...r, generated };
  }
  return result;
}

/** Records the secret key's fingerprint on first start; later starts compare against it. */
async function checkKeyFingerprint(ctx: Ctx): Promise<boolean> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, KEY_SETTING)).limit(1);
  if (!row) {
    await ctx.db.insert(settings).values({ key: KEY_SETTING, value: ctx.keys.fingerprint, updatedAt: ctx.now() });
    return false;
  }
  return row.value !== ctx.keys.fingerprint;
}
const KEY_SETTING = 'kernel.secretKeyFingerprint';
