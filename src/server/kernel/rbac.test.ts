// Built-in roles are seeded once; a grant a new release adds reaches existing roles once, and a
// grant the security admin removed stays removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { and, eq } from 'drizzle-orm';
import { testDb, type TestDb } from '../test/harness.ts';
import { keyring } from './crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from './context.ts';
import { rolePermissions, settings } from './db/tables.ts';
import { getRole, seedRoles, updateRole } from './rbac.ts';
import { registryOf } from '../site.ts';

let db: TestDb;
let ctx: Ctx;
beforeAll(async () => {
  db = await testDb();
  ctx = {
    db: db.database.db,
    actor: SYSTEM_ACTOR,
    ip: null,
    requestId: 't',
    now: () => new Date(),
    log: pino({ level: 'silent' }),
    keys: keyring(Buffer.alloc(32, 1)),
  };
  await seedRoles(ctx, registryOf());
});
afterAll(async () => {
  await db.drop();
});

describe('seeding the built-in roles', () => {
  it('does not give back a permission the security admin removed', async () => {
    const before = await getRole(ctx, 'engineer');
    expect(before.permissions).toContain('org.read');
    await updateRole(ctx, 'engineer', { permissions: before.permissions.filter((p) => p !== 'org.read') });
    await seedRoles(ctx, registryOf());
    expect((await getRole(ctx, 'engineer')).permissions).not.toContain('org.read');
  });

  it('grants, once, a permission a new release adds to a built-in role', async () => {
    // As if `contract.read` were new for duty operators: not yet granted, never seeded.
    await db.database.db
      .delete(rolePermissions)
      .where(and(eq(rolePermissions.roleCode, 'duty_operator'), eq(rolePermissions.permission, 'contract.read')));
    const [row] = await db.database.db.select().from(settings).where(eq(settings.key, 'rbac.seededGrants'));
    const value = (row!.value as string[]).filter((g) => g !== 'duty_operator:contract.read');
    await db.database.db.update(settings).set({ value }).where(eq(settings.key, 'rbac.seededGrants'));
    expect((await getRole(ctx, 'duty_operator')).permissions).not.toContain('contract.read');
    await seedRoles(ctx, registryOf());
    expect((await getRole(ctx, 'duty_operator')).permissions).toContain('contract.read');
  });
});
