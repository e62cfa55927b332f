// The asset import template (issue 4 point 9): headers with a note each, drop-down lists for class,
// status, network domain, service line and site, an example row, and a sheet of instructions.
import type ExcelJS from 'exceljs';
import {
  ASSET_IMPORT_COLUMNS,
  ASSET_STATUSES,
  ASSET_STATUS_NAMES,
  NETWORK_DOMAINS,
  NETWORK_DOMAIN_NAMES,
  type AssetImportColumn,
} from '../../../../common/assets.ts';
import { SERVICE_LINE_CODES } from '../../../../common/service-lines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Download } from '../../../kernel/download.ts';
import { templateDownload } from '../../../kernel/office/xlsx.ts';
import { listSites } from '../../org/api.ts';
import { classIndex, type ClassIndex } from '../register/classes.ts';
import { IMPORT_MAX_ROWS, SHEET } from './import.ts';

const HELP: Record<AssetImportColumn, string> = {
  名称: '必填，如“核心交换机 1”',
  分类代码: '必填：从下拉列表选择，或只填代码（如 A02010202）',
  状态: `可选，默认“在库”：${ASSET_STATUSES.map((s) => ASSET_STATUS_NAMES[s]).join(' / ')}`,
  厂商: '可选',
  型号: '可选',
  序列号: '可选',
  管理IP: '可选，IPv4 或 IPv6',
  固件版本: '可选',
  端口数: '可选，非负整数',
  网络域: `可选：${NETWORK_DOMAINS.map((d) => NETWORK_DOMAIN_NAMES[d]).join(' / ')}`,
  服务项目: `可选：${SERVICE_LINE_CODES.join(' / ')}`,
  地点: '可选：地点名称或代码（如 西办公区），编号中使用地点代码',
  楼宇: '可选',
  楼层: '可选',
  房间: '可选：该地点下的房间名称（如 中心机房西区）',
  机柜: '可选',
  U位: '可选，如 20-21',
  保修到期: '可选，日期 YYYY-MM-DD',
  停止支持: '可选，日期 YYYY-MM-DD（厂商停止支持）',
  原值: '可选，金额（元）；需要财务权限',
  固定资产卡片号: '可选；需要财务权限',
  购置日期: '可选，日期 YYYY-MM-DD；需要财务权限',
  折旧年限: '可选，年；需要财务权限',
  备注: '可选',
};
const colLetter = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');

/** The template of the asset import, with today's classes and sites in its drop-down lists. */
export async function assetTemplate(ctx: Ctx): Promise<Download> {
  const idx = await classIndex(ctx);
  const sites = await listSites(ctx);
  return templateDownload({
    filename: '资产导入模板.xlsx',
    asciiName: 'asset-template.xlsx',
    sheet: SHEET,
    columns: ASSET_IMPORT_COLUMNS.map((c) => ({
      header: c,
      width: c === '名称' || c === '分类代码' ? 28 : c === '备注' ? 30 : 14,
      note: HELP[c],
    })),
    labelWidth: 16,
    notes: [
      ['编号', '资产编号由系统按编号规则生成（分类编号代码-地点代码-流水号），不在表中填写。'],
      ['校验', '导入时先校验每一行，任何一行有误则整批不写入，并逐行逐列列出错误。'],
    ],
    fill: (wb, ws) => fill(wb, ws, idx, sites),
  });
}

/** The example row, and drop-down lists from a hidden sheet (so long lists such as the class tree fit). */
function fill(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, idx: ClassIndex, sites: { name: string }[]): void {
  const example: Partial<Record<AssetImportColumn, string | number>> = {
    名称: '接入交换机（示例，导入前请删除本行）',
    分类代码: 'A02010202 交换机',
    状态: '在用',
    厂商: '华为',
    型号: 'S5735-L48T4X-A1',
    序列号: '2102353XYZ10K0000001',
    管理IP: '10.10.1.21',
    端口数: 52,
    网络域: '电子政务外网',
    服务项目: 'NET',
    地点: sites[0]?.name ?? '',
    机柜: 'A03',
    U位: '20',
    保修到期: '2027-12-31',
  };
  ws.addRow(ASSET_IMPORT_COLUMNS.map((c) => example[c] ?? ''));
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  const opts = wb.addWorksheet('选项', { state: 'hidden' });
  const lists: [string, string[]][] = [
    ['分类代码', [...idx.byCode.values()].filter((c) => !c.disabled).map((c) => `${c.code} ${c.name}`)],
    ['状态', ASSET_STATUSES.map((s) => ASSET_STATUS_NAMES[s])],
    ['网络域', NETWORK_DOMAINS.map((d) => NETWORK_DOMAIN_NAMES[d])],
    ['服务项目', [...SERVICE_LINE_CODES]],
    ['地点', sites.map((s) => s.name)],
  ];
  lists.forEach(([name, values], i) => {
    opts.getCell(1, i + 1).value = name;
    values.forEach((v, j) => (opts.getCell(j + 2, i + 1).value = v));
    const col = ASSET_IMPORT_COLUMNS.indexOf(name as AssetImportColumn);
    if (col < 0 || !values.length) return;
    const L = colLetter(col);
    const O = colLetter(i);
    // exceljs: one validation for the whole column range of data rows.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${L}2:${L}${IMPORT_MAX_ROWS + 1}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${O}$2:$${O}$${values.length + 1}`],
        showErrorMessage: name !== '分类代码',
        errorTitle: name,
        error: `请从列表中选择${name}`,
      },
    );
  });
}
