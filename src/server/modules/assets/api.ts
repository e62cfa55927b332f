// What other modules may read of the assets module (ARCHITECTURE.md: a module uses another only
// through its read functions): an asset as the register shows it, by id or by its number (the
// number is what tickets, labels and monitoring name).
import type { TAsset } from '../../../common/assets.ts';
import { and, asc, eq, ilike, inArray, ne, or } from 'drizzle-orm';
import { likeContains } from '../../kernel/db/like.ts';
import type { Ctx } from '../../kernel/context.ts';
import { getAsset, getAssetByNumber } from './register/records.ts';
import { assetClasses, assets } from './register/tables.ts';

/** One asset with its names, location, warranty and depreciation; 404 asset.not_found otherwise. */
export const assetById = (ctx: Ctx, id: string): Promise<TAsset> => getAsset(ctx, id);

/** The asset carrying this number (as printed on its label); 404 asset.not_found otherwise. */
export const assetByNumber = (ctx: Ctx, number: string): Promise<TAsset> => getAssetByNumber(ctx, number);

/** The kind and class of assets (monitoring's reports: which devices are security devices, R-MON-09). No scope: names only. */
export async function assetKinds(
  ctx: Ctx,
  ids: readonly string[],
): Promise<{ id: string; number: string; name: string; kind: string; className: string }[]> {
  if (!ids.length) return [];
  return ctx.db
    .select({ id: assets.id, number: assets.number, name: assets.name, kind: assets.kind, className: assetClasses.name })
    .from(assets)
    .innerJoin(assetClasses, eq(assetClasses.code, assets.classCode))
    .where(inArray(assets.id, [...ids]));
}

export interface AssetRef {
  id: string;
  number: string;
  name: string;
}

/**
 * The assets whose management IP is one of these addresses (vulnerability findings, issue 13), by
 * address; an address no asset carries is absent. Asked in chunks so a scan of 100k hosts stays one
 * bounded query each.
 */
export async function assetsByManagementIp(ctx: Ctx, addresses: readonly string[]): Promise<Map<string, AssetRef>> {
  const out = new Map<string, AssetRef>();
  const wanted = [...new Set(addresses.filter((a) => a !== ''))];
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await ctx.db
      .select({ id: assets.id, number: assets.number, name: assets.name, ip: assets.mgmtIp })
      .from(assets)
      .where(inArray(assets.mgmtIp, wanted.slice(i, i + 1000)));
    for (const r of rows) if (!out.has(r.ip)) out.set(r.ip, { id: r.id, number: r.number, name: r.name });
  }
  return out;
}

/** Number and name of these assets, by id (a list that shows findings by asset). */
export async function assetRefs(ctx: Ctx, ids: readonly string[]): Promise<Map<string, AssetRef>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await ctx.db
    .select({ id: assets.id, number: assets.number, name: assets.name })
    .from(assets)
    .where(inArray(assets.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The assets of a service line of these kinds that are in use (an inspection sheet's devices), by number. */
export async function assetsInUse(ctx: Ctx, serviceLine: string, kinds: readonly string[], limit = 1000): Promise<AssetRef[]> {
  if (!kinds.length) return [];
  return ctx.db
    .select({ id: assets.id, number: assets.number, name: assets.name })
    .from(assets)
    .where(and(eq(assets.serviceLine, serviceLine), inArray(assets.kind, [...kinds]), eq(assets.status, 'in_use')))
    .orderBy(asc(assets.number))
    .limit(limit);
}

export interface SecurityProduct extends AssetRef {
  classCode: string;
  className: string;
  vendor: string;
  model: string;
  mgmtIp: string;
  /** As the register keeps it (R-SEC signature currency): the version and its date, or ''/null. */
  signatureVersion: string;
  signatureDate: string | null;
}

/** The security devices not retired (secops's signature board, R-SEC-07), by number. No scope: names only. */
export async function securityProducts(ctx: Ctx): Promise<SecurityProduct[]> {
  return ctx.db
    .select({
      id: assets.id,
      number: assets.number,
      name: assets.name,
      classCode: assets.classCode,
      className: assetClasses.name,
      vendor: assets.vendor,
      model: assets.model,
      mgmtIp: assets.mgmtIp,
      signatureVersion: assets.signatureVersion,
      signatureDate: assets.signatureDate,
    })
    .from(assets)
    .innerJoin(assetClasses, eq(assetClasses.code, assets.classCode))
    .where(and(eq(assets.kind, 'security'), ne(assets.status, 'retired')))
    .orderBy(asc(assets.number))
    .limit(5000);
}

/** Assets in service of this vendor whose model or name contains `product` (secops bulletins, R-SEC-08). */
export async function assetsOfProduct(
  ctx: Ctx,
  vendor: string,
  product: string,
): Promise<(AssetRef & { vendor: string; model: string; firmware: string })[]> {
  return ctx.db
    .select({
      id: assets.id,
      number: assets.number,
      name: assets.name,
      vendor: assets.vendor,
      model: assets.model,
      firmware: assets.firmware,
    })
    .from(assets)
    .where(
      and(
        ne(assets.status, 'retired'),
        ilike(assets.vendor, likeContains(vendor)),
        or(ilike(assets.model, likeContains(product)), ilike(assets.name, likeContains(product))),
      ),
    )
    .orderBy(asc(assets.number))
    .limit(2000);
}
