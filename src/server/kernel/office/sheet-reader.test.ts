// Issue 11 point 1: a spreadsheet that expands (one 10 MB shared string referenced by thousands of
// cells, a zip whose parts inflate to gigabytes, too many rows) is refused while it is read, quickly
// and with messages that quote at most a short prefix of a cell.
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { checkZip, isTooLong, readFirstSheet, type SheetCell } from './sheet-reader.ts';

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('资产'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rowsOf(bytes: Buffer, limits = {}): Promise<SheetCell[][]> {
  const out: SheetCell[][] = [];
  await readFirstSheet(bytes, (cells) => void out.push(cells), limits);
  return out;
}

describe('reading an uploaded sheet', () => {
  it('reads cells as text, numbers and dates, cleaned of characters no field may hold', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['名称', '数量', '日期']);
      ws.addRow(['核心\u0000交换机\u0007', 3, new Date('2026-03-01T00:00:00Z')]);
    });
    const rows = await rowsOf(bytes);
    expect(rows[1]!.slice(1)).toEqual(['核心交换机', 3, new Date('2026-03-01T00:00:00Z')]);
  });

  it('hands a 10 MB cell shared by 19,000 rows back as its length and a 20-character prefix, fast', async () => {
    const huge = '机房'.repeat(5 * 1024 * 1024);
    const bytes = await workbook((ws) => {
      ws.addRow(['名称']);
      for (let i = 0; i < 19_000; i++) ws.addRow([huge]);
    });
    expect(bytes.length).toBeLessThan(1024 * 1024); // the whole attack fits in a small upload
    let tooLong = 0;
    let longest = 0;
    await readFirstSheet(
      bytes,
      (cells) => {
        for (const c of cells)
          if (c !== undefined && isTooLong(c)) {
            tooLong++;
            longest = Math.max(longest, c.prefix.length);
            expect(c.tooLong).toBeGreaterThanOrEqual(huge.length);
          }
      },
      { maxRows: 20_000 },
    );
    expect(tooLong).toBe(19_000);
    expect(longest).toBeLessThanOrEqual(20);
  });

  it('refuses more rows than the import takes, and more text in all than the limit', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['名称']);
      for (let i = 0; i < 50; i++) ws.addRow([`设备${i}`.padEnd(100, '号')]);
    });
    await expect(rowsOf(bytes, { maxRows: 10 })).rejects.toMatchObject({ code: 'sheet.too_many_rows' });
    await expect(rowsOf(bytes, { maxTotalChars: 1000 })).rejects.toMatchObject({ code: 'sheet.too_large' });
    await expect(rowsOf(bytes, { maxMs: -1 })).rejects.toMatchObject({ code: 'sheet.too_slow' });
  });

  it('refuses a zip whose parts declare more than the limit inflated, before inflating anything', () => {
    // One stored entry declaring 300 MB uncompressed: central directory only (what checkZip reads).
    const name = Buffer.from('xl/sharedStrings.xml');
    const data = deflateRawSync(Buffer.alloc(1024));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(300 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    expect(() => checkZip(zip, 200 * 1024 * 1024)).toThrow(Invalid);
    expect(() => checkZip(zip, 400 * 1024 * 1024)).not.toThrow();
  });

  it('says a file that is not a spreadsheet cannot be read', async () => {
    await expect(rowsOf(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ code: 'sheet.unreadable' });
  });
});
