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
import { and, eq } from 'drizzle-orm';
import {
  LEVEL_PERMISSION,
  LEVEL_ZH,
  levelsFor,
  MOVEMENT_KIND_ZH,
  type ApprovalLevel,
  type MovementKind,
  type TApproval,
  type TAssetRequest,
  type TDecideInput,
  type TMovementInput,
} from '../../../../common/asset-movements.ts';
import { audit } from '../../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../../kernel/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../kernel/errors.ts';
import { usersWithPermission } from '../../../kernel/directory.ts';
import { resolveNotices } from '../../../kernel/notify/resolve.ts';
import { notifyUsers } from '../../../kernel/notify/inbox.ts';
import { getDepartment, getPerson, getRoom, getSite } from '../../org/api.ts';
import { appendHistory } from '../register/history.ts';
import { loadAsset, type AssetRow } from '../register/records.ts';
import { applyMovement, LOCATION_FIELDS } from './apply.ts';
import { getRequest } from './reads.ts';
import { assetRequests } from './tables.ts';

type RequestRow = typeof assetRequests.$inferSelect;

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
  if (str('usingDepartmentId')) await getDepartment(ctx, str('usingDepartmentId')!);
  if (str('custodianPersonId')) await getPerson(ctx, str('custodianPersonId')!);
  if (str('siteId')) await getSite(ctx, str('siteId')!);
  if (str('roomId')) {
    const room = await getRoom(ctx, str('roomId')!);
    if (str('siteId') && room.siteId !== str('siteId'))
      throw new Invalid('asset_request.room_site', '房间不属于所选地点', [{ path: 'body.payload.roomId', message: '房间不属于所选地点' }]);
  }
}

/** The action of a level's "please approve" notice, cleared when that level decides (or the request ends). */
const approveAt = (l: ApprovalLevel) => `approve.${l}`;

/** One notice per level, to that level's approvers: each is done when its own level has decided. */
async function notifyApprovers(tx: Ctx, r: RequestRow, a: AssetRow, levels: ApprovalLevel[]): Promise<void> {
  const told = new Set<string>(r.requestedBy ? [r.requestedBy] : []);
  for (const l of levels) {
    const ids = (await usersWithPermission(tx, LEVEL_PERMISSION[l])).filter((u) => !told.has(u));
    for (const u of ids) told.add(u);
    await notifyUsers(tx, {
      userIds: ids,
      event: 'asset.request',
      title: `资产变动待审批：${a.number} ${a.name}（${MOVEMENT_KIND_ZH[r.kind as MovementKind]}）`,
      body: `${r.requestedByName} 提出；需${levels.map((x) => LEVEL_ZH[x]).join('、')}审批。${r.reason}`,
      link: '/assets/requests',
      objectType: 'asset_request',
      objectId: r.id,
      action: approveAt(l),
    });
  }
}

/** Clears the request's "please approve" notices: one level's, or (ended) all of them. */
async function approvalAsksDone(tx: Ctx, id: string, level?: ApprovalLevel): Promise<void> {
  const all = Object.keys(LEVEL_PERMISSION) as ApprovalLevel[];
  await resolveNotices(tx, { entity: { type: 'asset_request', id }, action: (level ? [level] : all).map(approveAt) });
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
    await approvalAsksDone(tx, id, status === 'pending' ? d.level : undefined);
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
    await approvalAsksDone(tx, id);
    await appendHistory(tx, r.assetId, 'request', `撤回${MOVEMENT_KIND_ZH[r.kind as MovementKind]}申请`, { requestId: id });
    await audit(tx, { action: 'asset.request.cancel', objectType: 'asset_request', objectId: id, detail: { assetId: r.assetId } });
  });
  return getRequest(ctx, id);
}
