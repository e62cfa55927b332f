// Spare parts in Excel (issue 4 point 9): the import template, the import — every row validated
// first, every error reported by row and column, then all rows written in one transaction or none —
// and the export of a filtered list.
import { eq, inArray, sql } from 'drizzle-orm';
import { lineLabel } from '../../../../common/service-lines.ts';
import { SPARE_IMPORT_COLUMNS, type TImportError, type TSparePart, type TSpareImportResult } from '../../../../common/spares.ts';
import { isServiceLineCode, SERVICE_LINE_CODES } from '../../../../common/service-lines.ts';
import { audit } from '../../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../../kernel/context.ts';
import { AppError, Invalid } from '../../../kernel/errors.ts';
import type { Download } from '../../../kernel/download.ts';
import { cellString, isTooLong, readFirstSheet, tooLongText, type SheetCell } from '../../../kernel/office/sheet-reader.ts';
import { templateDownload, type Column } from '../../../kernel/office/xlsx.ts';
import { spareMoves, spareParts, spareStock } from './tables.ts';

const SHEET = '备品备件';
const MAX_ROWS = 20_000;

type Col = (typeof SPARE_IMPORT_COLUMNS)[number];
const REQUIRED: Col[] = ['备件编号', '名称'];

const HELP: Record<Col, string> = {
  备件编号: '必填，唯一；已存在的编号将更新该备件的信息',
  名称: '必填，如“千兆单模光模块 SFP-GE-LX”',
  分类代码: '可选，资产分类代码（GB/T 14885-2022 或本单位子类）',
  厂商: '可选',
  型号: '可选',
  单位: '可选，默认“个”',
  最低库存: '可选，非负整数，默认 0；可用库存低于此数时提醒项目经理',
  服务项目: `可选：${SERVICE_LINE_CODES.join(' / ')}`,
  存放位置: '与“入库数量”同时填写：入库到哪里（如 西办公区 中心机房西区 备件柜）',
  入库数量: '与“存放位置”同时填写：正整数，按“入库”记入库存',
  备注: '可选',
};

export class ImportRejected extends AppError {
  constructor(errors: TImportError[]) {
    super(422, 'spare.import_invalid', `导入文件有 ${errors.length} 处错误，未写入任何数据`, {
      // Each error keeps row and column, and a path the web client's problem display understands.
      extra: { errors: errors.map((e) => ({ ...e, path: `第 ${e.row} 行 ${e.column}` })) },
    });
  }
}

/** The template of the spare-part import. */
export function spareTemplate(): Promise<Download> {
  return templateDownload({
    filename: '备品备件导入模板.xlsx',
    asciiName: 'spare-parts-template.xlsx',
    sheet: SHEET,
    columns: SPARE_IMPORT_COLUMNS.map((c) => ({ header: c, width: c === '名称' || c === '存放位置' ? 30 : 16, note: HELP[c] })),
    labelWidth: 14,
    notes: [['', '导入时先校验全部行：有任何错误则列出每处错误（行号、列名）且不写入任何数据。']],
  });
}

interface ParsedRow {
  row: number;
  partNumber: string;
  name: string;
  classCode: string | null;
  vendor: string;
  model: string;
  unit: string;
  minLevel: number;
  serviceLine: string | null;
  location: string;
  qty: number;
  notes: string;
}

const LIMITS: Partial<Record<Col, number>> = {
  备件编号: 60,
  名称: 120,
  分类代码: 40,
  厂商: 80,
  型号: 120,
  单位: 10,
  服务项目: 10,
  存放位置: 80,
  备注: 1000,
};

/** Reads and checks the whole file; returns the rows or every error found. */
export async function parseImport(bytes: Buffer): Promise<{ rows: ParsedRow[]; errors: TImportError[] }> {
  // Read under the kernel's limits (rows, cell length, total text, time): issue 11 point 1.
  const sheet: { cells: SheetCell[]; row: number }[] = [];
  try {
    await readFirstSheet(bytes, (cells, row) => void sheet.push({ cells, row }), { maxRows: MAX_ROWS });
  } catch (e) {
    if (e instanceof Invalid) return { rows: [], errors: [{ row: 0, column: '', message: e.message }] };
    throw e;
  }
  const errors: TImportError[] = [];
  const at = new Map<Col, number>();
  sheet[0]?.cells.forEach((cell, col) => {
    const h = cellString(cell).replace(/\s+/g, '') as Col;
    if ((SPARE_IMPORT_COLUMNS as readonly string[]).includes(h)) at.set(h, col);
  });
  for (const c of REQUIRED) if (!at.has(c)) errors.push({ row: 1, column: c, message: `缺少“${c}”列，请使用导入模板` });
  if (errors.length) return { rows: [], errors };

  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row: r } of sheet.slice(1)) {
    const err = (column: Col, message: string) => errors.push({ row: r, column, message });
    const get = (c: Col) => {
      const cell = cells[at.get(c) ?? -1] ?? null;
      if (isTooLong(cell)) err(c, `内容过长：${tooLongText(cell)}`);
      return cellString(cell);
    };
    const vals = Object.fromEntries(SPARE_IMPORT_COLUMNS.map((c) => [c, get(c)])) as Record<Col, string>;
    if (SPARE_IMPORT_COLUMNS.every((c) => !vals[c])) continue; // blank row
    for (const c of REQUIRED) if (!vals[c]) err(c, '必填');
    for (const [c, max] of Object.entries(LIMITS) as [Col, number][]) if (vals[c].length > max) err(c, `不能超过 ${max} 个字符`);
    const int = (c: Col, min: number, dflt: number): number => {
      const s = vals[c];
      if (!s) return dflt;
      const n = Number(s);
      if (!Number.isInteger(n) || n < min || n > 1_000_000) {
        err(c, min > 0 ? '须为正整数' : '须为非负整数');
        return dflt;
      }
      return n;
    };
    const minLevel = int('最低库存', 0, 0);
    const qty = int('入库数量', 1, 0);
    if (vals.服务项目 && !isServiceLineCode(vals.服务项目.toUpperCase())) err('服务项目', `须为 ${SERVICE_LINE_CODES.join(' / ')} 之一`);
    if (vals.存放位置 && !vals.入库数量) err('入库数量', '填写了存放位置时须填写入库数量');
    if (vals.入库数量 && !vals.存放位置) err('存放位置', '填写了入库数量时须填写存放位置');
    if (vals.备件编号) {
      const first = seen.get(vals.备件编号);
      if (first) err('备件编号', `与第 ${first} 行重复`);
      else seen.set(vals.备件编号, r);
    }
    rows.push({
      row: r,
      partNumber: vals.备件编号,
      name: vals.名称,
      classCode: vals.分类代码 || null,
      vendor: vals.厂商,
      model: vals.型号,
      unit: vals.单位 || '个',
      minLevel,
      serviceLine: vals.服务项目 ? vals.服务项目.toUpperCase() : null,
      location: vals.存放位置,
      qty,
      notes: vals.备注,
    });
  }
  if (!rows.length && !errors.length) errors.push({ row: 2, column: '', message: '文件中没有数据行' });
  return { rows, errors };
}

/** Validates every row, then writes all of them in one transaction (or, with any error, nothing). */
export async function importSpares(ctx: Ctx, bytes: Buffer, fileName: string): Promise<TSpareImportResult> {
  const { rows, errors } = await parseImport(bytes);
  if (errors.length) throw new ImportRejected(errors);
  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const existing = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => r.partNumber);
      for (const p of await tx.db
        .select({ id: spareParts.id, partNumber: spareParts.partNumber })
        .from(spareParts)
        .where(inArray(spareParts.partNumber, chunk)))
        existing.set(p.partNumber, p.id);
    }
    const fields = (r: ParsedRow) => ({
      partNumber: r.partNumber,
      name: r.name,
      classCode: r.classCode,
      vendor: r.vendor,
      model: r.model,
      unit: r.unit,
      minLevel: r.minLevel,
      serviceLine: r.serviceLine,
      notes: r.notes,
      updatedAt: now,
    });
    const fresh = rows.filter((r) => !existing.has(r.partNumber));
    for (let i = 0; i < fresh.length; i += 500) {
      const ins = await tx.db
        .insert(spareParts)
        .values(fresh.slice(i, i + 500).map((r) => ({ ...fields(r), createdAt: now })))
        .returning({ id: spareParts.id, partNumber: spareParts.partNumber });
      for (const p of ins) existing.set(p.partNumber, p.id);
    }
    let updated = 0;
    const isFresh = new Set(fresh);
    for (const r of rows) {
      if (isFresh.has(r)) continue;
      await tx.db
        .update(spareParts)
        .set(fields(r))
        .where(eq(spareParts.id, existing.get(r.partNumber)!));
      updated++;
    }
    const actor = { actorId: actorId(tx), actorName: tx.actor?.displayName ?? '' };
    let received = 0;
    for (const r of rows) {
      if (!r.qty) continue;
      const partId = existing.get(r.partNumber)!;
      await tx.db
        .insert(spareStock)
        .values({ partId, location: r.location, onHand: r.qty, reserved: 0, updatedAt: now })
        .onConflictDoUpdate({
          target: [spareStock.partId, spareStock.location],
          set: { onHand: sql`${spareStock.onHand} + ${r.qty}`, updatedAt: now },
        });
      await tx.db
        .insert(spareMoves)
        .values({ partId, location: r.location, kind: 'receipt', qty: r.qty, note: `Excel 导入（第 ${r.row} 行）`, at: now, ...actor });
      received++;
    }
    const result = { created: fresh.length, updated, received, rows: rows.length };
    await audit(tx, { action: 'spare.import', objectType: 'spare_part', detail: { fileName, ...result } });
    return result;
  });
}

export function exportColumns(): Column<TSparePart>[] {
  return [
    { header: '备件编号', width: 18, value: (p) => p.partNumber },
    { header: '名称', width: 30, value: (p) => p.name },
    { header: '分类代码', value: (p) => p.classCode ?? '' },
    { header: '厂商', value: (p) => p.vendor },
    { header: '型号', width: 22, value: (p) => p.model },
    { header: '单位', width: 8, value: (p) => p.unit },
    { header: '服务项目', width: 10, value: (p) => (p.serviceLine ? lineLabel(p.serviceLine) : '') },
    { header: '在库', width: 8, value: (p) => p.onHand },
    { header: '已预留', width: 8, value: (p) => p.reserved },
    { header: '可用', width: 8, value: (p) => p.available },
    { header: '最低库存', width: 10, value: (p) => p.minLevel },
    { header: '低于最低库存', width: 12, value: (p) => (p.belowMin ? '是' : '') },
    {
      header: '存放位置（在库/预留）',
      width: 50,
      value: (p) => p.locations.map((l) => `${l.location} ${l.onHand}/${l.reserved}`).join('；'),
    },
    { header: '备注', width: 30, value: (p) => p.notes },
  ];
}
