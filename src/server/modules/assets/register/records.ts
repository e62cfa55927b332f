// R-AST-04 / R-AST-01: asset records with their three levels. Each field belongs to the technical
// (asset.write), finance (asset.finance) or business (asset.business) level; a change touching a
// level the user does not hold is refused whole (403 naming the level), nothing changed. Status is
// not edited here: movements (requests approved per level) change it. Every change leaves a history
// entry {field: [before, after]} and an audit record in the same transaction.
import { eq, inArray } from 'drizzle-orm';
import { dateOf } from '../../../../common/dates.ts';
import {
  ASSET_LEVELS,
  FIELD_LABELS,
  levelOfField,
  type AssetLevel,
  type TAsset,
  type TAssetInput,
  type TAssetPatch,
} from '../../../../common/assets.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { Forbidden, Invalid, NotFound } from '../../../kernel/errors.ts';
import {
  departmentsByIds,
  listDepartments,
  listPeople,
  listRooms,
  listSites,
  peopleByIds,
  placeNames,
  roomsByIds,
  sitesByIds,
} from '../../org/api.ts';
import { classIndex, type ClassIndex } from './classes.ts';
import { appendHistory } from './history.ts';
import { nextNumber, numberRule, siteSegment } from './numbering.ts';
import { assets } from './tables.ts';

export type AssetRow = typeof assets.$inferSelect;

const DAY_MS = 86_400_000;
export const DUE_SOON_DAYS = 90;

/** 403 naming the first level among `fields` that the actor lacks; system actors hold every level. */
export function assertLevels(ctx: Ctx, fields: string[]): void {
  const a = ctx.actor;
  if (!a) throw new Forbidden();
  if (a.via === 'system') return;
  const levels = new Set<AssetLevel>(fields.map(levelOfField));
  for (const l of ['technical', 'finance', 'business'] as const) {
    if (!levels.has(l)) continue;
    const need = ASSET_LEVELS[l];
    if (!a.permissions.has(need.perm))
      throw new Forbidden('asset.level_forbidden', `没有修改${need.name}的权限（需要 ${need.perm}）`, {
        level: l,
        permission: need.perm,
        fields: fields.filter((f) => levelOfField(f) === l),
      });
  }
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export function due(date: string | null, today: string): TAsset['warranty'] {
  if (!date) return { state: 'none', daysLeft: null };
  const d = daysBetween(today, date);
  return { state: d < 0 ? 'expired' : d <= DUE_SOON_DAYS ? 'expiring' : 'ok', daysLeft: d };
}

/** Straight line without residual value: book value today, never below zero. */
export function depreciation(
  r: Pick<AssetRow, 'originalValue' | 'acquiredOn' | 'depreciationYears'>,
  today: string,
): TAsset['depreciation'] {
  if (r.originalValue === null || !r.acquiredOn || !r.depreciationYears) return null;
  const value = Number(r.originalValue);
  const annual = value / r.depreciationYears;
  const years = Math.max(0, daysBetween(r.acquiredOn, today)) / 365.25;
  const accumulated = Math.min(value, annual * years);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { annual: round(annual), accumulated: round(accumulated), bookValue: round(value - accumulated) };
}

interface Names {
  idx: ClassIndex;
  sites: Map<string, { name: string; code: string }>;
  rooms: Map<string, { name: string }>;
  depts: Map<string, string>;
  people: Map<string, string>;
}

/**
 * Everything the views of these rows name, and only that: the classes (read once per request, or
 * given), and the sites, rooms, departments and people of these rows, in three statements side by
 * side (none for what no row names).
 */
export async function namesFor(ctx: Ctx, rows: AssetRow[], classes?: ClassIndex): Promise<Names> {
  const idx = classes ?? (await classIndex(ctx));
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [places, depts, people] = await Promise.all([
    placeNames(ctx, ids(rows.map((r) => r.siteId)), ids(rows.map((r) => r.roomId))),
    departmentsByIds(ctx, ids(rows.map((r) => r.usingDepartmentId))),
    peopleByIds(ctx, ids(rows.map((r) => r.custodianPersonId))),
  ]);
  return {
    idx,
    sites: places.sites,
    rooms: places.rooms,
    depts: new Map(depts.map((d) => [d.id, d.name])),
    people: new Map(people.map((p) => [p.id, p.name])),
  };
}

export function locationOf(
  r: Pick<AssetRow, 'building' | 'floor' | 'rack' | 'rackUnit'>,
  siteName: string | null,
  roomName: string | null,
): string {
  return [
    siteName,
    r.building,
    r.floor && `${r.floor}${/层|F$/i.test(r.floor) ? '' : '层'}`,
    roomName,
    r.rack && `机柜 ${r.rack}`,
    r.rackUnit && `${r.rackUnit}U`,
  ]
    .filter(Boolean)
    .join(' / ');
}

export function toView(r: AssetRow, n: Names, today: string): TAsset {
  const path = n.idx.path(r.classCode);
  const site = r.siteId ? n.sites.get(r.siteId) : undefined;
  const room = r.roomId ? n.rooms.get(r.roomId) : undefined;
  return {
    ...r,
    className: path.at(-1)?.name ?? r.classCode,
    classPath: path.map((c) => ({ code: c.code, name: c.name })),
    siteName: site?.name ?? null,
    siteCode: site?.code ?? null,
    roomName: room?.name ?? null,
    location: locationOf(r, site?.name ?? null, room?.name ?? null),
    warranty: due(r.warrantyUntil, today),
    eos: due(r.endOfSupport, today),
    depreciation: depreciation(r, today),
    usingDepartmentName: r.usingDepartmentId ? (n.depts.get(r.usingDepartmentId) ?? null) : null,
    custodianName: r.custodianPersonId ? (n.people.get(r.custodianPersonId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function viewsOf(ctx: Ctx, rows: AssetRow[]): Promise<TAsset[]> {
  const n = await namesFor(ctx, rows);
  const today = dateOf(ctx.now());
  return rows.map((r) => toView(r, n, today));
}

/** The asset, locked for the rest of the transaction when `lock`. */
export async function loadAsset(ctx: Ctx, id: string, lock = false): Promise<AssetRow> {
  const q = ctx.db.select().from(assets).where(eq(assets.id, id)).limit(1);
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('asset.not_found', '资产不存在');
  return r;
}

export async function getAsset(ctx: Ctx, id: string): Promise<TAsset> {
  const [v] = await viewsOf(ctx, [await loadAsset(ctx, id)]);
  return v!;
}

export async function getAssetByNumber(ctx: Ctx, number: string): Promise<TAsset> {
  const [r] = await ctx.db
    .select()
    .from(assets)
    .where(inArray(assets.number, [...new Set([number.trim(), number.trim().toUpperCase()])]))
    .limit(1);
  if (!r) throw new NotFound('asset.not_found', `资产 ${number} 不存在`);
  const [v] = await viewsOf(ctx, [r]);
  return v!;
}

export async function assetExists(ctx: Ctx, id: string): Promise<boolean> {
  const [r] = await ctx.db.select({ id: assets.id }).from(assets).where(eq(assets.id, id)).limit(1);
  return !!r;
}

/** Ids of these that exist (for relations and lines checking many at once). */
export async function existingAssetIds(ctx: Ctx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.db.select({ id: assets.id }).from(assets).where(inArray(assets.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** References of a record checked against the org module and the class tree; fills the site from the room. */
export async function checkRefs(
  ctx: Ctx,
  v: Partial<Pick<TAssetInput, 'classCode' | 'siteId' | 'roomId' | 'usingDepartmentId' | 'custodianPersonId'>>,
  idx: ClassIndex,
  path = 'body',
): Promise<{ kind?: string; siteId?: string | null; siteCode?: string | null }> {
  const out: { kind?: string; siteId?: string | null; siteCode?: string | null } = {};
  if (v.classCode !== undefined) {
    const c = idx.byCode.get(v.classCode);
    if (!c) throw new Invalid('asset.class_unknown', `资产分类 ${v.classCode} 不存在`, [{ path: `${path}.classCode`, message: '不存在' }]);
    if (c.disabled)
      throw new Invalid('asset.class_disabled', `资产分类 ${c.name} 已停用`, [{ path: `${path}.classCode`, message: '已停用' }]);
    out.kind = c.kind;
  }
  let siteId = v.siteId;
  if (v.roomId) {
    const [room] = await roomsByIds(ctx, [v.roomId]);
    if (!room) throw new Invalid('asset.room_unknown', '房间不存在', [{ path: `${path}.roomId`, message: '不存在' }]);
    if (siteId && room.siteId !== siteId)
      throw new Invalid('asset.room_site', '房间不在所选地点', [{ path: `${path}.roomId`, message: '不在所选地点' }]);
    siteId = room.siteId;
    out.siteId = siteId;
  }
  if (siteId) {
    const [site] = await sitesByIds(ctx, [siteId]);
    if (!site) throw new Invalid('asset.site_unknown', '地点不存在', [{ path: `${path}.siteId`, message: '不存在' }]);
    out.siteCode = site.code;
  }
  if (v.usingDepartmentId && !(await departmentsByIds(ctx, [v.usingDepartmentId])).length)
    throw new Invalid('asset.department_unknown', '使用部门不存在', [{ path: `${path}.usingDepartmentId`, message: '不存在' }]);
  if (v.custodianPersonId && !(await peopleByIds(ctx, [v.custodianPersonId])).length)
    throw new Invalid('asset.custodian_unknown', '保管人不存在', [{ path: `${path}.custodianPersonId`, message: '不存在' }]);
  return out;
}

/** Inserts one checked record with a new number, history 'created' (or `historyKind`); no audit (the caller's). */
export async function insertAsset(
  tx: Ctx,
  input: TAssetInput,
  o: { idx: ClassIndex; rule: string; siteCode: string | null; historyKind?: string; note?: string },
): Promise<AssetRow> {
  const now = tx.now();
  const number = await nextNumber(tx, o.rule, {
    class: o.idx.numberCode(input.classCode),
    site: siteSegment(o.siteCode),
    year: dateOf(now).slice(0, 4),
  });
  const kind = o.idx.byCode.get(input.classCode)?.kind ?? 'other';
  const [row] = await tx.db
    .insert(assets)
    .values({ ...input, number, kind, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insert failed');
  await appendHistory(tx, row.id, o.historyKind ?? 'created', o.note ?? `登记资产 ${number}`, { number, status: row.status });
  return row;
}

/**
 * Registers an asset with a generated number. Level checks are the caller's (the route checks the
 * user's levels; procurement receipt registers what was bought on the agency's approval).
 */
export async function createAsset(ctx: Ctx, input: TAssetInput, opts: { note?: string; historyKind?: string } = {}): Promise<TAsset> {
  const idx = await classIndex(ctx);
  const refs = await checkRefs(ctx, input, idx);
  const values: TAssetInput = { ...input, ...(refs.siteId !== undefined ? { siteId: refs.siteId } : {}) };
  const rule = await numberRule(ctx);
  const row = await inTx(ctx, async (tx) => {
    const r = await insertAsset(tx, values, { idx, rule, siteCode: refs.siteCode ?? null, ...opts });
    await audit(tx, { action: 'asset.create', objectType: 'asset', objectId: r.id, after: r });
    return r;
  });
  return getAsset(ctx, row.id);
}

const norm = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
const same = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

/** PATCH: only what changed is written; levels checked field by field first. */
export async function updateAsset(ctx: Ctx, id: string, patch: TAssetPatch): Promise<TAsset> {
  if ('status' in patch)
    throw new Invalid('asset.status_by_movement', '资产状态须通过资产变动申请修改', [{ path: 'body.status', message: '不能直接修改' }]);
  const fields = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  assertLevels(ctx, fields);
  const idx = await classIndex(ctx);
  await inTx(ctx, async (tx) => {
    const before = await loadAsset(tx, id);
    const changes: Record<string, [unknown, unknown]> = {};
    const set: Record<string, unknown> = {};
    for (const f of fields) {
      const next = (patch as Record<string, unknown>)[f];
      const prev = (before as Record<string, unknown>)[f];
      if (f === 'originalValue' && prev !== null && next !== null && Number(prev) === Number(next)) continue;
      if (same(prev, next)) continue;
      changes[f] = [norm(prev), norm(next)];
      set[f] = next;
    }
    if (!Object.keys(set).length) return;
    // A room or class change re-checks the references (a room in another site moves the site too).
    const refs = await checkRefs(
      tx,
      {
        ...(set.classCode !== undefined ? { classCode: set.classCode as string } : {}),
        ...(set.roomId !== undefined || set.siteId !== undefined
          ? { roomId: (set.roomId ?? before.roomId) as string | null, siteId: (set.siteId ?? before.siteId) as string | null }
          : {}),
        ...(set.usingDepartmentId ? { usingDepartmentId: set.usingDepartmentId as string } : {}),
        ...(set.custodianPersonId ? { custodianPersonId: set.custodianPersonId as string } : {}),
      },
      idx,
    );
    if (refs.kind) set.kind = refs.kind;
    if (refs.siteId !== undefined && refs.siteId !== before.siteId) {
      set.siteId = refs.siteId;
      changes.siteId = [before.siteId, refs.siteId];
    }
    const [after] = await tx.db
      .update(assets)
      .set({ ...set, updatedAt: tx.now() })
      .where(eq(assets.id, id))
      .returning();
    const levels = [...new Set(Object.keys(changes).map(levelOfField))].map((l) => ASSET_LEVELS[l].name);
    await appendHistory(
      tx,
      id,
      'updated',
      `修改${levels.join('、')}：${Object.keys(changes)
        .map((f) => FIELD_LABELS[f] ?? f)
        .join('、')}`,
      changes,
    );
    await audit(tx, { action: 'asset.update', objectType: 'asset', objectId: id, before, after, detail: { changes } });
  });
  return getAsset(ctx, id);
}

/** What the asset forms and filters choose from (sites with rooms, departments, people), for asset readers without org.read. */
export async function assetOptions(ctx: Ctx) {
  const sites = await listSites(ctx);
  const rooms = await listRooms(ctx, 5000);
  const depts = await listDepartments(ctx);
  const people = await listPeople(ctx, 5000);
  return {
    sites: sites.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      rooms: rooms.filter((r) => r.siteId === s.id).map((r) => ({ id: r.id, name: r.name, building: r.building, floor: r.floor })),
    })),
    departments: depts.map((d) => ({ id: d.id, name: d.name })),
    people: people.map((p) => ({ id: p.id, name: p.name, departmentId: p.departmentId })),
  };
}
