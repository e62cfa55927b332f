// Applying an approved movement to the asset (R-AST-01): what each kind changes, written with one
// history row; shared by the last approval (service.ts) and the EOS replacement (eos/service.ts).
import { eq } from 'drizzle-orm';
import type { MovementKind } from '../../../../common/asset-movements.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { appendHistory } from '../register/history.ts';
import type { AssetRow } from '../register/records.ts';
import { assets } from '../register/tables.ts';

export const LOCATION_FIELDS = ['siteId', 'roomId', 'building', 'floor', 'rack', 'rackUnit'] as const;
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
