// Devices of configuration backup (R-MON-05): registered with sealed credentials that no answer ever
// carries again, listed with their last run, and their host key accepted again by an administrator
// after it changed (trust on first use).
// ssh2 is CommonJS: Node's ESM loader exposes only some of its names (not `utils`), so from the default.
import ssh2 from 'ssh2';
import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import type { z } from 'zod';
import type { TDevice, TRun, ZDeviceInput } from '../../../common/configbackup.ts';
import type { TPage } from '../../../common/api.ts';
import type { Credentials } from './session.ts';
import { cfgDevices, cfgRuns, cfgVersions } from './tables.ts';

const { utils } = ssh2;

type DeviceRow = typeof cfgDevices.$inferSelect;

// Qualified by hand: in a select from one table Drizzle writes columns unqualified, and a bare "id"
// inside the subquery would be the version's own id (the count was always 0).
const versionCount = sql<number>`(SELECT count(*)::int FROM ${cfgVersions} v WHERE v.device_id = ${cfgDevices}.id)`;

/** What a device looks like to the API: whether secrets exist, never the secrets (or their box). */
function view(r: DeviceRow, versions: number): TDevice {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    port: r.port,
    protocol: r.protocol as TDevice['protocol'],
    vendor: r.vendor as TDevice['vendor'],
    serviceLine: r.serviceLine,
    username: r.username,
    hasPassword: r.hasPassword,
    hasPrivateKey: r.hasPrivateKey,
    hasEnablePassword: r.hasEnablePassword,
    hostKey: r.hostKey,
    pendingHostKey: r.pendingHostKey,
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
    lastState: r.lastState as TDevice['lastState'],
    lastFailure: r.lastFailure as TDevice['lastFailure'],
    lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
    versions,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The audit record's picture of a device: no secret box. */
const audited = (r: DeviceRow) => {
  const { secretBox: _box, ...rest } = r;
  return rest;
};

export async function createDevice(ctx: Ctx, input: z.output<typeof ZDeviceInput>): Promise<TDevice> {
  // Telnet signs in with a password at the device's prompts: a key has no use there.
  if (input.protocol === 'telnet' && !input.password)
    throw new Invalid('configbackup.telnet_password', 'Telnet 登录需要密码', [{ path: 'body.password', message: 'Telnet 登录需要密码' }]);
  // A key ssh2 cannot read (or one locked with a passphrase) is refused now, not at 2 a.m.
  if (input.privateKey && utils.parseKey(input.privateKey) instanceof Error)
    throw new Invalid('configbackup.private_key', '私钥无法读取（应为未加密的 OpenSSH 或 PEM 格式私钥）', [
      { path: 'body.privateKey', message: '私钥无法读取' },
    ]);
  const secrets: Credentials = {
    ...(input.password ? { password: input.password } : {}),
    ...(input.privateKey ? { privateKey: input.privateKey } : {}),
    ...(input.enablePassword ? { enablePassword: input.enablePassword } : {}),
  };
  return inTx(ctx, async (tx) => {
    const [same] = await tx.db.select({ id: cfgDevices.id }).from(cfgDevices).where(eq(cfgDevices.name, input.name));
    if (same) throw new Conflict('configbackup.name_taken', `已有名为“${input.name}”的设备`);
    const [row] = await tx.db
      .insert(cfgDevices)
      .values({
        name: input.name,
        address: input.address,
        port: input.port ?? (input.protocol === 'telnet' ? 23 : 22),
        protocol: input.protocol,
        vendor: input.vendor,
        serviceLine: input.serviceLine,
        username: input.username,
        secretBox: tx.keys.encrypt(JSON.stringify(secrets)),
        hasPassword: !!secrets.password,
        hasPrivateKey: !!secrets.privateKey,
        hasEnablePassword: !!secrets.enablePassword,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'configbackup.device.create', objectType: 'cfg_device', objectId: row!.id, after: audited(row!) });
    return view(row!, 0);
  });
}

export async function listDevices(ctx: Ctx, q: TPage & { q?: string | undefined }): Promise<{ items: TDevice[]; total: number }> {
  const where = q.q ? or(ilike(cfgDevices.name, likeContains(q.q)), ilike(cfgDevices.address, likeContains(q.q))) : undefined;
  const rows = await ctx.db
    .select({ d: cfgDevices, versions: versionCount })
    .from(cfgDevices)
    .where(where)
    .orderBy(cfgDevices.name, cfgDevices.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(cfgDevices).where(where);
  return { items: rows.map((r) => view(r.d, r.versions)), total: total?.n ?? 0 };
}

export async function deviceRow(ctx: Ctx, id: string): Promise<DeviceRow> {
  const [row] = await ctx.db.select().from(cfgDevices).where(eq(cfgDevices.id, id));
  if (!row) throw new NotFound('configbackup.device_not_found', '设备不存在');
  return row;
}

export async function getDevice(ctx: Ctx, id: string): Promise<TDevice> {
  const [r] = await ctx.db.select({ d: cfgDevices, versions: versionCount }).from(cfgDevices).where(eq(cfgDevices.id, id));
  if (!r) throw new NotFound('configbackup.device_not_found', '设备不存在');
  return view(r.d, r.versions);
}

export const openSecrets = (ctx: Ctx, row: DeviceRow): Credentials => JSON.parse(ctx.keys.decrypt(row.secretBox)) as Credentials;

/**
 * Trusts the host key the device offered after the trusted one changed. The fingerprint must be the
 * one the device page shows, so an administrator accepts exactly the key they looked at.
 */
export async function acceptHostKey(ctx: Ctx, id: string, fingerprint: string): Promise<TDevice> {
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db.select().from(cfgDevices).where(eq(cfgDevices.id, id)).for('update');
    if (!row) throw new NotFound('configbackup.device_not_found', '设备不存在');
    if (!row.pendingHostKey) throw new Conflict('configbackup.no_pending_key', '该设备没有待确认的新主机密钥');
    if (row.pendingHostKey !== fingerprint)
      throw new Invalid('configbackup.fingerprint_mismatch', '指纹与设备提供的新主机密钥不一致', [
        { path: 'body.fingerprint', message: '指纹不一致' },
      ]);
    await tx.db.update(cfgDevices).set({ hostKey: fingerprint, pendingHostKey: null }).where(eq(cfgDevices.id, id));
    await audit(tx, {
      action: 'configbackup.hostkey.accept',
      objectType: 'cfg_device',
      objectId: id,
      before: { hostKey: row.hostKey },
      after: { hostKey: fingerprint },
    });
  });
  return getDevice(ctx, id);
}

export async function listRuns(ctx: Ctx, deviceId: string, q: TPage): Promise<{ items: TRun[]; total: number }> {
  await deviceRow(ctx, deviceId);
  const rows = await ctx.db
    .select()
    .from(cfgRuns)
    .where(eq(cfgRuns.deviceId, deviceId))
    .orderBy(desc(cfgRuns.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(cfgRuns)
    .where(and(eq(cfgRuns.deviceId, deviceId)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      state: r.state as TRun['state'],
      failure: r.failure as TRun['failure'],
      message: r.message,
      transcript: r.transcript,
      versionId: r.versionId,
    })),
    total: total?.n ?? 0,
  };
}
