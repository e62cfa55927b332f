// Excel exports (exceljs) streamed to the reply, with the header row frozen and styled.
import type { FastifyReply } from 'fastify';

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
  // Loaded on first use: exceljs costs tens of MB that an idle server need not hold.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yunwei 运维';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  const buf = await wb.xlsx.writeBuffer();
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  await reply.send(Buffer.from(buf));
}
