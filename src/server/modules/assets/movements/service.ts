// R-AST-01 three-level management: movements (receipt, assignment, transfer, repair, retirement) are
// requests approved at the levels they touch, and applied to the asset in the transaction of the
// last approval. The level matrix is `levelsFor` in common/asset-movements.ts:
//
//   movement    | IT (asset.approve) | finance (asset.finance)         | business (asset.business)
//   receipt     | yes                | yes: opens the fixed-asset card | –
//   assignment  | yes                | –                               | yes: to a using department
//   transfer    | yes                | between two departments         | to or from a using department
//   repair      | yes                | –                               | –
//   retirement  | yes                | yes: write-off                  | –
//
// Levels approve in any order; a rejection at any level rejects the request. One pending request per
// asset at a time, so two movements never race for the same asset. Nobody approves their own request.
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import {
  LEVEL_PERMISSION,
  LEVEL_ZH,
  levelsFor,
  MOVEMENT_KIND_ZH,
  type ApprovalLevel,
  type MovementKind,
  type TApproval,
  type TAssetRequest,
  type TAssetRequestList,
  type TDecideInput,
  type TMovementInput,
  type TMovementOptions,
} from '../../../../common/asset-movements.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { rolePermissions } from '../../../kernel/db/tables.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../../kernel/notify/inbox.ts';
import { departmentStore, getPeopleByIds, personStore, roomStore, siteStore } from '../../org/service.ts';
import { appendHistory } from '../register/history.ts';
import { loadAsset, type AssetRow } from '../register/records.ts';
import { assets } from '../register/tables.ts';
import { assetRequests } from './tables.ts';

type RequestRow = typeof assetRequests.$inferSelect;

/** Users of the roles that hold a permission (roles are data: role_permissions). */
export async function usersWithPermission(ctx: Ctx, permission: string): Promise<string[]> {
  const roles = await ctx.db
    .select({ code: rolePermissions.roleCode })
    .from(rolePermissions)
    .where(eq(rolePermissions.permission, permission));
  return usersWithRoles(
    ctx,
    roles.map((r) => r.code),
  );
}

const actorName = (ctx: Ctx) => ctx.actor?.displayName || ctx.actor?.username || '系统';

// ---- applying a movement -------------------------------------------------------------------------

const LOCATION_FIELDS = ['siteId', 'roomId', 'building', 'floor', 'rack', 'rackUnit'] as const;
type Patch = Partial<
  Pick<
    AssetRow,
    | (typeof LOCATION_FIELDS)[number]
    | 'status'
    | 'usingDepartmentId'
    | 'custodianPersonId'
    | 'assetCardNumber'
    | 'originalValue'
    | 'acquiredOn'
    | 'depreciationYears'
  >
>;

/** What a movement changes on the asset. */
export function movementPatch(kind: MovementKind, payload: Record<string, unknown>): Patch {
  const p: Record<string, unknown> = {};
  for (const f of LOCATION_FIELDS) if (payload[f] !== undefined) p[f] = payload[f];
  if (payload.siteId !== undefined && payload.roomId === undefined) p.roomId = null; // a new site drops the old room
  switch (kind) {
    case 'receipt':
      p.status = 'in_stock';
      for (const f of ['assetCardNumber', 'originalValue', 'acquiredOn', 'depreciationYears'] as const)
        if (payload[f] !== undefined) p[f] = payload[f];
      break;
    case 'assignment':
      p.status = 'in_use';
      if (payload.usingDepartmentId !== undefined) p.usingDepartmentId = payload.usingDepartmentId;
      if (payload.custodianPersonId !== undefined) p.custodianPersonId = payload.custodianPersonId;
      break;
    case 'transfer':
      if (payload.usingDepartmentId !== undefined) p.usingDepartmentId = payload.usingDepartmentId;
      if (payload.custodianPersonId !== undefined) p.custodianPersonId = payload.custodianPersonId;
      break;
    case 'repair':
      p.status = 'in_repair';
      break;
    case 'retirement':
      p.status = 'retired';
      break;
  }
  return p;
}

/**
 * Applies a movement to the (locked) asset: the update, one history row with every field's before
 * and after, and nothing else (the caller audits). Shared by the last approval and the EOS
 * replacement, which retires the replaced asset through here.
 */
export async function applyMovement(
  tx: Ctx,
  asset: AssetRow,
  kind: MovementKind,
  payload: Record<string, unknown>,
  note: string,
  extra: Record<string, unknown> = {},
): Promise<Record<string, [unknown, unknown]>> {
  const patch = movementPatch(kind, payload);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(patch)) {
    const before = (asset as Record<string, unknown>)[k] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(v ?? null)) changes[k] = [before, v ?? null];
  }
  await tx.db
    .update(assets)
    .set({ ...patch, updatedAt: tx.now() })
    .where(eq(assets.id, asset.id));
  await appendHistory(tx, asset.id, 'moved', note, { movement: kind, changes, ...extra });
  return changes;
}

// ---- requests ------------------------------------------------------------------------------------

function preconditions(a: AssetRow, input: TMovementInput): void {
  if (a.status === 'retired') throw new Conflict('asset.retired', '资产已报废，不能再提出变动申请');
  const p = input.payload as Record<string, unknown>;
  switch (input.kind) {
    case 'assignment':
      if (!p.usingDepartmentId && !a.usingDepartmentId)
        throw new Invalid('asset_request.department_required', '领用须指定使用部门', [
          { path: 'body.payload.usingDepartmentId', message: '请选择使用部门' },
        ]);
      if (a.status === 'in_use' && !p.usingDepartmentId)
        throw new Conflict('asset_request.already_in_use', '资产已在用；更换部门或位置请提出调拨申请');
      break;
    case 'transfer': {
      const touches = [...LOCATION_FIELDS, 'usingDepartmentId', 'custodianPersonId'].some((f) => p[f] !== undefined);
      if (!touches)
        throw new Invalid('asset_request.transfer_empty', '调拨须指定新的位置或使用部门', [
          { path: 'body.payload', message: '没有要变更的内容' },
        ]);
      if (a.status === 'in_repair') throw new Conflict('asset_request.in_repair', '资产维修中，修复返回后才能调拨');
      break;
    }
    case 'repair':
      if (a.status === 'in_repair') throw new Conflict('asset_request.in_repair', '资产已在维修中');
      break;
    case 'receipt':
      if (a.status === 'in_use' || a.status === 'in_repair')
        throw new Conflict('asset_request.receipt_state', '在用或维修中的资产不能办理入库');
      break;
    case 'retirement':
      break;
  }
}

/** The departments, people, sites and rooms a payload names must exist. */
async function checkReferences(ctx: Ctx, p: Record<string, unknown>): Promise<void> {
  const str = (k: string) => (typeof p[k] === 'string' ? p[k] : null);
  if (str('usingDepartmentId')) await departmentStore.get(ctx, str('usingDepartmentId')!);
  if (str('custodianPersonId')) await personStore.get(ctx, str('custodianPersonId')!);
  if (str('siteId')) await siteStore.get(ctx, str('siteId')!);
  if (str('roomId')) {
    const room = await roomStore.get(ctx, str('roomId')!);
    if (str('siteId') && room.siteId !== str('siteId'))
      throw new Invalid('asset_request.room_site', '房间不属于所选地点', [{ path: 'body.payload.roomId', message: '房间不属于所选地点' }]);
  }
}

async function notifyApprovers(tx: Ctx, r: RequestRow, a: AssetRow, levels: ApprovalLevel[]): Promise<void> {
  const ids = new Set<string>();
  for (const l of levels) for (const u of await usersWithPermission(tx, LEVEL_PERMISSION[l])) ids.add(u);
  if (r.requestedBy) ids.delete(r.requestedBy);
  await notifyUsers(tx, {
    userIds: [...ids],
    event: 'asset.request',
    title: `资产变动待审批：${a.number} ${a.name}（${MOVEMENT_KIND_ZH[r.kind as MovementKind]}）`,
    body: `${r.requestedByName} 提出；需${levels.map((l) => LEVEL_ZH[l]).join('、')}审批。${r.reason}`,
    link: '/assets/requests',
    objectType: 'asset_request',
    objectId: r.id,
  });
}

/** POST /api/assets/:id/requests (asset.write). */
export async function createRequest(ctx: Ctx, assetId: string, input: TMovementInput): Promise<TAssetRequest> {
  const p = input.payload as Record<string, unknown>;
  await checkReferences(ctx, p);
  const id = await inTx(ctx, async (tx) => {
    const a = await loadAsset(tx, assetId, true);
    preconditions(a, input);
    const [open] = await tx.db
      .select({ id: assetRequests.id })
      .from(assetRequests)
      .where(and(eq(assetRequests.assetId, assetId), eq(assetRequests.status, 'pending')))
      .limit(1);
    if (open) throw new Conflict('asset_request.pending_exists', '该资产已有待审批的变动申请，请等其办结或撤回后再提出');
    const toDept = 'usingDepartmentId' in p ? ((p.usingDepartmentId as string | null | undefined) ?? null) : undefined;
    const levels = levelsFor(
      input.kind,
      a.usingDepartmentId,
      input.kind === 'assignment' && toDept === undefined ? a.usingDepartmentId : toDept,
    );
    const approvals: TApproval[] = levels.map((level) => ({ level, status: 'pending' }));
    const [r] = await tx.db
      .insert(assetRequests)
      .values({
        assetId,
        kind: input.kind,
        payload: { ...p, fromDepartmentId: a.usingDepartmentId, fromStatus: a.status },
        approvals,
        status: 'pending',
        reason: input.reason,
        requestedBy: tx.actor?.id ?? null,
        requestedByName: actorName(tx),
        createdAt: tx.now(),
      })
      .returning();
    await appendHistory(tx, assetId, 'request', `提出${MOVEMENT_KIND_ZH[input.kind]}申请${input.reason ? `：${input.reason}` : ''}`, {
      requestId: r!.id,
      movement: input.kind,
      levels,
    });
    await notifyApprovers(tx, r!, a, levels);
    await audit(tx, {
      action: 'asset.request.create',
      objectType: 'asset_request',
      objectId: r!.id,
      after: { assetId, kind: input.kind, payload: p, levels },
    });
    return r!.id;
  });
  return getRequest(ctx, id);
}

async function lockRequest(tx: Ctx, id: string): Promise<RequestRow> {
  const [r] = await tx.db.select().from(assetRequests).where(eq(assetRequests.id, id)).for('update').limit(1);
  if (!r) throw new NotFound('asset_request.not_found', '资产变动申请不存在');
  return r;
}

/** POST /api/asset-requests/:id/decide: one level's decision; the last approval applies the movement. */
export async function decideRequest(ctx: Ctx, id: string, d: TDecideInput): Promise<TAssetRequest> {
  if (!ctx.actor?.permissions.has(LEVEL_PERMISSION[d.level]))
    throw new Forbidden('asset_request.level_forbidden', `只有${LEVEL_ZH[d.level]}可以在该层级审批`, { level: d.level });
  await inTx(ctx, async (tx) => {
    const [head] = await tx.db.select({ assetId: assetRequests.assetId }).from(assetRequests).where(eq(assetRequests.id, id)).limit(1);
    if (!head) throw new NotFound('asset_request.not_found', '资产变动申请不存在');
    // Lock order: the asset, then the request (as createRequest), so two decisions never deadlock.
    const a = await loadAsset(tx, head.assetId, true);
    const r = await lockRequest(tx, id);
    if (r.status !== 'pending') throw new Conflict('asset_request.closed', '申请已办结，不能再审批');
    const step = r.approvals.find((x) => x.level === d.level);
    if (!step) throw new Conflict('asset_request.level_not_needed', `该申请不需要${LEVEL_ZH[d.level]}审批`);
    if (step.status !== 'pending') throw new Conflict('asset_request.level_decided', `${LEVEL_ZH[d.level]}已审批过该申请`);
    if (r.requestedBy && r.requestedBy === tx.actor?.id) throw new Forbidden('asset_request.own', '不能审批本人提出的申请');
    const now = tx.now();
    const approvals = r.approvals.map((x) =>
      x.level === d.level
        ? {
            ...x,
            status: d.decision === 'approve' ? 'approved' : 'rejected',
            by: tx.actor!.id,
            byName: actorName(tx),
            at: now.toISOString(),
            comment: d.comment,
          }
        : x,
    );
    const kind = r.kind as MovementKind;
    const label = MOVEMENT_KIND_ZH[kind];
    let status = 'pending';
    if (d.decision === 'reject') status = 'rejected';
    else if (approvals.every((x) => x.status === 'approved')) status = 'approved';
    await tx.db
      .update(assetRequests)
      .set({ approvals, status, decidedAt: status === 'pending' ? null : now })
      .where(eq(assetRequests.id, id));
    let changes: Record<string, [unknown, unknown]> | null = null;
    if (status === 'approved') {
      if (a.status === 'retired') throw new Conflict('asset.retired', '资产已报废，不能再办理变动');
      changes = await applyMovement(tx, a, kind, r.payload, `${label}申请审批通过，已生效${r.reason ? `：${r.reason}` : ''}`, {
        requestId: id,
      });
    } else {
      await appendHistory(
        tx,
        a.id,
        'request',
        `${LEVEL_ZH[d.level]}${d.decision === 'approve' ? '同意' : '驳回'}${label}申请${d.comment ? `：${d.comment}` : ''}`,
        { requestId: id, level: d.level, decision: d.decision },
      );
    }
    if (status !== 'pending' && r.requestedBy)
      await notifyUsers(tx, {
        userIds: [r.requestedBy],
        event: 'asset.request_decided',
        title: `资产${label}申请${status === 'approved' ? '已审批通过并生效' : '被驳回'}：${a.number} ${a.name}`,
        body: d.comment,
        link: `/assets/requests`,
        severity: status === 'approved' ? 'info' : 'warning',
        objectType: 'asset_request',
        objectId: id,
      });
    await audit(tx, {
      action: `asset.request.${d.decision}`,
      objectType: 'asset_request',
      objectId: id,
      detail: { level: d.level, comment: d.comment, status, assetId: a.id, ...(changes ? { changes } : {}) },
    });
  });
  return getRequest(ctx, id);
}

/** POST /api/asset-requests/:id/cancel: the requester withdraws a pending request. */
export async function cancelRequest(ctx: Ctx, id: string): Promise<TAssetRequest> {
  await inTx(ctx, async (tx) => {
    const r = await lockRequest(tx, id);
    if (r.requestedBy !== tx.actor?.id) throw new Forbidden('asset_request.not_requester', '只有申请人可以撤回申请');
    if (r.status !== 'pending') throw new Conflict('asset_request.closed', '申请已办结，不能撤回');
    await tx.db.update(assetRequests).set({ status: 'cancelled', decidedAt: tx.now() }).where(eq(assetRequests.id, id));
    await appendHistory(tx, r.assetId, 'request', `撤回${MOVEMENT_KIND_ZH[r.kind as MovementKind]}申请`, { requestId: id });
    await audit(tx, { action: 'asset.request.cancel', objectType: 'asset_request', objectId: id, detail: { assetId: r.assetId } });
  });
  return getRequest(ctx, id);
}

// ---- reads ---------------------------------------------------------------------------------------

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
  const out = new Map<string, string>();
  const each = async (set: Set<string>, get: (id: string) => Promise<{ name: string }>) => {
    for (const id of set) {
      try {
        out.set(id, (await get(id)).name);
      } catch {
        /* deleted since: shown by id */
      }
    }
  };
  await each(ids.dept, (id) => departmentStore.get(ctx, id));
  for (const p of await getPeopleByIds(ctx, [...ids.person])) out.set(p.id, p.name);
  await each(ids.site, (id) => siteStore.get(ctx, id));
  await each(ids.room, (id) => roomStore.get(ctx, id));
  return out;
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

const pendingAt = (level: ApprovalLevel): SQL =>
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
  const all = { page: 1, pageSize: 1000 };
  const [d, p, s, r] = [
    await departmentStore.list(ctx, all),
    await personStore.list(ctx, all),
    await siteStore.list(ctx, all),
    await roomStore.list(ctx, all),
  ];
  return {
    departments: d.items.map((x) => ({ id: x.id, name: x.name })),
    people: p.items.map((x) => ({ id: x.id, name: x.name, departmentId: x.departmentId })),
    sites: s.items.map((x) => ({ id: x.id, name: x.name })),
    rooms: r.items.map((x) => ({ id: x.id, name: x.name, siteId: x.siteId, building: x.building, floor: x.floor })),
  };
}
