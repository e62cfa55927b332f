// Configuration versions (R-MON-05/06): a version is kept only when the stripped configuration differs
// from the device's latest one; texts are stored once per content (sha256). Any two versions of a
// device diff as unified text.
import { createTwoFilesPatch } from 'diff';
import { and, count, desc, eq } from 'drizzle-orm';
import { sha256 } from '../../kernel/crypto.ts';
import type { Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import type { TPage } from '../../../common/api.ts';
import type { TVersion } from '../../../common/configbackup.ts';
import { deviceRow } from './service.ts';
import { cfgDevices, cfgTexts, cfgVersions } from './tables.ts';

type VersionRow = typeof cfgVersions.$inferSelect;
export interface StoredVersion {
  version: VersionRow;
  first: boolean;
}
const view = (r: VersionRow): TVersion => ({ id: r.id, takenAt: r.takenAt.toISOString(), sha256: r.sha256, lines: r.lines });
const newestFirst = desc(cfgVersions.seq);

/** The device's latest version, or none. */
export async function latestVersion(ctx: Ctx, deviceId: string): Promise<VersionRow | undefined> {
  const [row] = await ctx.db.select().from(cfgVersions).where(eq(cfgVersions.deviceId, deviceId)).orderBy(newestFirst).limit(1);
  return row;
}

/**
 * Stores the stripped configuration as a new version unless it equals the latest; answers the new
 * version and whether it is the device's first, or null when nothing changed. Run inside a transaction.
 */
export async function storeVersion(tx: Ctx, deviceId: string, text: string): Promise<StoredVersion | null> {
  const hash = sha256(text);
  await tx.db.select({ id: cfgDevices.id }).from(cfgDevices).where(eq(cfgDevices.id, deviceId)).for('update'); // one new version at a time
  const latest = await latestVersion(tx, deviceId);
  if (latest?.sha256 === hash) return null;
  await tx.db.insert(cfgTexts).values({ sha256: hash, body: text }).onConflictDoNothing();
  const lines = text === '' ? 0 : text.split('\n').length - 1;
  const [version] = await tx.db
    .insert(cfgVersions)
    .values({ deviceId, seq: (latest?.seq ?? 0) + 1, takenAt: tx.now(), sha256: hash, lines })
    .returning();
  return { version: version!, first: !latest };
}

export async function listVersions(ctx: Ctx, deviceId: string, q: TPage): Promise<{ items: TVersion[]; total: number }> {
  await deviceRow(ctx, deviceId);
  const rows = await ctx.db
    .select()
    .from(cfgVersions)
    .where(eq(cfgVersions.deviceId, deviceId))
    .orderBy(newestFirst)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(cfgVersions).where(eq(cfgVersions.deviceId, deviceId));
  return { items: rows.map(view), total: total?.n ?? 0 };
}

async function versionWithText(ctx: Ctx, deviceId: string, versionId: string): Promise<VersionRow & { text: string }> {
  const [row] = await ctx.db
    .select({ v: cfgVersions, text: cfgTexts.body })
    .from(cfgVersions)
    .innerJoin(cfgTexts, eq(cfgTexts.sha256, cfgVersions.sha256))
    .where(and(eq(cfgVersions.id, versionId), eq(cfgVersions.deviceId, deviceId)));
  if (!row) throw new NotFound('configbackup.version_not_found', '配置版本不存在');
  return { ...row.v, text: row.text };
}

export async function getVersion(ctx: Ctx, deviceId: string, versionId: string): Promise<TVersion & { text: string }> {
  const v = await versionWithText(ctx, deviceId, versionId);
  return { ...view(v), text: v.text };
}

/** From version a to version b, as `diff -u` writes it, the files named by the versions' times. */
export async function diffVersions(ctx: Ctx, deviceId: string, a: string, b: string): Promise<string> {
  const [va, vb] = [await versionWithText(ctx, deviceId, a), await versionWithText(ctx, deviceId, b)];
  const device = await deviceRow(ctx, deviceId);
  return createTwoFilesPatch(device.name, device.name, va.text, vb.text, va.takenAt.toISOString(), vb.takenAt.toISOString(), {
    context: 3,
  });
}
