// Reading an uploaded spreadsheet safely (issue 11 point 1). A 24 KB .xlsx whose cells share one
// 10 MB string once made an import run 23 s, answer 420 MB and grow the process to 2.4 GB. So every
// import reads through here: the zip's declared sizes are checked before anything is inflated, the
// first sheet is streamed row by row, and limits on rows, on one cell's length, on the text read in
// all and on time apply while parsing. A cell over its limit is never copied: the caller gets its
// length and a short prefix, which is all an error message may quote. Text is cleaned of characters
// no field may hold (common/text.ts).
import { Readable } from 'node:stream';
import { cleanText } from '../../../common/text.ts';
import { Invalid } from '../errors.ts';
import { loadExcel } from './xlsx.ts';

export interface SheetLimits {
  /** Data rows after the header (blank rows do not count). */
  maxRows: number;
  /** One cell's text, in characters. */
  maxCellChars: number;
  /** All cells' text together, in characters. */
  maxTotalChars: number;
  /** Wall-clock time for the whole read. */
  maxMs: number;
  /** Inflated size of the whole file as its zip directory declares it. */
  maxUnzippedBytes: number;
}

export const SHEET_LIMITS: SheetLimits = {
  maxRows: 20_000,
  maxCellChars: 4_000,
  maxTotalChars: 40_000_000,
  maxMs: 60_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
};

/** A cell too long to read: its length, and at most 20 characters of it for the message. */
export interface TooLong {
  tooLong: number;
  prefix: string;
}
export type SheetCell = string | number | boolean | Date | null | TooLong;

export const isTooLong = (c: SheetCell): c is TooLong => typeof c === 'object' && c !== null && !(c instanceof Date);

/** '「前缀…」（共 N 字）': how an error message names a cell that was too long. */
export const tooLongText = (c: TooLong) => `「${c.prefix}…」（共 ${c.tooLong} 字）`;

/** The cell's text: trimmed, dates as YYYY-MM-DD, a too-long cell as empty (the caller reports it). */
export function cellString(c: SheetCell): string {
  if (c === null || isTooLong(c)) return '';
  if (c instanceof Date) return Number.isFinite(c.getTime()) ? c.toISOString().slice(0, 10) : '';
  return String(c).trim();
}

/** Sums the uncompressed sizes the zip's central directory declares; refuses a zip bomb before inflating. */
export function checkZip(bytes: Buffer, maxBytes: number): void {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) throw new Invalid('sheet.unreadable', '无法读取 Excel 文件，请使用导入模板（.xlsx）');
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50)
      throw new Invalid('sheet.unreadable', '无法读取 Excel 文件，请使用导入模板（.xlsx）');
    total += bytes.readUInt32LE(at + 24);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  if (entries > 2000 || total > maxBytes)
    throw new Invalid('sheet.too_large', `Excel 文件解压后过大（${Math.round(total / 1048576)} MB），请只保留需要导入的工作表和数据`);
}

function primitive(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('text' in o) return String(o.text);
    if ('result' in o) return primitive(o.result);
  }
  return null;
}

/**
 * Streams the first sheet; calls onRow(cells, rowNumber) for each row with any content (row 1, the
 * header, included). Cells are 1-based as in Excel (cells[0] is unused). Throws Invalid past a limit.
 */
export async function readFirstSheet(
  bytes: Buffer,
  onRow: (cells: SheetCell[], rowNumber: number) => void,
  limits: Partial<SheetLimits> = {},
): Promise<void> {
  const l = { ...SHEET_LIMITS, ...limits };
  checkZip(bytes, l.maxUnzippedBytes);
  const deadline = Date.now() + l.maxMs;
  const reader = new (await loadExcel()).stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache', // dates are told from numbers by their style
    entries: 'emit',
  });
  let sheets = 0;
  let rows = 0;
  let chars = 0;
  let fromCaller: unknown; // the caller's own error passes through as it is
  try {
    const late = () => Date.now() > deadline && new Invalid('sheet.too_slow', `读取 Excel 文件超过 ${l.maxMs / 1000} 秒，请拆分后分批导入`);
    for await (const ws of reader) {
      if (sheets++ > 0) {
        // Only the first sheet holds data; the rest is drained (the reader's stream must end), in time.
        for await (const _ of ws) if (late()) throw late();
        continue;
      }
      for await (const row of ws) {
        const tooLate = late();
        if (tooLate) throw tooLate;
        const cells: SheetCell[] = [];
        let any = false;
        (row.values as unknown[]).forEach((raw, i) => {
          let v: SheetCell = primitive(raw);
          if (typeof v === 'string') {
            if (v.length > l.maxCellChars) v = { tooLong: v.length, prefix: cleanText(v.slice(0, 20)) };
            else {
              chars += v.length;
              v = cleanText(v);
            }
          }
          cells[i] = v;
          if (v !== null && v !== '') any = true;
        });
        if (chars > l.maxTotalChars) throw new Invalid('sheet.too_large', 'Excel 文件中的文字过多，请拆分后分批导入');
        if (!any) continue;
        if (row.number > 1 && ++rows > l.maxRows) throw new Invalid('sheet.too_many_rows', `一次最多导入 ${l.maxRows} 行`);
        try {
          onRow(cells, row.number);
        } catch (e) {
          fromCaller = e;
          throw e;
        }
      }
    }
  } catch (e) {
    if (e instanceof Invalid || e === fromCaller) throw e;
    throw new Invalid('sheet.unreadable', '无法读取 Excel 文件，请使用导入模板（.xlsx）');
  }
}
