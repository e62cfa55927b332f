// Excel (exceljs) for every module: exports with the header row frozen and styled, and the loader
// that imports and templates share. exceljs is loaded on first use: it costs tens of MB that an
// idle server need not hold.
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs, loaded on first use. */
export const loadExcel = async () => (await import('exceljs')).default;

export interface Column<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null;
}

export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheet: string,
  columns: Column<T>[],
  rows: Iterable<T>,
): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yunwei 运维';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  const buf = await wb.xlsx.writeBuffer();
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  await reply.send(Buffer.from(buf));
}
