// Asset import from Excel (issue 4 point 9; the template: template.ts): the workbook is read with
// exceljs's streaming reader, EVERY row is validated first and all errors are reported by
// row and column (422, nothing written); otherwise all rows are written in one transaction with
// generated numbers (one counter update per prefix, inserts in batches) and one audit record.
import {
  ASSET_IMPORT_COLUMNS,
  ASSET_STATUSES,
  ASSET_STATUS_NAMES,
  NETWORK_DOMAINS,
  NETWORK_DOMAIN_NAMES,
  type AssetImportColumn,
  type TAssetInput,
  type TImportError,
} from '../../../../common/assets.ts';
import { IP_CHARS, MONEY } from '../../../../common/patterns.ts';
import { isServiceLineCode, SERVICE_LINE_CODES } from '../../../../common/service-lines.ts';
import { dateOf } from '../../../../common/dates.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { AppError, Invalid } from '../../../kernel/errors.ts';
import { checkFile } from '../../../kernel/files/check.ts';
import { cellString, isTooLong, readFirstSheet, tooLongText, type SheetCell } from '../../../kernel/office/sheet-reader.ts';
import { listRooms, listSites } from '../../org/api.ts';
import { classIndex, type ClassIndex } from '../register/classes.ts';
import { nextNumbers, numberRule, siteSegment } from '../register/numbering.ts';
import { assetHistory, assets } from '../register/tables.ts';

export const SHEET = '资产';
export const IMPORT_MAX_ROWS = 20_000;
const MAX_ERRORS = 2_000;
const BATCH = 500;

const FINANCE_COLS: AssetImportColumn[] = ['原值', '固定资产卡片号', '购置日期', '折旧年限'];

export class ImportRejected extends AppError {
  constructor(errors: TImportError[], truncated: boolean) {
    super(422, 'asset.import_invalid', `导入文件有 ${errors.length}${truncated ? '+' : ''} 处错误，未写入任何数据`, {
      extra: { errors: errors.map((e) => ({ ...e, path: `第 ${e.row} 行 ${e.column}` })), truncated },
    });
  }
}

type Cell = SheetCell | undefined;
const textOf = (v: Cell): string => (v === undefined ? '' : cellString(v));

function dayOf(v: Cell): string | null | undefined {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : undefined;
  const s = textOf(v).replace(/[/.]/g, '-');
  if (!s) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d ? d : undefined;
}

interface Lookups {
  idx: ClassIndex;
  sites: Map<string, { id: string; code: string }>;
  rooms: Map<string, string>; // `${siteId}:${name}` → id
  finance: boolean;
}

interface Parsed {
  input: TAssetInput;
  siteCode: string | null;
}

const statusByName = new Map<string, string>(
  ASSET_STATUSES.flatMap((s) => [
    [s, s],
    [ASSET_STATUS_NAMES[s], s],
  ]),
);
const domainByName = new Map<string, string>(
  NETWORK_DOMAINS.flatMap((d) => [
    [d, d],
    [NETWORK_DOMAIN_NAMES[d], d],
  ]),
);

function parseRow(cells: Partial<Record<AssetImportColumn, Cell>>, rowNo: number, lk: Lookups, errors: TImportError[]): Parsed | null {
  const before = errors.length;
  const err = (column: AssetImportColumn, message: string) => errors.push({ row: rowNo, column, message });
  const t = (c: AssetImportColumn, max: number) => {
    const s = textOf(cells[c]);
    if (s.length > max) err(c, `不能超过 ${max} 个字符`);
    return s;
  };
  const name = t('名称', 200);
  if (!name) err('名称', '必填');
  const classText = t('分类代码', 100);
  const classCode = classText.split(/\s+/)[0] ?? '';
  const cls = lk.idx.byCode.get(classCode);
  if (!classText) err('分类代码', '必填');
  else if (!cls) err('分类代码', `分类 ${classCode} 不存在`);
  else if (cls.disabled) err('分类代码', `分类 ${cls.name} 已停用`);
  const statusText = t('状态', 20);
  const status = statusText ? statusByName.get(statusText) : 'in_stock';
  if (!status) err('状态', `应为 ${ASSET_STATUSES.map((s) => ASSET_STATUS_NAMES[s]).join('、')} 之一`);
  const domainText = t('网络域', 20);
  const networkDomain = domainText ? domainByName.get(domainText) : null;
  if (networkDomain === undefined) err('网络域', `应为 ${NETWORK_DOMAINS.map((d) => NETWORK_DOMAIN_NAMES[d]).join('、')} 之一`);
  const lineText = t('服务项目', 10).toUpperCase();
  if (lineText && !isServiceLineCode(lineText)) err('服务项目', `应为 ${SERVICE_LINE_CODES.join('、')} 之一`);
  const ip = t('管理IP', 64);
  if (!IP_CHARS.test(ip)) err('管理IP', '格式不正确');
  const int = (c: AssetImportColumn, min: number, max: number) => {
    const s = textOf(cells[c]);
    if (!s) return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < min || n > max) {
      err(c, `应为 ${min}–${max} 的整数`);
      return null;
    }
    return n;
  };
  const portCount = int('端口数', 0, 100_000);
  const depreciationYears = int('折旧年限', 1, 100);
  const date = (c: AssetImportColumn) => {
    const d = dayOf(cells[c] ?? null);
    if (d === undefined) err(c, '日期格式应为 YYYY-MM-DD');
    return d ?? null;
  };
  const warrantyUntil = date('保修到期');
  const endOfSupport = date('停止支持');
  const acquiredOn = date('购置日期');
  const valueText = textOf(cells['原值']).replace(/[,，¥元\s]/g, '');
  if (valueText && !MONEY.test(valueText)) err('原值', '应为金额，最多两位小数');
  const siteText = t('地点', 100);
  const site = siteText ? lk.sites.get(siteText) : undefined;
  if (siteText && !site) err('地点', `地点 ${siteText} 不存在`);
  const roomText = t('房间', 100);
  let roomId: string | null = null;
  if (roomText) {
    if (!site) err('房间', '填写房间时须填写地点');
    else {
      roomId = lk.rooms.get(`${site.id}:${roomText}`) ?? null;
      if (!roomId) err('房间', `地点 ${siteText} 下没有房间 ${roomText}`);
    }
  }
  if (!lk.finance) for (const c of FINANCE_COLS) if (textOf(cells[c])) err(c, '没有维护财务信息的权限（asset.finance），请留空');
  const row = {
    vendor: t('厂商', 100),
    model: t('型号', 100),
    serial: t('序列号', 100),
    firmware: t('固件版本', 100),
    building: t('楼宇', 100),
    floor: t('楼层', 40),
    rack: t('机柜', 40),
    rackUnit: t('U位', 20),
    assetCardNumber: t('固定资产卡片号', 60),
    notes: t('备注', 4000),
  };
  if (errors.length > before) return null;
  return {
    siteCode: site?.code ?? null,
    input: {
      ...row,
      name,
      classCode,
      status: status as TAssetInput['status'],
      mgmtIp: ip,
      portCount,
      signatureVersion: '',
      signatureDate: null,
      specs: {},
      networkDomain: (networkDomain ?? null) as TAssetInput['networkDomain'],
      serviceLine: (lineText || null) as TAssetInput['serviceLine'],
      siteId: site?.id ?? null,
      roomId,
      warrantyUntil,
      endOfSupport,
      originalValue: valueText || null,
      acquiredOn,
      depreciationYears,
      depreciationMethod: 'straight_line',
      usingDepartmentId: null,
      custodianPersonId: null,
    },
  };
}

/** Validates every row, then writes all or nothing. */
export async function importAssets(ctx: Ctx, file: { filename: string; bytes: Buffer }): Promise<{ created: number; numbers: string[] }> {
  const checked = checkFile(file.filename, file.bytes);
  if (checked.detected !== 'xlsx') throw new Invalid('asset.import_type', '请上传 Excel 文件（.xlsx），可先下载导入模板');
  const lk: Lookups = {
    idx: await classIndex(ctx),
    sites: new Map(),
    rooms: new Map(),
    finance: ctx.actor?.via === 'system' || !!ctx.actor?.permissions.has('asset.finance'),
  };
  for (const s of await listSites(ctx)) {
    lk.sites.set(s.name, { id: s.id, code: s.code });
    lk.sites.set(s.code, { id: s.id, code: s.code });
  }
  for (const r of await listRooms(ctx, 5000)) lk.rooms.set(`${r.siteId}:${r.name}`, r.id);

  const errors: TImportError[] = [];
  const parsed: Parsed[] = [];
  let header: Map<number, AssetImportColumn> | null = null;
  // Streamed under the kernel's limits (rows, cell length, total text, time): issue 11 point 1.
  await readFirstSheet(
    file.bytes,
    (values, rowNumber) => {
      if (!header) {
        const found = new Map<number, AssetImportColumn>();
        values.forEach((v, i) => {
          const h = textOf(v).replace(/\s/g, '') as AssetImportColumn;
          if ((ASSET_IMPORT_COLUMNS as readonly string[]).includes(h)) found.set(i, h);
        });
        header = found;
        const missing = (['名称', '分类代码'] as const).filter((c) => ![...found.values()].includes(c));
        if (missing.length) throw new Invalid('asset.import_header', `第 1 行缺少列：${missing.join('、')}；请使用导入模板`);
        return;
      }
      const cells: Partial<Record<AssetImportColumn, Cell>> = {};
      for (const [i, h] of header) {
        const v = values[i] ?? null;
        if (isTooLong(v)) errors.push({ row: rowNumber, column: h, message: `内容过长：${tooLongText(v)}` });
        cells[h] = isTooLong(v) ? null : v;
      }
      if (textOf(cells['名称']).includes('示例，导入前请删除本行')) return;
      const p = parseRow(cells, rowNumber, lk, errors);
      if (p) parsed.push(p);
    },
    { maxRows: IMPORT_MAX_ROWS },
  );
  if (!header) throw new Invalid('asset.import_empty', '文件中没有数据');
  if (errors.length) throw new ImportRejected(errors.slice(0, MAX_ERRORS), errors.length > MAX_ERRORS);
  if (!parsed.length) throw new Invalid('asset.import_empty', '文件中没有数据行');

  const rule = await numberRule(ctx);
  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const year = dateOf(now).slice(0, 4);
    // One counter update per prefix for the whole file, numbers in file order.
    const groups = new Map<string, Parsed[]>();
    for (const p of parsed) {
      const key = `${lk.idx.numberCode(p.input.classCode)}\u0000${siteSegment(p.siteCode)}`;
      const list = groups.get(key);
      if (list) list.push(p);
      else groups.set(key, [p]);
    }
    const numberOf = new Map<Parsed, string>();
    for (const [key, list] of groups) {
      const [cls, site] = key.split('\u0000') as [string, string];
      const nums = await nextNumbers(tx, rule, { class: cls, site, year }, list.length);
      list.forEach((p, i) => numberOf.set(p, nums[i]!));
    }
    const numbers: string[] = [];
    const a = tx.actor;
    for (let i = 0; i < parsed.length; i += BATCH) {
      const batch = parsed.slice(i, i + BATCH);
      const rows = await tx.db
        .insert(assets)
        .values(
          batch.map((p) => ({
            ...p.input,
            number: numberOf.get(p)!,
            kind: lk.idx.byCode.get(p.input.classCode)?.kind ?? 'other',
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning({ id: assets.id, number: assets.number, status: assets.status });
      await tx.db.insert(assetHistory).values(
        rows.map((r) => ({
          assetId: r.id,
          at: now,
          kind: 'imported',
          actorId: a && a.via !== 'system' ? a.id : null,
          actorName: a?.displayName ?? '',
          note: `从 Excel 导入（${file.filename}）`,
          data: { number: r.number, status: r.status },
        })),
      );
      numbers.push(...rows.map((r) => r.number));
    }
    await audit(tx, {
      action: 'asset.import',
      objectType: 'asset',
      detail: { file: file.filename, created: numbers.length, first: numbers[0], last: numbers.at(-1) },
    });
    return { created: numbers.length, numbers };
  });
}
