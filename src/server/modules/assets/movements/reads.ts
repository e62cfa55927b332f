// Reading asset movement requests (R-AST-01): one request, the lists (todo per level, mine, per
// asset) with the names their payloads point at, and the options of the request form.
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import {
  LEVEL_PERMISSION,
  type ApprovalLevel,
  type MovementKind,
  type TApproval,
  type TAssetRequest,
  type TAssetRequestList,
  type TMovementOptions,
} from '../../../../common/asset-movements.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { NotFound } from '../../../kernel/errors.ts';
import { departmentsByIds, listDepartments, listPeople, listRooms, listSites, peopleByIds, roomsByIds, sitesByIds } from '../../org/api.ts';
import { assets } from '../register/tables.ts';
import { assetRequests } from './tables.ts';

type RequestRow = typeof assetRequests.$inferSelect;

const cols = {
  r: assetRequests,
  number: assets.number,
  name: assets.name,
  assetStatus: assets.status,
};

async function namesFor(ctx: Ctx, rows: RequestRow[]): Promise<Map<string, string>> {
  const ids = { dept: new Set<string>(), person: new Set<string>(), site: new Set<string>(), room: new Set<string>() };
  for (const r of rows) {
    const p = r.payload;
    for (const k of ['usingDepartmentId', 'fromDepartmentId'] as const) if (typeof p[k] === 'string') ids.dept.add(p[k]);
    if (typeof p.custodianPersonId === 'string') ids.person.add(p.custodianPersonId);
    if (typeof p.siteId === 'string') ids.site.add(p.siteId);
    if (typeof p.roomId === 'string') ids.room.add(p.roomId);
  }
  // Deleted since: shown by id.
  const [d, p, st, r] = await Promise.all([
    departmentsByIds(ctx, [...ids.dept]),
    peopleByIds(ctx, [...ids.person]),
    sitesByIds(ctx, [...ids.site]),
    roomsByIds(ctx, [...ids.room]),
  ]);
  return new Map([...d, ...p, ...st, ...r].map((x) => [x.id, x.name]));
}

function view(x: { r: RequestRow; number: string; name: string; assetStatus: string }, names: Map<string, string>): TAssetRequest {
  const r = x.r;
  const own: Record<string, string> = {};
  for (const v of Object.values(r.payload)) if (typeof v === 'string' && names.has(v)) own[v] = names.get(v)!;
  return {
    id: r.id,
    assetId: r.assetId,
    assetNumber: x.number,
    assetName: x.name,
    assetStatus: x.assetStatus,
    kind: r.kind as MovementKind,
    payload: r.payload,
    names: own,
    approvals: r.approvals as TApproval[],
    status: r.status as TAssetRequest['status'],
    reason: r.reason,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  };
}

export async function getRequest(ctx: Ctx, id: string): Promise<TAssetRequest> {
  const [x] = await ctx.db
    .select(cols)
    .from(assetRequests)
    .innerJoin(assets, eq(assets.id, assetRequests.assetId))
    .where(eq(assetRequests.id, id))
    .limit(1);
  if (!x) throw new NotFound('asset_request.not_found', '资产变动申请不存在');
  return view(x, await namesFor(ctx, [x.r]));
}

export const pendingAt = (level: ApprovalLevel): SQL =>
  sql`${assetRequests.approvals} @> ${JSON.stringify([{ level, status: 'pending' }])}::jsonb`;

export interface RequestQuery {
  status?: string | undefined;
  level?: ApprovalLevel | undefined;
  mine?: boolean | undefined;
  todo?: boolean | undefined;
  kind?: string | undefined;
  assetId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The levels the actor can approve at. */
export function myLevels(ctx: Ctx): ApprovalLevel[] {
  return (Object.keys(LEVEL_PERMISSION) as ApprovalLevel[]).filter((l) => ctx.actor?.permissions.has(LEVEL_PERMISSION[l]));
}

export async function listRequests(ctx: Ctx, q: RequestQuery): Promise<TAssetRequestList> {
  const c: SQL[] = [];
  if (q.assetId) c.push(eq(assetRequests.assetId, q.assetId));
  if (q.status) c.push(eq(assetRequests.status, q.status));
  if (q.kind) c.push(eq(assetRequests.kind, q.kind));
  if (q.level) c.push(eq(assetRequests.status, 'pending'), pendingAt(q.level));
  if (q.mine) c.push(eq(assetRequests.requestedBy, ctx.actor?.id ?? '00000000-0000-0000-0000-000000000000'));
  if (q.todo) {
    const levels = myLevels(ctx);
    if (!levels.length) return { items: [], total: 0 };
    c.push(eq(assetRequests.status, 'pending'), or(...levels.map(pendingAt))!);
    if (ctx.actor) c.push(sql`${assetRequests.requestedBy} IS DISTINCT FROM ${ctx.actor.id}::uuid`);
  }
  const where = c.length ? and(...c) : undefined;
  const [t] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(assetRequests)
    .where(where);
  const rows = await ctx.db
    .select(cols)
    .from(assetRequests)
    .innerJoin(assets, eq(assets.id, assetRequests.assetId))
    .where(where)
    .orderBy(desc(assetRequests.createdAt), desc(assetRequests.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const names = await namesFor(
    ctx,
    rows.map((x) => x.r),
  );
  return { items: rows.map((x) => view(x, names)), total: t?.n ?? 0 };
}

/** GET /api/asset-requests/options: what the movement form offers (also to readers without org.read). */
export async function movementOptions(ctx: Ctx): Promise<TMovementOptions> {
  const [d, p, s, r] = [await listDepartments(ctx), await listPeople(ctx), await listSites(ctx), await listRooms(ctx)];
  return {
    departments: d.map((x) => ({ id: x.id, name: x.name })),
    people: p.map((x) => ({ id: x.id, name: x.name, departmentId: x.departmentId })),
    sites: s.map((x) => ({ id: x.id, name: x.name })),
    rooms: r.map((x) => ({ id: x.id, name: x.name, siteId: x.siteId, building: x.building, floor: x.floor })),
  };
}
