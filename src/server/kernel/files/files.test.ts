// kernel/files as pure functions: the type comes from real bytes of each format (magic numbers, the
// zip central directory of Office Open XML, the OLE2 directory of legacy Office), the extension must
// agree, names keep their Chinese and lose paths and control characters, and the upload size limit
// is configured like every other setting.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, uploadMaxMbFrom } from '../config.ts';
import { AppError } from '../errors.ts';
import { cfbEntryNames, checkFile, sanitizeFileName, sniff, zipEntryNames } from './check.ts';
import { contentDisposition } from '../http.ts';
import { ELF, GIF, HTML, JPEG, PE, WEBP, docx, ftyp, ole2, pdf, png, pptx, xlsx, zip } from '../../test/file-samples.ts';

describe('sniff: the type from the content', () => {
  it.each([
    ['JPEG', () => JPEG, 'jpeg'],
    ['PNG', png, 'png'],
    ['WebP', () => WEBP, 'webp'],
    ['GIF', () => GIF, 'gif'],
    ['HEIC from an iPhone', () => ftyp('heic', ['mif1', 'heic']), 'heic'],
    ['HEIF with a generic major brand', () => ftyp('mif1', ['mif1', 'heic']), 'heic'],
    ['PDF', () => pdf(), 'pdf'],
    ['PowerPoint (pptx)', pptx, 'pptx'],
    ['Word 97-2003 (doc)', () => ole2(['WordDocument', '1Table']), 'doc'],
    ['Excel 97-2003 (xls)', () => ole2(['Workbook']), 'xls'],
    ['PowerPoint 97-2003 (ppt)', () => ole2(['PowerPoint Document', 'Current User']), 'ppt'],
    ['an installer (MSI, also OLE2)', () => ole2(['\u4840\u3f3f']), 'ole2'],
    ['UTF-8 text with Chinese', () => Buffer.from('2021-10-12 10:00 核心交换机 端口 Gi0/1 down\n'), 'text'],
    ['an ELF executable', () => ELF, 'elf'],
    ['a Windows executable', () => PE, 'pe'],
    ['AVIF (not HEIC)', () => ftyp('avif', ['avif', 'mif1', 'miaf']), 'binary'],
    ['GBK text (not UTF-8)', () => Buffer.from([0xba, 0xcb, 0xd0, 0xc4, 0xbd, 0xbb, 0xbb, 0xbb, 0xbb, 0xfa]), 'binary'],
    ['text with a NUL byte', () => Buffer.from('abc\0def'), 'binary'],
  ])('%s', (_n, bytes, expected) => {
    expect(sniff(bytes())).toBe(expected);
  });

  it('recognises a real docx written by the docx package and a real xlsx written by exceljs', async () => {
    const d = await docx();
    const x = await xlsx();
    expect(zipEntryNames(d)).toContain('[Content_Types].xml');
    expect(sniff(d)).toBe('docx');
    expect(sniff(x)).toBe('xlsx');
  });

  it('takes a zip without [Content_Types].xml for a plain zip, whatever it holds', () => {
    expect(sniff(zip({ 'word/document.xml': '<w:document/>' }))).toBe('zip');
    expect(sniff(zip({ 'a.txt': 'x' }))).toBe('zip');
  });

  it('reads the OLE2 directory through the FAT and survives a broken one', () => {
    expect(cfbEntryNames(ole2(['WordDocument']))).toEqual(['WordDocument']);
    const broken = ole2(['WordDocument']);
    broken.writeUInt32LE(999, 0x30); // directory sector out of range
    expect(cfbEntryNames(broken)).toBeNull();
    expect(sniff(broken)).toBe('ole2');
    expect(sniff(broken.subarray(0, 100))).toBe('ole2');
  });
});

function refusal(name: string, bytes: Buffer): AppError {
  try {
    checkFile(name, bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error(`expected ${name} to be refused`);
}

describe('checkFile: the extension must agree with the content', () => {
  it('accepts each format under its own extensions and gives the stored type', async () => {
    expect(checkFile('现场照片.JPG', JPEG)).toMatchObject({ name: '现场照片.JPG', mime: 'image/jpeg', image: true });
    expect(checkFile('a.jpeg', JPEG).mime).toBe('image/jpeg');
    expect(checkFile('机柜.png', png()).mime).toBe('image/png');
    expect(checkFile('IMG_0001.HEIC', ftyp('heic', ['mif1', 'heic'])).mime).toBe('image/heic');
    expect(checkFile('IMG_0001.heif', ftyp('heic', ['mif1', 'heic'])).mime).toBe('image/heif');
    expect(checkFile('报告.pdf', pdf())).toMatchObject({ mime: 'application/pdf', image: false });
    expect(checkFile('处理报告.docx', await docx()).mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(checkFile('巡检表.xlsx', await xlsx()).mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(checkFile('汇报.pptx', pptx()).extension).toBe('pptx');
    expect(checkFile('旧表.xls', ole2(['Workbook'])).mime).toBe('application/vnd.ms-excel');
    expect(checkFile('switch.cfg', Buffer.from('hostname SW-01\n')).mime).toBe('text/plain; charset=utf-8');
  });

  it.each([
    ['an ELF named .jpg', 'photo.jpg', ELF, 'elf'],
    ['a Windows executable named .jpg', '照片.jpg', PE, 'pe'],
    ['HTML named .jpg', 'x.jpg', HTML, 'text'],
    ['a zip named .jpg', 'x.jpg', zip({ 'a.txt': 'x' }), 'zip'],
    ['a zip without [Content_Types].xml named .docx', '报告.docx', zip({ 'word/document.xml': '<w:document/>' }), 'zip'],
    ['a pptx named .xlsx', '表.xlsx', pptx(), 'pptx'],
    ['an MSI named .doc', 'setup.doc', ole2(['\u4840\u3f3f']), 'ole2'],
    ['a PNG named .pdf', 'a.pdf', png(), 'png'],
    ['GBK text named .txt', '日志.txt', Buffer.from([0xba, 0xcb, 0xd0, 0xc4]), 'binary'],
  ])('refuses %s with 415 file.type_mismatch', (_n, name, bytes, detected) => {
    const e = refusal(name, bytes);
    expect(e.status).toBe(415);
    expect(e.code).toBe('file.type_mismatch');
    expect(e.message).toContain('文件内容与扩展名不符');
    expect(e.extra).toMatchObject({ detected });
  });

  it.each([
    ['an executable', 'setup.exe', PE],
    ['a PNG under an unknown extension', 'a.bmp', png()],
    ['a file without an extension', 'README', Buffer.from('hello')],
    ['an SVG (script inside images)', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HTML', 'page.html', HTML],
  ])('refuses %s with 415 file.type_not_allowed', (_n, name, bytes) => {
    const e = refusal(name, bytes);
    expect(e.status).toBe(415);
    expect(e.code).toBe('file.type_not_allowed');
  });

  it('refuses an empty file with 422 file.empty', () => {
    const e = refusal('a.txt', Buffer.alloc(0));
    expect([e.status, e.code]).toEqual([422, 'file.empty']);
  });
});

describe('file names', () => {
  it.each([
    ['机房巡检照片.jpg', '机房巡检照片.jpg'],
    ['C:\\Users\\张三\\Desktop\\故障截图.png', '故障截图.png'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['a\u0000b\u0007c\r\n.txt', 'abc.txt'],
    ['photo\u202Egpj.exe', 'photogpj.exe'], // the right-to-left override that disguises .exe as .jpg
    ['  报告 \t 终稿 .pdf  ', '报告 终稿 .pdf'],
    ['a"b<c>d|e?.pdf', 'a_b_c_d_e_.pdf'],
    ['.hidden.txt', 'hidden.txt'],
    ['..', ''],
  ])('%j → %j', (raw, clean) => {
    expect(sanitizeFileName(raw)).toBe(clean);
  });

  it('caps the length at 120 characters and keeps the extension', () => {
    const n = sanitizeFileName(`${'很长的文件名'.repeat(40)}.docx`);
    expect([...n]).toHaveLength(120);
    expect(n.endsWith('.docx')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('inline', '故障 (1).jpg')).toBe(
      `inline; filename="__ (1).jpg"; filename*=UTF-8''${encodeURIComponent('故障')}%20%281%29.jpg`,
    );
    expect(contentDisposition('attachment', 'a";b.txt')).toBe(`attachment; filename="a__b.txt"; filename*=UTF-8''a%22%3Bb.txt`);
  });
});

describe('YUNWEI_UPLOAD_MAX_MB', () => {
  it('defaults to 20 and takes whole MiB from 1 to 200', () => {
    expect(parseConfig({}, '/srv/yunwei').uploadMaxMb).toBe(20);
    expect(uploadMaxMbFrom({ YUNWEI_UPLOAD_MAX_MB: ' 50 ' })).toBe(50);
    expect(uploadMaxMbFrom({ YUNWEI_UPLOAD_MAX_MB: '' })).toBe(20);
  });

  it.each(['0', '201', '2.5', 'ten', '-1'])('refuses %j, naming the variable on one line', (v) => {
    try {
      parseConfig({ YUNWEI_UPLOAD_MAX_MB: v }, '/srv/yunwei');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).variable).toBe('YUNWEI_UPLOAD_MAX_MB');
      expect((e as ConfigError).message).not.toContain('\n');
    }
  });
});
