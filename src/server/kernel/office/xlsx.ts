// Excel (exceljs) for every module: exports with the header row frozen and styled, and the loader
// that imports and templates share. exceljs is loaded on first use: it costs tens of MB that an
// idle server need not hold.
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../common/text.ts';
import { Download } from '../download.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs, loaded on first use. */
export const loadExcel = async () => (await import('exceljs')).default;

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null;
}

/** A value as a cell: text that would run as a formula is kept text (neutraliseFormula); the rest as is. */
export const safeCell = <V>(v: V): V | string => (typeof v === 'string' ? neutraliseFormula(v) : v);

/** One sheet with a frozen, bold header row: what every export of a filtered list gives. */
export async function xlsxDownload<T>(filename: string, sheet: string, columns: Column<T>[], rows: Iterable<T>): Promise<Download> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yunwei 运维';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => safeCell(c.value(r))));
  return workbookDownload(wb, filename, 'export.xlsx');
}

/** A finished workbook as a Download. */
export async function workbookDownload(wb: ExcelJS.Workbook, filename: string, asciiName: string): Promise<Download> {
  return new Download({ filename, asciiName, contentType: XLSX_TYPE, body: Buffer.from(await wb.xlsx.writeBuffer()) });
}

export interface TemplateColumn {
  header: string;
  width: number;
  /** What to enter: shown as the header cell's note and on the instructions sheet. */
  note: string;
}

/**
 * An import template: the data sheet (frozen bold headers, each with its note), whatever `fill`
 * adds (an example row, drop-down lists), then the instructions sheet 填写说明: every column with its
 * note, a blank line and the `notes` lines.
 */
export async function templateDownload(o: {
  filename: string;
  asciiName: string;
  sheet: string;
  columns: TemplateColumn[];
  /** Width of the instructions sheet's first column. */
  labelWidth: number;
  notes: [string, string][];
  fill?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void;
}): Promise<Download> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Yunwei 运维';
  const ws = wb.addWorksheet(o.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = o.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  o.columns.forEach((c, i) => {
    ws.getCell(1, i + 1).note = c.note;
  });
  o.fill?.(wb, ws);
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: o.labelWidth },
    { header: '说明', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of o.columns) help.addRow([c.header, c.note]);
  help.addRow([]);
  for (const n of o.notes) help.addRow(n);
  return workbookDownload(wb, o.filename, o.asciiName);
}
