// Asset movements approved per level (R-AST-01), relations and the topology around a device,
// lines and labels (R-AST-03) and end-of-support cases (R-AST-06): API schemas shared by server and web.
import { z } from 'zod';
import { MONEY } from './patterns.ts';
import { optText, paged, patchOf, text, ZDate } from './api.ts';

// ---- movements (R-AST-01) ------------------------------------------------------------------------

export const MOVEMENT_KINDS = ['receipt', 'assignment', 'transfer', 'repair', 'retirement'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_ZH: Record<MovementKind, string> = {
  receipt: '入库',
  assignment: '领用（分配）',
  transfer: '调拨',
  repair: '送修',
  retirement: '报废',
};

export const APPROVAL_LEVELS = ['it', 'finance', 'business'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];
export const LEVEL_ZH: Record<ApprovalLevel, string> = { it: '信息化部门', finance: '财务部门', business: '业务部门' };
/** The permission that approves at each level. */
export const LEVEL_PERMISSION: Record<ApprovalLevel, string> = {
  it: 'asset.approve',
  finance: 'asset.finance',
  business: 'asset.business',
};

/**
 * R-AST-01: which levels must approve a movement, from what it touches.
 *
 * | movement    | IT (asset.approve) | finance (asset.finance)                  | business (asset.business)                      |
 * |-------------|--------------------|------------------------------------------|------------------------------------------------|
 * | receipt     | yes                | yes: opens the fixed-asset card          | –                                              |
 * | assignment  | yes                | –                                        | yes: to a using department                     |
 * | transfer    | yes                | when it moves between two departments    | when it moves to or from a using department    |
 * | repair      | yes                | –                                        | –                                              |
 * | retirement  | yes                | yes: write-off                           | –                                              |
 *
 * `fromDept` is the asset's using department now; `toDept` the one the payload names (undefined: unchanged).
 */
export function levelsFor(kind: MovementKind, fromDept: string | null, toDept: string | null | undefined): ApprovalLevel[] {
  const levels: ApprovalLevel[] = ['it'];
  const changes = toDept !== undefined && toDept !== fromDept;
  if (kind === 'receipt' || kind === 'retirement') levels.push('finance');
  if (kind === 'transfer' && changes && fromDept && toDept) levels.push('finance');
  if (kind === 'assignment') levels.push('business');
  if (kind === 'transfer' && changes) levels.push('business');
  return levels;
}

/** The rows of the matrix above, for the UI. */
export const LEVEL_MATRIX: { kind: MovementKind; it: string; finance: string; business: string; result: string }[] = [
  { kind: 'receipt', it: '需要', finance: '需要（建立固定资产卡片）', business: '—', result: '在库' },
  { kind: 'assignment', it: '需要', finance: '—', business: '需要（交付使用部门）', result: '在用，登记使用部门和保管人' },
  { kind: 'transfer', it: '需要', finance: '部门之间调拨时需要', business: '调入或调出使用部门时需要', result: '新位置 / 新部门' },
  { kind: 'repair', it: '需要', finance: '—', business: '—', result: '维修中（修复后以“领用”申请返回在用）' },
  { kind: 'retirement', it: '需要', finance: '需要（核销）', business: '—', result: '已报废' },
];

const uuidOrNull = z.uuid().nullable();
const ZLocation = z.object({
  siteId: uuidOrNull.optional(),
  roomId: uuidOrNull.optional(),
  building: optText(60).optional(),
  floor: optText(20).optional(),
  rack: optText(40).optional(),
  rackUnit: optText(20).optional(),
});

export const ZReceiptPayload = ZLocation.extend({
  assetCardNumber: optText(60).optional(),
  originalValue: z.string().trim().regex(MONEY, '金额格式不正确').optional(),
  acquiredOn: ZDate.optional(),
  depreciationYears: z.number().int().min(0).max(50).optional(),
});
export const ZAssignmentPayload = ZLocation.extend({
  usingDepartmentId: z.uuid().optional(),
  custodianPersonId: uuidOrNull.optional(),
  /** Back from repair: the asset returns to use with its department (R-AST-01). */
  returnFromRepair: z.boolean().optional(),
});
export const ZTransferPayload = ZLocation.extend({
  usingDepartmentId: uuidOrNull.optional(),
  custodianPersonId: uuidOrNull.optional(),
});
export const ZRepairPayload = z.object({ repairer: optText(100).optional(), expectedReturn: ZDate.optional() });
export const ZRetirementPayload = z.object({ method: optText(60).optional() });

const reason = optText(1000).default('');
export const ZMovementInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receipt'), payload: ZReceiptPayload.default({}), reason }),
  z.object({ kind: z.literal('assignment'), payload: ZAssignmentPayload.default({}), reason }),
  z.object({ kind: z.literal('transfer'), payload: ZTransferPayload.default({}), reason }),
  z.object({ kind: z.literal('repair'), payload: ZRepairPayload.default({}), reason }),
  z.object({ kind: z.literal('retirement'), payload: ZRetirementPayload.default({}), reason }),
]);
export type TMovementInput = z.infer<typeof ZMovementInput>;

export const ZDecideInput = z.object({
  level: z.enum(APPROVAL_LEVELS),
  decision: z.enum(['approve', 'reject']),
  comment: optText(1000).default(''),
});
export type TDecideInput = z.infer<typeof ZDecideInput>;

export const ZApproval = z.object({
  level: z.enum(APPROVAL_LEVELS),
  status: z.enum(['pending', 'approved', 'rejected']),
  by: z.string().optional(),
  byName: z.string().optional(),
  at: z.string().optional(),
  comment: z.string().optional(),
});
export type TApproval = z.infer<typeof ZApproval>;

export const ZAssetRequest = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetNumber: z.string(),
  assetName: z.string(),
  assetStatus: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  payload: z.record(z.string(), z.unknown()),
  /** Names of the departments, people, sites and rooms the payload names, by id. */
  names: z.record(z.string(), z.string()),
  approvals: z.array(ZApproval),
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']),
  reason: z.string(),
  requestedBy: z.string().nullable(),
  requestedByName: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TAssetRequest = z.infer<typeof ZAssetRequest>;
export const ZAssetRequestList = paged(ZAssetRequest);
export type TAssetRequestList = z.infer<typeof ZAssetRequestList>;

const boolQ = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean().optional());
export const ZAssetRequestQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional(),
  /** Requests with this level still pending. */
  level: z.enum(APPROVAL_LEVELS).optional(),
  /** Only the requests I made. */
  mine: boolQ,
  /** Only the requests waiting for a level I can approve (待审批), not my own. */
  todo: boolQ,
  kind: z.enum(MOVEMENT_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** What the movement form offers: departments, people, sites and rooms (readers without org.read too). */
export const ZMovementOptions = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable() })),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  rooms: z.array(z.object({ id: z.string(), name: z.string(), siteId: z.string(), building: z.string(), floor: z.string() })),
});
export type TMovementOptions = z.infer<typeof ZMovementOptions>;

// ---- relations -------------------------------------------------------------------------------------

export const RELATION_KINDS = ['connected_to', 'installed_in', 'depends_on'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_KIND_ZH: Record<RelationKind, string> = { connected_to: '连接到', installed_in: '安装于', depends_on: '依赖于' };

export const ZRelationInput = z.object({
  toId: z.uuid(),
  kind: z.enum(RELATION_KINDS),
  fromPort: optText(60).default(''),
  toPort: optText(60).default(''),
  note: optText(500).default(''),
});
export type TRelationInput = z.infer<typeof ZRelationInput>;

export const ZTopoNode = z.object({
  id: z.uuid(),
  number: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  /** Hops from the asset asked about (0, 1 or 2). */
  depth: z.number().int(),
});
export type TTopoNode = z.infer<typeof ZTopoNode>;
export const ZTopoEdge = z.object({
  id: z.uuid(),
  fromId: z.uuid(),
  toId: z.uuid(),
  kind: z.enum(RELATION_KINDS),
  fromPort: z.string(),
  toPort: z.string(),
  note: z.string(),
});
export type TTopoEdge = z.infer<typeof ZTopoEdge>;
export const ZNeighbours = z.object({ centerId: z.uuid(), nodes: z.array(ZTopoNode), edges: z.array(ZTopoEdge), truncated: z.boolean() });
export type TNeighbours = z.infer<typeof ZNeighbours>;

// ---- lines and labels (R-AST-03) ---------------------------------------------------------------

export const LINE_KINDS = ['fiber', 'copper', 'carrier'] as const;
export const LINE_KIND_ZH: Record<(typeof LINE_KINDS)[number], string> = { fiber: '光纤', copper: '铜缆（网线）', carrier: '运营商专线' };
export const NETWORK_DOMAINS = ['internet', 'egov', 'medicare', 'ministry'] as const;
export const NETWORK_DOMAIN_ZH: Record<(typeof NETWORK_DOMAINS)[number], string> = {
  internet: '互联网',
  egov: '电子政务外网',
  medicare: '医保网',
  ministry: '部省联网',
};

export const ZLineInput = z.object({
  label: text(80),
  kind: z.enum(LINE_KINDS),
  networkDomain: z.enum(NETWORK_DOMAINS).nullable().default(null),
  fromAssetId: z.uuid().nullable().default(null),
  fromPort: optText(60).default(''),
  toAssetId: z.uuid().nullable().default(null),
  toPort: optText(60).default(''),
  carrier: optText(60).default(''),
  circuitId: optText(80).default(''),
  bandwidth: optText(40).default(''),
  notes: optText(1000).default(''),
});
export type TLineInput = z.infer<typeof ZLineInput>;
/** Every field optional and no defaults: a PATCH never resets what it did not send. */
export const ZLinePatch = patchOf(ZLineInput);

export const ZLine = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: z.enum(LINE_KINDS),
  networkDomain: z.string().nullable(),
  fromAssetId: z.string().nullable(),
  fromAssetNumber: z.string().nullable(),
  fromAssetName: z.string().nullable(),
  fromPort: z.string(),
  toAssetId: z.string().nullable(),
  toAssetNumber: z.string().nullable(),
  toAssetName: z.string().nullable(),
  toPort: z.string(),
  carrier: z.string(),
  circuitId: z.string(),
  bandwidth: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TLine = z.infer<typeof ZLine>;
export const ZLineList = paged(ZLine);
export const ZLineFilter = z.object({
  q: optText(100).optional(),
  kind: z.enum(LINE_KINDS).optional(),
  networkDomain: z.enum(NETWORK_DOMAINS).optional(),
  /** Lines with this asset at either end. */
  assetId: z.uuid().optional(),
});
export const ZLineQuery = ZLineFilter.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// ---- end of support (R-AST-06) -----------------------------------------------------------------

export const EOS_STAGES = ['reported', 'approved', 'replaced', 'integrated', 'closed'] as const;
export type EosStage = (typeof EOS_STAGES)[number];
export const EOS_STAGE_ZH: Record<EosStage, string> = {
  reported: '已报告甲方',
  approved: '甲方已批准',
  replaced: '已更换',
  integrated: '已安装联调',
  closed: '已关闭',
};

export const ZEosQuery = z.object({ within: z.coerce.number().int().min(0).max(3650).default(90) });
export const ZEosDue = z.object({
  id: z.uuid(),
  number: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  model: z.string(),
  warrantyUntil: z.string().nullable(),
  endOfSupport: z.string().nullable(),
  /** The earlier of the two dates, and the days left to it (negative: past). */
  dueOn: z.string(),
  dueWhich: z.enum(['warranty', 'eos']),
  daysLeft: z.number().int(),
  openCaseId: z.string().nullable(),
  openCaseStage: z.string().nullable(),
});
export type TEosDue = z.infer<typeof ZEosDue>;
export const ZEosDueList = z.object({ items: z.array(ZEosDue), within: z.number().int() });

export const ZEosOpen = z.object({ reason: text(1000) });
export const ZEosAdvance = z.object({
  stage: z.enum(['approved', 'replaced', 'integrated', 'closed']),
  successorId: z.uuid().optional(),
  note: optText(1000).default(''),
});
export type TEosAdvance = z.infer<typeof ZEosAdvance>;

export const ZEosCase = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetNumber: z.string(),
  assetName: z.string(),
  assetStatus: z.string(),
  stage: z.enum(EOS_STAGES),
  reason: z.string(),
  successorId: z.string().nullable(),
  successorNumber: z.string().nullable(),
  successorName: z.string().nullable(),
  stages: z.array(z.object({ stage: z.string(), at: z.string(), by: z.string(), note: z.string().optional() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TEosCase = z.infer<typeof ZEosCase>;
export const ZEosCaseList = paged(ZEosCase);
export const ZEosCaseQuery = z.object({
  stage: z.enum(EOS_STAGES).optional(),
  open: boolQ,
  assetId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
