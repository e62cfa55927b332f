// The type check of every upload ("every upload is size- and type-checked", ARCHITECTURE.md,
// security model): the type comes from the content's first bytes (magic numbers, and the zip or
// OLE2 directory of Office files), never from the client's Content-Type, and the name's extension
// must agree with it. File names are cleaned of paths and invisible characters.
import { FILE_TYPES, type FileExtension } from '../../../common/files.ts';
import { UnsupportedMediaType, Unprocessable } from '../errors.ts';

/** What the content is, from its bytes. The accepted ones match an extension family below. */
export type Sniffed =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'gif'
  | 'heic'
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'doc'
  | 'xls'
  | 'ppt'
  | 'text'
  // recognised but never accepted
  | 'zip'
  | 'ole2'
  | 'pe'
  | 'elf'
  | 'macho'
  | 'binary'
  | 'empty';

/** The content each accepted extension must have. */
const FAMILY: Record<FileExtension, Sniffed> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  heic: 'heic',
  heif: 'heic',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  doc: 'doc',
  xls: 'xls',
  ppt: 'ppt',
  txt: 'text',
  log: 'text',
  cfg: 'text',
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

// ISO BMFF brands of HEIF images from phone cameras (HEVC-coded: heic/heix…; generic: mif1/msf1).
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_GENERIC = new Set(['mif1', 'msf1']);

function isHeic(b: Uint8Array): boolean {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const boxSize = Math.min(view.getUint32(0), b.length, 256);
  const major = ascii(b, 8, 12);
  const compatible: string[] = [];
  for (let o = 16; o + 4 <= boxSize; o += 4) compatible.push(ascii(b, o, o + 4));
  if (HEIC_BRANDS.has(major)) return true;
  // mif1 is also the base of AVIF: take it only when a HEVC brand is listed too.
  return HEIF_GENERIC.has(major) && compatible.some((c) => HEIC_BRANDS.has(c));
}

/** Entry names of a zip, from its central directory (ZIP64 included); null when it cannot be read. */
export function zipEntryNames(b: Uint8Array, max = 20_000): string[] | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = v.getUint16(eocd + 10, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || entries === 0xffff) {
    // ZIP64: the locator sits just before the classic record and points at the ZIP64 record.
    const loc = eocd - 20;
    if (loc < 0 || v.getUint32(loc, true) !== 0x07064b50) return null;
    const rec = Number(v.getBigUint64(loc + 8, true));
    if (rec + 56 > b.length || v.getUint32(rec, true) !== 0x06064b50) return null;
    entries = Number(v.getBigUint64(rec + 32, true));
    cdOffset = Number(v.getBigUint64(rec + 48, true));
  }
  const names: string[] = [];
  const dec = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let n = 0; n < Math.min(entries, max); n++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return null;
    names.push(dec.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function sniffZip(b: Uint8Array): Sniffed {
  const names = zipEntryNames(b);
  if (!names?.includes('[Content_Types].xml')) return 'zip';
  // The main part names the application: word/document.xml, xl/workbook.xml, ppt/presentation.xml.
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

/**
 * Stream and storage names of an OLE2 compound file (MS-CFB), walking the FAT chain of its
 * directory; null when the structure is broken.
 */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  if (b.length < 512) return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shift = v.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1; // upper bound on valid sector numbers
  const at = (sector: number) => (sector + 1) * size;
  const valid = (s: number) => s >= 0 && s < sectors && at(s) + size <= b.length;
  const ENDOFCHAIN = 0xfffffffe;
  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatCount = v.getUint32(0x2c, true);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(v.getUint32(0x4c + i * 4, true));
  let difat = v.getUint32(0x44, true);
  for (let guard = 0; fatSectors.length < fatCount && difat !== ENDOFCHAIN && guard < sectors; guard++) {
    if (!valid(difat)) return null;
    const base = at(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(v.getUint32(base + i * 4, true));
    difat = v.getUint32(base + size - 4, true);
  }
  const next = (s: number): number | null => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined || !valid(fs)) return null;
    return v.getUint32(at(fs) + (s % perSector) * 4, true);
  };
  const names: string[] = [];
  let dir = v.getUint32(0x30, true);
  for (let guard = 0; dir !== ENDOFCHAIN; guard++) {
    if (guard > sectors || !valid(dir)) return null;
    const base = at(dir);
    for (let e = 0; e < size / 128; e++) {
      const o = base + e * 128;
      const type = b[o + 0x42];
      const len = v.getUint16(o + 0x40, true);
      if ((type === 1 || type === 2) && len >= 2 && len <= 64) {
        let name = '';
        for (let i = 0; i < len / 2 - 1; i++) name += String.fromCharCode(v.getUint16(o + i * 2, true));
        names.push(name);
      }
    }
    const n = next(dir);
    if (n === null) return null;
    dir = n;
  }
  return names;
}

function sniffOle2(b: Uint8Array): Sniffed {
  const names = cfbEntryNames(b);
  if (!names) return 'ole2';
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('PowerPoint Document')) return 'ppt';
  return 'ole2'; // an installer (MSI), an Outlook message, …
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8Text(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** The type of the content, from its first bytes (and the zip/OLE2 directory for Office files). */
export function sniff(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length === 0) return 'empty';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (isHeic(b)) return 'heic';
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle2(b);
  if (ascii(b, 0, 2) === 'MZ') return 'pe';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  const m = b.length >= 4 ? new DataView(b.buffer, b.byteOffset, 4).getUint32(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(m)) return 'macho';
  if (isUtf8Text(b)) return 'text';
  return 'binary';
}

// ---------------------------------------------------------------------------------------------
// Names and the type check

const NAME_MAX = 120; // code points

/** Keeps the (Chinese) name; strips any path, control and invisible format characters; caps the length. */
export function sanitizeFileName(raw: string): string {
  let n = raw.normalize('NFC');
  n = n.slice(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
  // Cc: control characters; Cf: invisible format characters (U+202E right-to-left override turns
  // "photo‮gpj.exe" into what looks like "photoexe.jpg"); Zl/Zp: line and paragraph separators.
  n = n.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  n = n.replace(/[<>:"|?*]/g, '_'); // reserved on Windows, where the file is saved again
  n = n.replace(/\s+/gu, ' ');
  n = n.replace(/^[\s.]+|[\s.]+$/gu, ''); // no hidden files, no "..", no trailing dot
  const chars = [...n];
  if (chars.length > NAME_MAX) {
    const dot = n.lastIndexOf('.');
    const ext = dot > 0 ? [...n.slice(dot)] : [];
    const keepExt = ext.length > 0 && ext.length <= 16;
    n = keepExt
      ? chars
          .slice(0, NAME_MAX - ext.length)
          .join('')
          .trimEnd() + ext.join('')
      : chars.slice(0, NAME_MAX).join('');
  }
  return n;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const ACCEPTED_TEXT = '可上传图片（JPG、PNG、WebP、GIF、HEIC）、PDF、Word/Excel/PowerPoint 文档和 UTF-8 文本（TXT、LOG、CFG）';

export interface CheckedFile {
  name: string;
  extension: FileExtension;
  mime: string;
  image: boolean;
  detected: Sniffed;
}

/**
 * The type check of an upload: the content's sniffed type must be one we take and agree with the
 * name's extension. Throws 422 file.empty, 415 file.type_not_allowed or 415 file.type_mismatch.
 */
export function checkFile(rawName: string, bytes: Uint8Array): CheckedFile {
  if (bytes.length === 0) throw new Unprocessable('file.empty', '文件内容为空');
  const name = sanitizeFileName(rawName);
  const ext = extensionOf(name);
  const detected = sniff(bytes);
  if (!(ext in FILE_TYPES)) {
    const what = ext ? `“.${ext}”文件` : '没有扩展名的文件';
    throw new UnsupportedMediaType('file.type_not_allowed', `不支持上传${what}。${ACCEPTED_TEXT}`, { detected });
  }
  const extension = ext as FileExtension;
  if (FAMILY[extension] !== detected) {
    const hint = FAMILY[extension] === 'text' ? '：文本文件须为 UTF-8 编码且不含空字符' : '';
    throw new UnsupportedMediaType('file.type_mismatch', `文件内容与扩展名不符${hint}`, { detected, extension });
  }
  const t = FILE_TYPES[extension];
  return { name, extension, mime: t.mime, image: t.image, detected };
}
