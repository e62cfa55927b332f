// Spare parts (R-AST-05): parts, stock per location, moves (receipt, issue, return, reserve, release,
// adjust) linked to the tickets that used them, minimum levels, Excel import and export.
import { z } from 'zod';
import { optText, text, ZPage } from './api.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const SPARE_MOVE_KINDS = ['receipt', 'issue', 'return', 'reserve', 'release', 'adjust'] as const;
export type SpareMoveKind = (typeof SPARE_MOVE_KINDS)[number];

export const SPARE_MOVE_NAMES: Record<SpareMoveKind, { zh: string; en: string }> = {
  receipt: { zh: '入库', en: 'Receipt' },
  issue: { zh: '领用', en: 'Issue' },
  return: { zh: '归还', en: 'Return' },
  reserve: { zh: '预留', en: 'Reserve' },
  release: { zh: '释放预留', en: 'Release' },
  adjust: { zh: '盘点调整', en: 'Adjust' },
};

const ZLine = z.enum(SERVICE_LINE_CODES);

export const ZSparePartInput = z.object({
  partNumber: text(60),
  name: text(120),
  classCode: optText(40).nullable().optional(),
  vendor: optText(80).default(''),
  model: optText(120).default(''),
  unit: text(10).default('个'),
  minLevel: z.number().int().min(0).max(1_000_000).default(0),
  serviceLine: ZLine.nullable().optional(),
  notes: optText(1000).default(''),
});
export type TSparePartInput = z.input<typeof ZSparePartInput>;

export const ZSparePartPatch = z.object({
  partNumber: text(60).optional(),
  name: text(120).optional(),
  classCode: optText(40).nullable().optional(),
  vendor: optText(80).optional(),
  model: optText(120).optional(),
  unit: text(10).optional(),
  minLevel: z.number().int().min(0).max(1_000_000).optional(),
  serviceLine: ZLine.nullable().optional(),
  notes: optText(1000).optional(),
});

const boolParam = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1')
  .optional();

export const ZSpareFilter = z.object({
  q: z.string().trim().max(100).optional(),
  belowMin: boolParam,
  serviceLine: ZLine.optional(),
});
export const ZSpareQuery = ZPage.extend(ZSpareFilter.shape);
export type TSpareQuery = z.infer<typeof ZSpareQuery>;

export const ZStockLine = z.object({
  location: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type TStockLine = z.infer<typeof ZStockLine>;

export const ZSparePart = z.object({
  id: z.string(),
  partNumber: z.string(),
  name: z.string(),
  classCode: z.string().nullable(),
  vendor: z.string(),
  model: z.string(),
  unit: z.string(),
  minLevel: z.number().int(),
  serviceLine: z.string().nullable(),
  notes: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  belowMin: z.boolean(),
  locations: z.array(ZStockLine),
  updatedAt: z.string(),
});
export type TSparePart = z.infer<typeof ZSparePart>;
export const ZSparePartList = z.object({ items: z.array(ZSparePart), total: z.number().int() });

export const ZSpareMoveInput = z
  .object({
    kind: z.enum(SPARE_MOVE_KINDS),
    location: text(80),
    /** Positive; for adjust the signed change of the on-hand count (not zero). */
    qty: z.number().int().min(-100_000).max(100_000),
    ticketId: z.uuid().nullable().optional(),
    note: optText(500).default(''),
  })
  .superRefine((v, c) => {
    if (v.kind === 'adjust' ? v.qty === 0 : v.qty < 1)
      c.addIssue({ code: 'custom', path: ['qty'], message: v.kind === 'adjust' ? '调整数量不能为 0' : '数量须为正整数' });
    if (v.kind === 'issue' && !v.ticketId) c.addIssue({ code: 'custom', path: ['ticketId'], message: '领用须关联运维单' });
    if (v.kind === 'adjust' && !v.note) c.addIssue({ code: 'custom', path: ['note'], message: '盘点调整须说明原因' });
  });
export type TSpareMoveInput = z.input<typeof ZSpareMoveInput>;

export const ZSpareMove = z.object({
  id: z.number().int(),
  partId: z.string(),
  location: z.string(),
  kind: z.enum(SPARE_MOVE_KINDS),
  qty: z.number().int(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  note: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type TSpareMove = z.infer<typeof ZSpareMove>;
export const ZSpareMoveList = z.object({ items: z.array(ZSpareMove), total: z.number().int() });

export const ZSpareMoveResult = z.object({ part: ZSparePart, move: ZSpareMove, alerted: z.boolean() });
export type TSpareMoveResult = z.infer<typeof ZSpareMoveResult>;

/** What one ticket used: per part, issued, returned and still reserved; and the moves themselves. */
export const ZTicketSpares = z.object({
  items: z.array(
    z.object({
      partId: z.string(),
      partNumber: z.string(),
      name: z.string(),
      unit: z.string(),
      issued: z.number().int(),
      returned: z.number().int(),
      used: z.number().int(),
      reserved: z.number().int(),
    }),
  ),
  moves: z.array(ZSpareMove.extend({ partNumber: z.string(), partName: z.string() })),
});
export type TTicketSpares = z.infer<typeof ZTicketSpares>;

/** Import: every error of the file, by Excel row and column header. */
export interface TImportError {
  row: number;
  column: string;
  message: string;
}
export const ZSpareImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  received: z.number().int(),
  rows: z.number().int(),
});
export type TSpareImportResult = z.infer<typeof ZSpareImportResult>;

/** The columns of the import template, in order. */
export const SPARE_IMPORT_COLUMNS = [
  '备件编号',
  '名称',
  '分类代码',
  '厂商',
  '型号',
  '单位',
  '最低库存',
  '服务项目',
  '存放位置',
  '入库数量',
  '备注',
] as const;
