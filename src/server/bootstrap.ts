// First start and every start: roles, calendar, the system admin, the demo.
import { randomBytes } from 'node:crypto';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Config } from './kernel/config.ts';
import { inTx, type Ctx } from './kernel/context.ts';
import { settings, users } from './kernel/db/tables.ts';
import { LOCK_BOOTSTRAP } from './kernel/db/locks.ts';
import { seedRoles } from './kernel/rbac.ts';
import { seedCalendar } from './kernel/calendar/service.ts';
import { createUser } from './kernel/auth/users.ts';
import { installRegistry } from './kernel/catalogue.ts';
import type { Registry } from './kernel/registry.ts';
import { dateOf } from '../common/dates.ts';
import { registryOf } from './site.ts';

/** A random password that meets the rules (upper, lower, digit, symbol). */
export function randomPassword(): string {
  const base = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `Yw-${base}7a`;
}

export interface BootstrapResult {
  /** Set when the database was created under another YUNWEI_SECRET_KEY (a restore, a changed env). */
  keyMismatch: boolean;
  admin: { created: boolean; password: string | null; generated: boolean };
  /** The demo loaded by this start (null when none was: disabled, already there, or a real site). */
  demo: { accounts: string[]; password: string; modules: string[]; generated: boolean } | null;
}

/** Runs in one transaction under an advisory lock: nodes starting together bootstrap one after the other. */
export async function bootstrap(
  outer: Ctx,
  config: Pick<Config, 'adminPassword' | 'demo' | 'demoPassword'>,
  registry: Registry = registryOf(),
): Promise<BootstrapResult> {
  installRegistry(registry);
  return inTx(outer, async (ctx) => {
    await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_BOOTSTRAP})`);
    return bootstrapLocked(ctx, config, registry);
  });
}

/** Roles and their grants, the calendar, then each module's reference data, in dependency order. */
async function seedAll(ctx: Ctx, registry: Registry): Promise<number> {
  await seedRoles(ctx, registry);
  const calendarEntries = await seedCalendar(ctx);
  for (const m of registry.modules) await m.seed?.(ctx);
  return calendarEntries;
}

/** Only the reference data (roles, calendar), under the same lock: what the CLI needs before it acts. */
export async function seedReferenceData(outer: Ctx, registry: Registry = registryOf()): Promise<{ calendarEntries: number }> {
  installRegistry(registry);
  return inTx(outer, async (ctx) => {
    await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_BOOTSTRAP})`);
    return { calendarEntries: await seedAll(ctx, registry) };
  });
}

async function bootstrapLocked(
  ctx: Ctx,
  config: Pick<Config, 'adminPassword' | 'demo' | 'demoPassword'>,
  registry: Registry,
): Promise<BootstrapResult> {
  await seedAll(ctx, registry);
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
    const password = config.demoPassword ?? randomPassword();
    const r = await loadDemos(ctx, registry, password);
    if (r.modules.length) result.demo = { ...r, password, generated };
  }
  return result;
}

// Which modules' demos this database holds. A module added to the list later brings its demo to a
// demo database at the next start; a real site (accounts of its own, no demo) never gets one.
const DEMO_SETTING = 'demo.modules';

async function loadDemos(ctx: Ctx, registry: Registry, password: string): Promise<{ accounts: string[]; modules: string[] }> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, DEMO_SETTING)).limit(1);
  let loaded: string[];
  if (Array.isArray(row?.value)) loaded = row.value as string[];
  else {
    const [demoUsers] = await ctx.db.select({ n: count() }).from(users).where(eq(users.isDemo, true));
    const [others] = await ctx.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.isDemo, false), ne(users.username, 'admin')));
    // A demo loaded before this list was kept holds every module of that release: adopt it as is.
    if (Number(demoUsers?.n) > 0) loaded = registry.modules.map((m) => m.id);
    else if (Number(others?.n) > 0) return { accounts: [], modules: [] };
    else loaded = [];
  }
  const env = { password, today: dateOf(ctx.now()), registry };
  const accounts: string[] = [];
  const added: string[] = [];
  // How long each module's demo took: one log line, so a slow first start names its module.
  const took: Record<string, number> = {};
  for (const m of registry.modules) {
    if (loaded.includes(m.id)) continue;
    const t0 = performance.now();
    const r = await m.demo?.(ctx, env);
    if (m.demo) took[m.id] = Math.round(performance.now() - t0);
    if (r?.accounts) accounts.push(...r.accounts);
    added.push(m.id);
  }
  if (Object.keys(took).length) ctx.log.info({ demoMs: took }, 'demo loaded');
  const value = [...loaded, ...added];
  if (!row || added.length)
    await ctx.db
      .insert(settings)
      .values({ key: DEMO_SETTING, value, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: ctx.now() } });
  return { accounts, modules: added.filter((id) => registry.module(id).demo) };
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
