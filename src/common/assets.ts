// The asset register (R-AST-01/02/04): classification, records with their three levels, search,
// import — request/response schemas and names shared by server and web.
import { z } from 'zod';
import { IP_CHARS, MONEY } from './patterns.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';
import { ZPage, ZTimestamp, ZDate, optText, text } from './api.ts';

export const ASSET_STATUSES = ['in_stock', 'in_use', 'in_repair', 'spare', 'retired'] as const;
export const ASSET_STATUS_NAMES: Record<(typeof ASSET_STATUSES)[number], string> = {
  in_stock: '在库',
  in_use: '在用',
  in_repair: '维修中',
  spare: '备用',
  retired: '已报废',
};

export const NETWORK_DOMAINS = ['internet', 'egov', 'medicare', 'ministry'] as const;
export const NETWORK_DOMAIN_NAMES: Record<(typeof NETWORK_DOMAINS)[number], string> = {
  internet: '互联网',
  egov: '电子政务外网',
  medicare: '医保网',
  ministry: '部省联网',
};

export const ASSET_KINDS = ['network', 'security', 'server', 'computer', 'av', 'software', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_NAMES: Record<AssetKind, string> = {
  network: '网络设备',
  security: '安全设备',
  server: '服务器',
  computer: '计算机',
  av: '音视频及会议设备',
  software: '软件',
  other: '其他',
};

/** Type-specific fields kept in `specs`, per kind (the form shows those of the asset's kind). */
export const SPEC_FIELDS: Record<AssetKind, { key: string; label: string }[]> = {
  network: [],
  security: [{ key: 'licenceUntil', label: '特征库授权到期' }],
  server: [
    { key: 'cpu', label: 'CPU' },
    { key: 'memory', label: '内存' },
    { key: 'disk', label: '硬盘' },
    { key: 'os', label: '操作系统' },
  ],
  computer: [
    { key: 'cpu', label: 'CPU' },
    { key: 'memory', label: '内存' },
    { key: 'os', label: '操作系统' },
  ],
  av: [
    { key: 'conferenceSystem', label: '所属会议系统' },
    { key: 'resolution', label: '分辨率' },
    { key: 'protocol', label: '协议（H.323/SIP）' },
  ],
  software: [
    { key: 'version', label: '版本' },
    { key: 'licenceSeats', label: '授权数' },
    { key: 'licenceUntil', label: '授权到期' },
  ],
  other: [],
};

/** R-AST-01: the three levels; each field of the record belongs to one and needs its permission. */
export const ASSET_LEVELS = {
  technical: { perm: 'asset.write', name: '技术信息（信息化部门）' },
  finance: { perm: 'asset.finance', name: '财务信息（财务部门）' },
  business: { perm: 'asset.business', name: '使用信息（业务部门）' },
} as const;
export type AssetLevel = keyof typeof ASSET_LEVELS;

export const FINANCE_FIELDS = ['originalValue', 'assetCardNumber', 'acquiredOn', 'depreciationYears', 'depreciationMethod'] as const;
export const BUSINESS_FIELDS = ['usingDepartmentId', 'custodianPersonId'] as const;

export function levelOfField(field: string): AssetLevel {
  if ((FINANCE_FIELDS as readonly string[]).includes(field)) return 'finance';
  if ((BUSINESS_FIELDS as readonly string[]).includes(field)) return 'business';
  return 'technical';
}

const ip = z.string().trim().max(64).regex(IP_CHARS, '管理 IP 格式不正确');
const day = ZDate.nullable();
const specValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** Every editable field; create requires name and class. Status is set on creation only (movements change it). */
export const ZAssetInput = z.object({
  name: text(200),
  classCode: text(20),
  status: z.enum(ASSET_STATUSES).default('in_stock'),
  vendor: optText(100).default(''),
  model: optText(100).default(''),
  serial: optText(100).default(''),
  mgmtIp: ip.default(''),
  firmware: optText(100).default(''),
  portCount: z.number().int().min(0).max(100_000).nullable().default(null),
  signatureVersion: optText(100).default(''),
  signatureDate: day.default(null),
  specs: z.record(z.string().max(40), specValue).default({}),
  networkDomain: z.enum(NETWORK_DOMAINS).nullable().default(null),
  serviceLine: z.enum(SERVICE_LINE_CODES).nullable().default(null),
  siteId: z.uuid().nullable().default(null),
  building: optText(100).default(''),
  floor: optText(40).default(''),
  roomId: z.uuid().nullable().default(null),
  rack: optText(40).default(''),
  rackUnit: optText(20).default(''),
  warrantyUntil: day.default(null),
  endOfSupport: day.default(null),
  notes: optText(4000).default(''),
  // finance
  originalValue: z.string().trim().regex(MONEY, '原值须为金额，最多两位小数').nullable().default(null),
  assetCardNumber: optText(60).default(''),
  acquiredOn: day.default(null),
  depreciationYears: z.number().int().min(1).max(100).nullable().default(null),
  depreciationMethod: z.enum(['straight_line']).default('straight_line'),
  // business
  usingDepartmentId: z.uuid().nullable().default(null),
  custodianPersonId: z.uuid().nullable().default(null),
});
export type TAssetInput = z.output<typeof ZAssetInput>;
export type TAssetCreate = z.input<typeof ZAssetInput>;

/** PATCH: any field but status; each field checked against its level. */
export const ZAssetPatch = z
  .object(
    Object.fromEntries(
      Object.entries(ZAssetInput.omit({ status: true }).shape).map(([k, v]) => [
        k,
        (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
      ]),
    ),
  )
  .strict() as unknown as z.ZodType<Partial<Omit<TAssetInput, 'status'>>>;
export type TAssetPatch = Partial<Omit<TAssetInput, 'status'>>;

export const ZAssetQuery = ZPage.extend({
  q: z.string().trim().max(100).optional(),
  classCode: z.string().trim().max(20).optional(),
  status: z.enum(ASSET_STATUSES).optional(),
  siteId: z.uuid().optional(),
  roomId: z.uuid().optional(),
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  networkDomain: z.enum(NETWORK_DOMAINS).optional(),
  warranty: z.enum(['expiring', 'expired']).optional(),
});
export type TAssetQuery = z.infer<typeof ZAssetQuery>;
export const ZAssetExportQuery = ZAssetQuery.omit({ page: true, pageSize: true });

const ZDue = z.object({ state: z.enum(['none', 'ok', 'expiring', 'expired']), daysLeft: z.number().nullable() });

export const ZAsset = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  classCode: z.string(),
  className: z.string(),
  classPath: z.array(z.object({ code: z.string(), name: z.string() })),
  kind: z.string(),
  status: z.string(),
  vendor: z.string(),
  model: z.string(),
  serial: z.string(),
  mgmtIp: z.string(),
  firmware: z.string(),
  portCount: z.number().nullable(),
  signatureVersion: z.string(),
  signatureDate: z.string().nullable(),
  specs: z.record(z.string(), specValue),
  networkDomain: z.string().nullable(),
  serviceLine: z.string().nullable(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  siteCode: z.string().nullable(),
  building: z.string(),
  floor: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  rack: z.string(),
  rackUnit: z.string(),
  /** site → building → floor → room → rack → U, as one line. */
  location: z.string(),
  warrantyUntil: z.string().nullable(),
  endOfSupport: z.string().nullable(),
  warranty: ZDue,
  eos: ZDue,
  successorId: z.string().nullable(),
  originalValue: z.string().nullable(),
  assetCardNumber: z.string(),
  acquiredOn: z.string().nullable(),
  depreciationYears: z.number().nullable(),
  depreciationMethod: z.string(),
  /** Straight line, no residual value, as of today. Null without value, date and years. */
  depreciation: z.object({ annual: z.number(), accumulated: z.number(), bookValue: z.number() }).nullable(),
  usingDepartmentId: z.string().nullable(),
  usingDepartmentName: z.string().nullable(),
  custodianPersonId: z.string().nullable(),
  custodianName: z.string().nullable(),
  notes: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TAsset = z.infer<typeof ZAsset>;
export const ZAssetList = z.object({ items: z.array(ZAsset), total: z.number().int() });

export const ZAssetHistoryEntry = z.object({
  id: z.string(),
  at: ZTimestamp,
  kind: z.string(),
  actorName: z.string(),
  note: z.string(),
  data: z.unknown().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  ticketTitle: z.string().nullable(),
  ticketStatus: z.string().nullable(),
});
export type TAssetHistoryEntry = z.infer<typeof ZAssetHistoryEntry>;

// ---------------------------------------------------------------------------------------------
// Classification (R-AST-02)

export const ZAssetClass = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  source: z.string(),
  numberCode: z.string().nullable(),
  /** The number code in effect: own or inherited from the nearest ancestor. */
  effectiveNumberCode: z.string(),
  sort: z.number(),
  disabled: z.boolean(),
  assets: z.number(),
});
export type TAssetClass = z.infer<typeof ZAssetClass> & { children?: TAssetClassNode[] };
export type TAssetClassNode = z.infer<typeof ZAssetClass> & { children: TAssetClassNode[] };

const classCode = z
  .string()
  .trim()
  .regex(/^[A-Z][0-9A-Z]{1,19}$/, '分类代码须为大写字母开头的字母数字，最长 20 位');
const numberCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{1,8}$/, '编号代码须为 1–8 位大写字母或数字');

export const ZAssetClassInput = z.object({
  code: classCode,
  parentCode: z.string().trim().min(1).max(20),
  name: text(60),
  kind: z.enum(ASSET_KINDS).optional(),
  numberCode: numberCode.nullable().default(null),
  sort: z.number().int().min(0).max(10_000).default(0),
});
export const ZAssetClassPatch = z.object({
  name: text(60).optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  numberCode: numberCode.nullable().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  disabled: z.boolean().optional(),
});
export const ZClassCodeParams = z.object({ code: z.string().min(1).max(20) });

// ---------------------------------------------------------------------------------------------
// Import / export (issue 4 point 9)

/** Columns of the import template, in order; the export uses the same headers first. */
export const ASSET_IMPORT_COLUMNS = [
  '名称',
  '分类代码',
  '状态',
  '厂商',
  '型号',
  '序列号',
  '管理IP',
  '固件版本',
  '端口数',
  '网络域',
  '服务项目',
  '地点',
  '楼宇',
  '楼层',
  '房间',
  '机柜',
  'U位',
  '保修到期',
  '停止支持',
  '原值',
  '固定资产卡片号',
  '购置日期',
  '折旧年限',
  '备注',
] as const;
export type AssetImportColumn = (typeof ASSET_IMPORT_COLUMNS)[number];

export const ZImportError = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type TImportError = z.infer<typeof ZImportError>;
export const ZAssetImportResult = z.object({ created: z.number(), numbers: z.array(z.string()) });

export const ZLabelQuery = z.object({
  ids: z
    .string()
    .max(20_000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).min(1, '请选择资产').max(500, '一次最多打印 500 个标签')),
});
export const ZNumberParams = z.object({ number: z.string().trim().min(1).max(60) });

/** The choices of the asset form: sites with their rooms, departments, people. */
export const ZAssetOptions = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      rooms: z.array(z.object({ id: z.string(), name: z.string(), building: z.string(), floor: z.string() })),
    }),
  ),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable() })),
});
export type TAssetOptions = z.infer<typeof ZAssetOptions>;

/** Chinese names of the record's fields (history, messages). */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  classCode: '分类',
  vendor: '厂商',
  model: '型号',
  serial: '序列号',
  mgmtIp: '管理 IP',
  firmware: '固件版本',
  portCount: '端口数',
  signatureVersion: '特征库版本',
  signatureDate: '特征库日期',
  specs: '规格',
  networkDomain: '网络域',
  serviceLine: '服务项目',
  siteId: '地点',
  building: '楼宇',
  floor: '楼层',
  roomId: '房间',
  rack: '机柜',
  rackUnit: 'U 位',
  warrantyUntil: '保修到期',
  endOfSupport: '停止支持',
  notes: '备注',
  originalValue: '原值',
  assetCardNumber: '固定资产卡片号',
  acquiredOn: '购置日期',
  depreciationYears: '折旧年限',
  depreciationMethod: '折旧方法',
  usingDepartmentId: '使用部门',
  custodianPersonId: '保管人',
};
