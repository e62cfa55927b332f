// Signatures of the security products (issue 13 point 6, R-SEC-07): per firewall, IPS, anti-virus and
// audit appliance of the asset register, the engine, signature and virus-definition versions and the
// last update, entered by hand, imported from the product's update log lines, or read by a job from
// the syslog the event centre stores. Until one is recorded, the register's own signature version
// and date stand. Ages against thresholds kept as data (default 7 days stale, 30 critical; an asset
// class may have its own).
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import { dayRangeInstants } from '../../../common/day-range.ts';
import type { z } from 'zod';
import type { Staleness, TSignature, TSignatureBoard, TThreshold, ZSignatureInput, ZSignatureQuery } from '../../../common/secops.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { securityProducts, type SecurityProduct } from '../assets/api.ts';
import { parseUpdateLine, type Library } from './update-lines.ts';
import { secSignatures, secSignatureUpdates, secThresholds } from './tables.ts';

const DAY = 86_400_000;
export const DEFAULT_THRESHOLD = { scope: 'default', staleDays: 7, criticalDays: 30 };

export async function seedThresholds(ctx: Ctx): Promise<void> {
  await ctx.db.insert(secThresholds).values(DEFAULT_THRESHOLD).onConflictDoNothing();
}

export async function getThresholds(ctx: Ctx): Promise<{ items: TThreshold[] }> {
  const rows = await ctx.db.select().from(secThresholds).orderBy(secThresholds.scope);
  return { items: rows.length ? rows : [DEFAULT_THRESHOLD] };
}

export async function putThresholds(ctx: Ctx, input: { items: TThreshold[] }): Promise<{ items: TThreshold[] }> {
  const scopes = input.items.map((t) => t.scope);
  if (!scopes.includes('default'))
    throw new Invalid('secops.threshold_default', '须保留默认阈值（default）', [{ path: 'body.items', message: '缺少 default' }]);
  if (new Set(scopes).size !== scopes.length)
    throw new Invalid('secops.threshold_dup', '阈值范围重复', [{ path: 'body.items', message: '范围重复' }]);
  await inTx(ctx, async (tx) => {
    const before = await tx.db.select().from(secThresholds);
    await tx.db.delete(secThresholds);
    await tx.db.insert(secThresholds).values(input.items);
    await audit(tx, { action: 'secops.thresholds.update', objectType: 'sec_thresholds', objectId: null, before, after: input.items });
  });
  return getThresholds(ctx);
}

function statusOf(ageDays: number | null, t: Pick<TThreshold, 'staleDays' | 'criticalDays'>): Staleness {
  if (ageDays === null) return 'unknown';
  if (ageDays >= t.criticalDays) return 'critical';
  return ageDays >= t.staleDays ? 'stale' : 'ok';
}

/** The board: every security product with its versions, age and staleness, worst first. */
export async function signatureBoard(ctx: Ctx): Promise<TSignatureBoard> {
  const [products, rows, { items: thresholds }] = [
    await securityProducts(ctx),
    await ctx.db.select().from(secSignatures),
    await getThresholds(ctx),
  ];
  const byAsset = new Map(rows.map((r) => [r.assetId, r]));
  const fallback = thresholds.find((t) => t.scope === 'default') ?? DEFAULT_THRESHOLD;
  const now = ctx.now().getTime();
  const items = products.map((p): TSignature => {
    const s = byAsset.get(p.id);
    const t = thresholds.find((x) => x.scope === p.classCode) ?? fallback;
    const updatedAt = s?.updatedAt ?? (p.signatureDate ? new Date(`${p.signatureDate}T00:00:00+08:00`) : null);
    const ageDays = updatedAt ? Math.max(0, Math.floor((now - updatedAt.getTime()) / DAY)) : null;
    return {
      assetId: p.id,
      assetNumber: p.number,
      assetName: p.name,
      className: p.className,
      vendor: p.vendor,
      model: p.model,
      mgmtIp: p.mgmtIp,
      engineVersion: s?.engineVersion ?? '',
      signatureVersion: s?.signatureVersion ?? p.signatureVersion,
      virusVersion: s?.virusVersion ?? '',
      updatedAt: updatedAt?.toISOString() ?? null,
      source: s ? (s.source as TSignature['source']) : updatedAt || p.signatureVersion ? 'register' : null,
      ageDays,
      status: statusOf(ageDays, t),
      staleDays: t.staleDays,
      criticalDays: t.criticalDays,
    };
  });
  return ranked(items);
}

/** Worst first (critical, stale, unknown, ok; the oldest first within), with the counts per status. */
function ranked(items: TSignature[]): TSignatureBoard {
  const rank: Record<Staleness, number> = { critical: 0, stale: 1, unknown: 2, ok: 3 };
  items.sort((a, b) => rank[a.status] - rank[b.status] || (b.ageDays ?? 0) - (a.ageDays ?? 0));
  const counts = { ok: 0, stale: 0, critical: 0, unknown: 0 };
  for (const i of items) counts[i.status]++;
  return { items, counts };
}

/**
 * The board as it stood at `end` (a report's period end, secops.signature_currency): each product's
 * last update known before then — today's when it was earlier, else the last one recorded before
 * `end` — aged at `end` against its thresholds, with the versions current then: each library's from
 * the last update before `end` that named it, the register's signature version if it was dated
 * before `end` (or not dated) and no update named one.
 */
export async function boardAt(ctx: Ctx, end: Date): Promise<TSignatureBoard> {
  const board = await signatureBoard({ ...ctx, now: () => end });
  const before = lt(secSignatureUpdates.updatedAt, end);
  const u = secSignatureUpdates;
  const latest = (field?: 'engineVersion' | 'signatureVersion' | 'virusVersion') =>
    ctx.db
      .selectDistinctOn([u.assetId], { assetId: u.assetId, at: u.updatedAt, source: u.source, version: field ? u[field] : u.source })
      .from(u)
      .where(field ? and(before, ne(u[field], '')) : before)
      .orderBy(u.assetId, desc(u.updatedAt))
      .then((rows) => new Map(rows.map((r) => [r.assetId, r])));
  const [last, engine, signature, virus, products] = [
    await latest(),
    await latest('engineVersion'),
    await latest('signatureVersion'),
    await latest('virusVersion'),
    await securityProducts(ctx),
  ];
  const register = new Map(products.map((p) => [p.id, p]));
  const items = board.items.map((s): TSignature => {
    const today = s.updatedAt ? Date.parse(s.updatedAt) : null;
    if (today !== null && today < end.getTime()) return s; // nothing has changed since: today's versions stood then
    const l = last.get(s.assetId);
    const p = register.get(s.assetId);
    const registered = p?.signatureVersion && (!p.signatureDate || new Date(`${p.signatureDate}T00:00:00+08:00`) < end);
    const signatureVersion = signature.get(s.assetId)?.version ?? (registered ? p.signatureVersion : '');
    const ageDays = l ? Math.floor((end.getTime() - l.at.getTime()) / DAY) : null;
    return {
      ...s,
      engineVersion: engine.get(s.assetId)?.version ?? '',
      signatureVersion,
      virusVersion: virus.get(s.assetId)?.version ?? '',
      updatedAt: l ? l.at.toISOString() : null,
      source: l ? (l.source as TSignature['source']) : signatureVersion ? 'register' : null,
      ageDays,
      status: statusOf(ageDays, s),
    };
  });
  return ranked(items);
}

/**
 * The board as a list (issue 15): as it stands now, or at the end of the day `at` (a report's
 * 特征库 numbers link here with the period's last day and a status); the counts are the whole board's.
 */
export async function listSignatures(ctx: Ctx, q: z.output<typeof ZSignatureQuery>): Promise<TSignatureBoard & { total: number }> {
  const board = q.at ? await boardAt(ctx, dayRangeInstants(undefined, q.at).to!) : await signatureBoard(ctx);
  const items = q.status ? board.items.filter((s) => s.status === q.status) : board.items;
  return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), counts: board.counts, total: items.length };
}

async function product(ctx: Ctx, assetId: string): Promise<SecurityProduct> {
  const p = (await securityProducts(ctx)).find((x) => x.id === assetId);
  if (!p) throw new NotFound('secops.product.not_found', '该资产不是在用的安全设备');
  return p;
}

type Versions = { engineVersion: string; signatureVersion: string; virusVersion: string; updatedAt: Date };

/** Records an update (empty versions keep the current ones), in the caller's transaction. */
async function recordUpdate(tx: Ctx, assetId: string, v: Versions, source: string): Promise<void> {
  const [had] = await tx.db.select().from(secSignatures).where(eq(secSignatures.assetId, assetId));
  const next = {
    engineVersion: v.engineVersion || had?.engineVersion || '',
    signatureVersion: v.signatureVersion || had?.signatureVersion || '',
    virusVersion: v.virusVersion || had?.virusVersion || '',
    // A late line about an older update never moves the time back.
    updatedAt: had && had.updatedAt > v.updatedAt ? had.updatedAt : v.updatedAt,
    source,
    recordedByName: actorName(tx),
    recordedAt: tx.now(),
  };
  await tx.db
    .insert(secSignatures)
    .values({ assetId, ...next })
    .onConflictDoUpdate({ target: secSignatures.assetId, set: next });
  await tx.db.insert(secSignatureUpdates).values({ assetId, ...v, source, byName: actorName(tx) });
  await audit(tx, { action: 'secops.signature.update', objectType: 'asset', objectId: assetId, before: had ?? null, after: next });
}

const one = async (ctx: Ctx, assetId: string) => (await signatureBoard(ctx)).items.find((i) => i.assetId === assetId)!;

export async function putSignature(ctx: Ctx, assetId: string, input: z.output<typeof ZSignatureInput>): Promise<TSignature> {
  await product(ctx, assetId);
  const updatedAt = new Date(input.updatedAt);
  if (updatedAt.getTime() > ctx.now().getTime() + 5 * 60_000)
    throw new Invalid('secops.future', '更新时间不能晚于当前时间', [{ path: 'body.updatedAt', message: '不能晚于当前时间' }]);
  await inTx(ctx, (tx) => recordUpdate(tx, assetId, { ...input, updatedAt }, 'manual'));
  return one(ctx, assetId);
}

const FIELD: Record<Library, keyof Omit<Versions, 'updatedAt'>> = {
  engine: 'engineVersion',
  signature: 'signatureVersion',
  virus: 'virusVersion',
};

/** The updates lines report, newest time per library folded into one record per line time. */
export function updatesOf(lines: readonly { text: string; at: Date }[], ref: Date): Versions[] {
  const out: Versions[] = [];
  for (const l of lines) {
    const u = parseUpdateLine(l.text, ref);
    if (!u) continue;
    const at = u.at ?? l.at;
    if (at.getTime() > ref.getTime() + 5 * 60_000) continue; // clock skew of a sender: not an update from the future
    out.push({ engineVersion: '', signatureVersion: '', virusVersion: '', [FIELD[u.library]]: u.version, updatedAt: at });
  }
  return out.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
}

/** Imports the update lines of one product's log (pasted or uploaded as text). */
export async function importSignatureLog(ctx: Ctx, assetId: string, text: string) {
  await product(ctx, assetId);
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const updates = updatesOf(
    lines.map((l) => ({ text: l, at: ctx.now() })),
    ctx.now(),
  );
  if (!updates.length)
    throw new Invalid('secops.no_updates', '未识别到特征库升级成功的日志行', [{ path: 'body.text', message: '没有升级日志' }]);
  await inTx(ctx, async (tx) => {
    for (const u of updates) await recordUpdate(tx, assetId, u, 'import');
  });
  return { lines: lines.length, updates: updates.length, signature: await one(ctx, assetId) };
}

export { recordUpdate };
