// Uploaded files: ticket attachments and photos from the field, later asset documents.
// "Every upload is size- and type-checked" (ARCHITECTURE.md, security model): the type comes from
// the content's first bytes (magic numbers), never from the client's Content-Type, and the name's
// extension must agree with it; the size is capped while the request streams in, so no more than
// the limit is ever held in memory. Files are stored in the database (table `files`) with their
// SHA-256, so backups, restores and several API nodes need nothing more.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import { FILE_TYPES, type FileExtension, type FileKind, type TFileMeta } from '../../common/files.ts';
import { audit } from './audit.ts';
import type { Ctx } from './context.ts';
import { files, users } from './db/tables.ts';
import { Invalid, NotFound, PayloadTooLarge, Unprocessable, UnsupportedMediaType } from './errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Largest upload in bytes (YUNWEI_UPLOAD_MAX_MB), enforced by @fastify/multipart while streaming. */
    uploadMaxBytes: number;
  }
}

// ---------------------------------------------------------------------------------------------
// Sniffing

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

// ---------------------------------------------------------------------------------------------
// Receiving an upload (multipart/form-data)

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${Number((bytes / MiB).toFixed(1))} MB`;

/** The options @fastify/multipart is registered with (app.ts): one file, small fields, the size cap. */
export function multipartOptions(maxBytes: number): FastifyMultipartBaseOptions {
  return {
    throwFileSizeLimit: true,
    limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 12, headerPairs: 50 },
  };
}

export function tooLarge(maxBytes: number): PayloadTooLarge {
  return new PayloadTooLarge('file.too_large', `文件超过 ${mb(maxBytes)} 的上传上限`, { maxBytes });
}

export interface Upload {
  /** The client's file name, unchecked (checkFile cleans it). */
  filename: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads the one file of a multipart request (field `field`) and its small text fields. The size is
 * measured as the bytes arrive: past the limit the parser stops keeping them and this throws 413.
 * Call it before opening a transaction (it awaits the network).
 */
export async function readUpload(req: FastifyRequest, field = 'file'): Promise<Upload> {
  if (!req.isMultipart()) throw new UnsupportedMediaType('file.multipart_required', '请以 multipart/form-data 方式上传文件');
  const maxBytes = req.server.uploadMaxBytes;
  const fields: Record<string, string> = {};
  let upload: Omit<Upload, 'fields'> | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw new Invalid('file.form_invalid', `表单字段 ${part.fieldname} 过长`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== field || upload) {
        part.file.resume();
        throw new Invalid('file.form_invalid', `请在表单字段“${field}”中上传一个文件`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        chunks.push(chunk);
      }
      if (part.file.truncated) throw tooLarge(maxBytes);
      upload = { filename: part.filename, bytes: Buffer.concat(chunks, size) };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw new Invalid('file.one_only', '每次只能上传一个文件');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new Invalid('file.form_invalid', '表单字段过多');
    if (e instanceof Error && !(code ?? '').startsWith('FST_') && !('status' in e))
      throw new Invalid('file.form_invalid', '上传内容不完整或格式有误，请重试');
    throw e;
  }
  if (!upload) throw new Invalid('file.missing', '请选择要上传的文件', [{ path: `body.${field}`, message: '必填' }]);
  return { ...upload, fields };
}

// ---------------------------------------------------------------------------------------------
// Storage

export interface StoreInput {
  objectType: string;
  objectId: string;
  kind: FileKind;
  name: string;
  bytes: Buffer;
  /** Checked again here for callers that did not stream through readUpload. */
  maxBytes?: number;
}

const metaColumns = {
  id: files.id,
  kind: files.kind,
  name: files.name,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
  createdBy: files.createdBy,
  createdByName: users.displayName,
  createdAt: files.createdAt,
};

interface MetaRow {
  id: string;
  kind: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}
export type FileMeta = Omit<TFileMeta, 'createdAt'> & { createdAt: Date };
const toMeta = (r: MetaRow): FileMeta => ({ ...r, kind: r.kind as FileKind });

/**
 * Checks and stores a file in the caller's transaction, audited 'file.upload'. A photo must be an
 * image. Returns its metadata.
 */
export async function storeFile(ctx: Ctx, input: StoreInput): Promise<FileMeta> {
  if (input.maxBytes !== undefined && input.bytes.length > input.maxBytes) throw tooLarge(input.maxBytes);
  const f = checkFile(input.name, input.bytes);
  if (input.kind === 'photo' && !f.image)
    throw new UnsupportedMediaType('file.photo_not_image', '现场照片须为图片（JPG、PNG、WebP、GIF、HEIC）', { detected: f.detected });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const actor = ctx.actor && ctx.actor.via !== 'system' ? ctx.actor : null;
  const [row] = await ctx.db
    .insert(files)
    .values({
      objectType: input.objectType,
      objectId: input.objectId,
      kind: input.kind,
      name: f.name,
      mime: f.mime,
      size: input.bytes.length,
      sha256,
      content: input.bytes,
      createdBy: actor?.id ?? null,
      createdAt: ctx.now(),
    })
    .returning({ id: files.id, createdAt: files.createdAt });
  if (!row) throw new Error('insert failed');
  const meta: FileMeta = {
    id: row.id,
    kind: input.kind,
    name: f.name,
    mime: f.mime,
    size: input.bytes.length,
    sha256,
    createdBy: actor?.id ?? null,
    createdByName: actor?.displayName ?? null,
    createdAt: row.createdAt,
  };
  await audit(ctx, {
    action: 'file.upload',
    objectType: 'file',
    objectId: row.id,
    detail: { of: { type: input.objectType, id: input.objectId }, kind: input.kind, name: f.name, mime: f.mime, size: meta.size, sha256 },
  });
  return meta;
}

/** The files of one object, oldest first, without their content. */
export async function listFiles(ctx: Ctx, objectType: string, objectId: string): Promise<FileMeta[]> {
  const rows = await ctx.db
    .select(metaColumns)
    .from(files)
    .leftJoin(users, eq(users.id, files.createdBy))
    .where(and(eq(files.objectType, objectType), eq(files.objectId, objectId)))
    .orderBy(asc(files.createdAt), asc(files.id));
  return rows.map((r) => toMeta(r));
}

/** One file's metadata, only if it belongs to that object (404 file.not_found otherwise). */
export async function fileMeta(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta> {
  const [r] = await ctx.db
    .select(metaColumns)
    .from(files)
    .leftJoin(users, eq(users.id, files.createdBy))
    .where(and(eq(files.id, id), eq(files.objectType, objectType), eq(files.objectId, objectId)))
    .limit(1);
  if (!r) throw new NotFound('file.not_found', '文件不存在');
  return toMeta(r);
}

/** One file with its content, only if it belongs to that object (404 file.not_found otherwise). */
export async function readFile(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta & { content: Buffer }> {
  const meta = await fileMeta(ctx, id, objectType, objectId);
  const [r] = await ctx.db.select({ content: files.content }).from(files).where(eq(files.id, id)).limit(1);
  if (!r) throw new NotFound('file.not_found', '文件不存在');
  return { ...meta, content: r.content };
}

/** Deletes a file of that object in the caller's transaction, audited 'file.delete'. */
export async function deleteFile(ctx: Ctx, id: string, objectType: string, objectId: string): Promise<FileMeta> {
  const meta = await fileMeta(ctx, id, objectType, objectId);
  await ctx.db.delete(files).where(eq(files.id, id));
  await audit(ctx, {
    action: 'file.delete',
    objectType: 'file',
    objectId: id,
    before: {
      of: { type: objectType, id: objectId },
      kind: meta.kind,
      name: meta.name,
      mime: meta.mime,
      size: meta.size,
      sha256: meta.sha256,
      createdBy: meta.createdBy,
    },
  });
  return meta;
}

// ---------------------------------------------------------------------------------------------
// Sending a stored file

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name in filename*. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file: its stored type (sniffed at upload), shown inline only for images and PDF,
 * never sniffed by the browser, and anything that is not an image sandboxed with no script, plugin
 * or network access of its own.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  f: { name: string; mime: string; sha256: string; content: Buffer },
): Promise<void> {
  const image = f.mime.startsWith('image/');
  const inline = image || f.mime === 'application/pdf';
  void reply
    .type(f.mime)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', f.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${f.sha256}"`);
  if (!image)
    void reply.header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  await reply.send(f.content);
}
